import { fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as facilities from '$lib/server/facilities/facilities';
import { actor, fields } from '$lib/server/facilities/forms';
import * as regions from '$lib/server/regions/regions';
import { pack } from '$lib/server/i18n/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireStaff('content');
	const { db } = database.get();
	const scope = await facilities.editableGemeenten(db, actor(user));
	const gemeenten = (await regions.gemeenten(db, user.regionId)).filter((g) => scope.has(g.id));
	return {
		gemeenten: gemeenten.map((g) => ({ id: g.id, name: g.name })),
		names: pack(locals.staffLocale, ['facility_category_'])
	};
};

export const actions: Actions = { default: create };

async function create(event: RequestEvent) {
	const user = requireStaff('content');
	const values = fields(await bodies.formOrError(event.request));
	values.id = '';
	const { db } = database.get();
	const checked = facilities.validate(values, await facilities.editableGemeenten(db, actor(user)));
	if (!checked.ok) return fail(400, { save: { values, errors: checked.errors } });
	const id = await facilities.create(db, actor(user), checked.value);
	redirect(303, `/staff/facilities/${id}?saved=1`);
}
