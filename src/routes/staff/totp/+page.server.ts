import { fail, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as login from '$lib/server/staff/login';
import type { Actions, PageServerLoad } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = ({ locals }) => {
	const { user } = auth.requirePasswordSession();
	if (!user.hasTotp) redirect(303, '/staff/totp/setup');
	if (locals.session?.twoFactorVerified) redirect(303, '/staff');
	return {};
};

export const actions: Actions = { default: verify };

async function verify(event: import('./$types').RequestEvent) {
	const { user, sessionId } = auth.requirePasswordSession();
	const form = await bodies.formOrError(event.request);
	const code = String(form.get('code') ?? '').slice(0, 20);
	const result = await login.withTotp(database.get().db, { userId: user.id, sessionId, code });
	if (!result.ok) {
		return fail(result.error === 'throttled' ? 429 : 400, {
			totp: { error: result.error === 'throttled' ? 'throttled' : 'invalid_code' }
		});
	}
	auth.setCookie(event, result.token);
	redirect(303, auth.safeNext(event.url.searchParams.get('next')));
}
