import { fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as regions from '$lib/server/regions/regions';
import * as surveys from '$lib/server/surveys/surveys';
import { locales } from '$lib/i18n/locales';
import { surveyInput } from './form.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async () => {
	const user = requireStaff('content');
	const { db } = database.get();
	const rows = await surveys.list(db, user.regionId);
	return {
		surveys: rows.map((s) => ({
			id: s.id,
			title: s.title,
			series: s.series,
			state: s.state,
			opensOn: s.opens_on,
			closesOn: s.closes_on
		})),
		gemeenten: (await regions.gemeenten(db, config.region)).map((g) => ({ id: g.id, name: g.name }))
	};
};

export const actions: Actions = { add };

async function add(event: RequestEvent) {
	const user = requireStaff('content');
	const { db } = database.get();
	const form = await bodies.formOrError(event.request);
	const input = surveyInput(form, locales);
	const gemeenten = (await regions.gemeenten(db, user.regionId)).map((g) => g.id);
	const checked = surveys.validateSurvey(input, locales, gemeenten);
	if (!checked.ok) return fail(400, { add: { ...input, error: checked.error } });
	const id = await surveys.create(db, user, checked.value);
	redirect(303, `/staff/surveys/${id}`);
}
