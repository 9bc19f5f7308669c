import { fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as templates from '$lib/server/casework/templates';
import { locales } from '$lib/i18n/locales';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async () => {
	const user = requireStaff('region');
	const rows = await templates.list(database.get().db, user.regionId);
	return {
		templates: rows.map((t) => ({
			id: t.id,
			title: t.title,
			active: t.active,
			nl: t.texts.nl ?? ''
		}))
	};
};

export const actions: Actions = { add, disable, enable };

async function add(event: RequestEvent) {
	const user = requireStaff('region');
	const form = await bodies.formOrError(event.request);
	const input = {
		title: String(form.get('title') ?? '').slice(0, 500),
		texts: Object.fromEntries(
			locales.map((l) => [l, String(form.get(`text_${l}`) ?? '').slice(0, 20_000)])
		)
	};
	const checked = templates.validate(input, locales);
	// Everything typed comes back on error, so no translation is lost.
	if (!checked.ok)
		return fail(400, { add: { ...input, error: checked.error, missing: checked.missing } });
	await templates.create(database.get().db, user, checked);
	return { add: { done: true } };
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
