import { fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as klankbord from '$lib/server/surveys/klankbord';
import { locales } from '$lib/i18n/locales';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async () => {
	const user = requireStaff('region');
	return { current: await klankbord.latest(database.get().db, user.regionId, 'nl') };
};

export const actions: Actions = { publish };

async function publish(event: RequestEvent) {
	const user = requireStaff('region');
	const form = await bodies.formOrError(event.request);
	const texts = Object.fromEntries(
		locales.map((l) => [l, String(form.get(`text_${l}`) ?? '').slice(0, 10_000)])
	);
	const checked = klankbord.validateNote(texts, locales);
	// Every language comes back on error, so no translation is lost.
	if (!checked.ok)
		return fail(400, { publish: { texts, error: checked.error, missing: checked.missing } });
	await klankbord.publish(database.get().db, user, checked.texts);
	return { publish: { done: true } };
}
