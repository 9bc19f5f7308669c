import { fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as facts from '$lib/server/content/facts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async () => {
	requireStaff('content');
	const all = await facts.list(database.get().db);
	const today = facts.today();
	return {
		today,
		due: facts.dueForReview(all, today).map((f) => ({ key: f.key, standing: f.standing })),
		facts: all.map((f) => ({ ...f, standing: facts.standing(f, today) }))
	};
};

export const actions: Actions = { update };

async function update(event: RequestEvent) {
	const user = requireStaff('content');
	const form = await bodies.formOrError(event.request);
	const key = String(form.get('key') ?? '');
	const input = {
		value: String(form.get('value') ?? '').slice(0, 500),
		validFrom: String(form.get('valid_from') ?? '').slice(0, 50),
		reviewBy: String(form.get('review_by') ?? '').slice(0, 50),
		checkedOn: String(form.get('checked_on') ?? '').slice(0, 50),
		source: String(form.get('source') ?? '').slice(0, 2000),
		confirmed: form.get('confirmed') === 'on'
	};
	const r = await facts.update(database.get().db, user.id, key, input);
	if (!r.ok)
		return fail(r.error === 'unknown' ? 404 : 400, { update: { key, ...input, error: r.error } });
	return { update: { key, saved: true } };
}
