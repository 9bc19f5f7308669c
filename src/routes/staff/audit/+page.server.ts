import { requireStaff } from '$lib/server/staff/auth';
import * as audit from '$lib/server/platform/audit';
import * as database from '$lib/server/platform/db';
import * as regions from '$lib/server/regions/regions';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireStaff('region');
	const action = url.searchParams.get('action') ?? '';
	const { db } = database.get();
	const rows = await audit.search(db, {
		regionId: user.regionId,
		action: /^[a-z_.]{1,60}$/.test(action) ? action : undefined,
		limit: 200
	});
	return {
		action,
		rows: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() })),
		gemeenten: (await regions.gemeenten(db, user.regionId)).map((g) => ({ id: g.id, name: g.name }))
	};
};
