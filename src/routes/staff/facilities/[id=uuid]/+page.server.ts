import { error, fail, redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as facilities from '$lib/server/facilities/facilities';
import { actor, fields } from '$lib/server/facilities/forms';
import * as regions from '$lib/server/regions/regions';
import { pack } from '$lib/server/i18n/messages';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

// Another gemeente's facility answers 404, the same as one that does not exist.
export const load: PageServerLoad = async ({ params, locals, url }) => {
	const user = requireStaff('content');
	const { db } = database.get();
	const f = await facilities.read(db, actor(user), params.id);
	if (!f) error(404, 'Not found');
	const scope = await facilities.editableGemeenten(db, actor(user));
	const gemeenten = (await regions.gemeenten(db, user.regionId)).filter((g) => scope.has(g.id));
	return {
		facility: {
			id: f.id,
			published: f.published,
			demo: f.demo,
			verifiedOn: f.verified_on,
			values: facilities.toRecord(f)
		},
		saved: url.searchParams.has('saved'),
		gemeenten: gemeenten.map((g) => ({ id: g.id, name: g.name })),
		names: pack(locals.staffLocale, ['facility_category_'])
	};
};

export const actions: Actions = { save, publish, unpublish, verify, delete: remove };

async function save(event: RequestEvent) {
	const user = requireStaff('content');
	const values = fields(await bodies.formOrError(event.request));
	values.id = event.params.id;
	const { db } = database.get();
	const checked = facilities.validate(values, await facilities.editableGemeenten(db, actor(user)));
	if (!checked.ok) return fail(400, { save: { values, errors: checked.errors } });
	const ok = await facilities.update(db, actor(user), event.params.id, checked.value);
	if (!ok) error(404, 'Not found');
	return { save: { done: true } };
}

async function change(event: RequestEvent, what: facilities.Change) {
	const user = requireStaff('content');
	const ok = await facilities.change(database.get().db, actor(user), event.params.id, what);
	if (!ok) error(404, 'Not found');
	if (what === 'delete') redirect(303, '/staff/facilities');
	return { change: { done: what } };
}

function publish(e: RequestEvent) {
	return change(e, 'publish');
}

function unpublish(e: RequestEvent) {
	return change(e, 'unpublish');
}

function verify(e: RequestEvent) {
	return change(e, 'verify');
}

function remove(e: RequestEvent) {
	return change(e, 'delete');
}
