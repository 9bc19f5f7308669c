import { randomUUID } from 'node:crypto';
import { error, fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as templates from '$lib/server/casework/templates';
import { locales } from '$lib/i18n/locales';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireStaff('region');
	const { db } = database.get();
	const editing = url.searchParams.get('edit');
	const edit = editing ? await templates.read(db, user.regionId, editing) : undefined;
	// Another region's reply, or none: the same 404 as a page that does not exist.
	if (editing && !edit) error(404, 'Not found');
	const rows = await templates.list(db, user.regionId);
	return {
		templates: rows.map((t) => ({
			id: t.id,
			title: t.title,
			active: t.active,
			missing: templates.missing(t.texts),
			nl: t.texts.nl ?? ''
		})),
		edit: edit ? { id: edit.id, title: edit.title, texts: edit.texts } : null,
		// A new reply's id from the start: the same form sent twice stores it once.
		fresh: randomUUID()
	};
};

export const actions: Actions = { save, disable, enable };

async function save(event: RequestEvent) {
	const user = requireStaff('region');
	const form = await bodies.formOrError(event.request);
	const id = String(form.get('id') ?? '').slice(0, 100);
	const fresh = String(form.get('fresh') ?? '').slice(0, 100);
	const input = {
		title: String(form.get('title') ?? '').slice(0, 500),
		texts: Object.fromEntries(
			locales.map((l) => [l, String(form.get(`text_${l}`) ?? '').slice(0, 20_000)])
		)
	};
	const checked = templates.validate(input, locales);
	// Everything typed comes back on error, so no translation is lost.
	if (!checked.ok)
		return fail(400, {
			save: { ...input, id, fresh, error: checked.error, missing: checked.missing }
		});
	const { db } = database.get();
	if (id) {
		if (!(await templates.update(db, user, id, checked))) error(404, 'Not found');
	} else {
		// False is the same form again: the reply is stored already.
		await templates.create(db, user, fresh, checked);
	}
	return { saved: { missing: checked.missing } };
}

async function toggle(event: RequestEvent, active: boolean) {
	const user = requireStaff('region');
	const form = await bodies.formOrError(event.request);
	const ok = await templates.setActive(
		database.get().db,
		user,
		String(form.get('id') ?? ''),
		active
	);
	return ok ? {} : fail(404, { toggle: { error: 'not_found' } });
}

function disable(event: RequestEvent) {
	return toggle(event, false);
}

function enable(event: RequestEvent) {
	return toggle(event, true);
}
