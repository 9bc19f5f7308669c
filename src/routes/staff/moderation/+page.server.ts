import { fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as moderation from '$lib/server/platform/moderation';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async () => {
	const user = requireStaff('content');
	const q = await moderation.queue(database.get().db, user.regionId);
	return { items: [...q.answers, ...q.comments] };
};

export const actions: Actions = { decide };

async function decide(event: RequestEvent) {
	const user = requireStaff('content');
	const form = await bodies.formOrError(event.request);
	const kind = form.get('kind') === 'feedback' ? 'feedback' : 'survey_text';
	const id = String(form.get('id') ?? '');
	const body = String(form.get('body') ?? '').slice(0, 10_000);
	const state = form.get('state') === 'rejected' ? 'rejected' : 'approved';
	const r = await moderation.decide(database.get().db, user, { kind, id, state, body });
	if (r === 'not_found') return fail(404, { decide: { id, body, error: r } });
	if (r !== 'ok') return fail(400, { decide: { id, body, error: r } });
	return { decide: { id, done: true } };
}
