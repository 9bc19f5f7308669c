import { requireStaff } from '$lib/server/staff/auth';
import * as audit from '$lib/server/platform/audit';
import * as database from '$lib/server/platform/db';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireStaff('region');
	const action = url.searchParams.get('action') ?? '';
	const rows = await audit.search(database.get().db, {
		regionId: user.regionId,
		action: /^[a-z_.]{1,60}$/.test(action) ? action : undefined,
		limit: 200
	});
	return {
		action,
		rows: rows.map((r) => ({ ...r, at: new Date(r.at).toISOString() }))
	};
};
