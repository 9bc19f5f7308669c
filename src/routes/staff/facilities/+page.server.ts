import { fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as facilities from '$lib/server/facilities/facilities';
import * as files from '$lib/server/facilities/files';
import * as bodies from '$lib/server/http/body';
import { actor } from '$lib/server/facilities/forms';
import { pack } from '$lib/server/i18n/messages';
import * as regions from '$lib/server/regions/regions';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals }) => {
	const user = requireStaff('content');
	const { db } = database.get();
	const rows = await facilities.list(db, actor(user));
	const names = new Map((await regions.gemeenten(db, user.regionId)).map((g) => [g.id, g.name]));
	return {
		facilities: rows.map((f) => ({
			id: f.id,
			name: f.name,
			category: f.category,
			gemeente: names.get(f.gemeente_id) ?? f.gemeente_id,
			published: f.published,
			verifiedOn: f.verified_on,
			demo: f.demo
		})),
		demoCount: rows.filter((f) => f.demo).length,
		names: pack(locals.staffLocale, ['facility_category_'])
	};
};

export const actions: Actions = { import: importFile, demo };

async function importFile(event: RequestEvent) {
	const user = requireStaff('content');
	// Refused before the body is read: BODY_SIZE_LIMIT lets larger requests in for photos.
	if (bodies.declaredTooLarge(event.request, bodies.IMPORT)) {
		// Read and drop the rest, so the browser gets to see the answer instead of a reset.
		await event.request.body?.pipeTo(new WritableStream()).catch(() => undefined);
		return refuse(413, 'too_large');
	}
	const body = await bodies.formData(event.request, bodies.IMPORT);
	if (!body.ok) return refuse(body.status, body.status === 413 ? 'too_large' : 'no_file');
	const form = body.value;
	const file = form.get('file');
	if (!(file instanceof File) || file.size === 0) return refuse(400, 'no_file');
	if (file.size > files.MAX_BYTES) return refuse(413, 'too_large');
	const parsed = files.parse(file.name, new Uint8Array(await file.arrayBuffer()));
	if (!parsed.ok) return refuse(400, parsed.error, parsed.errors);
	const r = await facilities.importRows(database.get().db, actor(user), parsed.rows);
	if (!r.ok) return refuse(400, 'rows', r.errors);
	return { import: { created: r.created, updated: r.updated } };
}

/** Nothing was written; the editor sees why, per row where it is about rows. */
function refuse(status: number, error: string, errors: facilities.RowError[] = []) {
	return fail(status, { import: { error, errors: errors.slice(0, 500) } });
}

async function demo() {
	const user = requireStaff('content');
	const removed = await facilities.removeDemo(database.get().db, actor(user));
	return { demo: { removed } };
}
