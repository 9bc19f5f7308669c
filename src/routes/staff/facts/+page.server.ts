import { fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as facts from '$lib/server/content/facts';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

const YEAR_MS = 365 * 24 * 3600 * 1000;

export const load: PageServerLoad = async () => {
	requireStaff('content');
	const now = Date.now();
	return {
		facts: (await facts.list(database.get().db)).map((f) => ({
			...f,
			stale: now - Date.parse(`${f.checkedOn}T00:00:00Z`) > YEAR_MS
		}))
	};
};

export const actions: Actions = { update };

async function update(event: RequestEvent) {
	const user = requireStaff('content');
	const form = await event.request.formData();
	const key = String(form.get('key') ?? '');
	const input = {
		value: String(form.get('value') ?? '').slice(0, 500),
		checkedOn: String(form.get('checked_on') ?? '').slice(0, 50),
		source: String(form.get('source') ?? '').slice(0, 2000)
	};
	const r = await facts.update(database.get().db, user.id, key, input);
	if (!r.ok)
		return fail(r.error === 'unknown' ? 404 : 400, { update: { key, ...input, error: r.error } });
	return { update: { key, saved: true } };
}
