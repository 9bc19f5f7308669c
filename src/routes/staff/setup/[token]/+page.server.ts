import { fail, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as sessions from '$lib/server/staff/session';
import * as setup from '$lib/server/staff/setup';
import * as setupLinks from '$lib/server/staff/setup-links';
import type { Actions, PageServerLoad } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async ({ params }) => {
	const checked = await setupLinks.check(database.get().db, params.token);
	if (!checked.ok) return { valid: false as const, reason: `link_${checked.reason}` };
	return { valid: true as const, bootstrap: checked.link.userId === null };
};

export const actions: Actions = { default: complete };

async function complete(event: import('./$types').RequestEvent) {
	const form = await bodies.formOrError(event.request);
	const name = String(form.get('name') ?? '').slice(0, 200);
	const email = String(form.get('email') ?? '').slice(0, 254);
	const { db } = database.get();
	const result = await setup.complete(db, {
		token: event.params.token,
		name,
		email,
		password: String(form.get('password') ?? ''),
		confirm: String(form.get('confirm') ?? '')
	});
	// Name and e-mail are echoed back so nothing typed is lost; passwords never are.
	if (!result.ok) return fail(400, { setup: { name, email, error: result.error } });
	const { token } = await sessions.create(db, result.userId, false);
	auth.setCookie(event, token);
	redirect(303, '/staff/totp/setup');
}
