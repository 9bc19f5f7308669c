import { randomUUID } from 'node:crypto';
import { error, fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as questions from '$lib/server/casework/custom-questions';
import { check, MAX_OPTIONS, MAX_QUESTION } from '$lib/casework/custom-questions';
import { locales } from '$lib/i18n/locales';
import * as bodies from '$lib/server/http/body';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireStaff('region');
	const { db } = database.get();
	const editing = url.searchParams.get('edit');
	const edit = editing ? await questions.read(db, user.regionId, editing) : undefined;
	// Another region's question, or none: the same 404 as a page that does not exist.
	if (editing && (!edit || edit.retired)) error(404, 'Not found');
	return {
		questions: await questions.list(db, user.regionId),
		edit: edit ?? null,
		// A new question's id from the start: the same form sent twice stores it once.
		fresh: randomUUID()
	};
};

export const actions: Actions = { save, retire };

async function save(event: RequestEvent) {
	const user = requireStaff('region');
	const form = await bodies.formOrError(event.request);
	const get = (k: string, max: number) => String(form.get(k) ?? '').slice(0, max);
	const id = get('id', 100);
	const fresh = get('fresh', 100);
	const input = {
		type: get('type', 20),
		texts: Object.fromEntries(
			locales.map((l) => [
				l,
				{
					question: get(`question_${l}`, MAX_QUESTION * 4),
					options: get(`options_${l}`, MAX_OPTIONS * 400)
				}
			])
		)
	};
	const checked = check(input, locales);
	// Everything typed comes back on error, so no translation is lost.
	if (!checked.ok)
		return fail(400, {
			save: { ...input, id, fresh, error: checked.error, locale: checked.locale ?? '' }
		});
	const { db } = database.get();
	if (id) {
		const r = await questions.update(db, user, id, checked);
		if (!r.ok && r.error === 'not_found') error(404, 'Not found');
		if (!r.ok) return fail(409, { save: { ...input, id, fresh, error: r.error, locale: '' } });
	} else {
		// False is the same form again: the question is stored already.
		await questions.create(db, user, fresh, checked);
	}
	return { saved: { missing: checked.missing } };
}

async function retire(event: RequestEvent) {
	const user = requireStaff('region');
	const form = await bodies.formOrError(event.request);
	const ok = await questions.retire(database.get().db, user, String(form.get('id') ?? ''));
	return ok ? { retired: true } : error(404, 'Not found');
}
