import { requireStaff } from '$lib/server/staff/auth';
import * as access from '$lib/server/casework/access';
import * as database from '$lib/server/platform/db';
import * as inbox from '$lib/server/casework/inbox';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireStaff();
	if (!access.scope(user)) return { gemeenten: user.gemeenten, counts: null, overdue: [] };
	const { db } = database.get();
	const all = await inbox.list(db, user, { sort: 'newest' }, new Date(), 1);
	const overdue = access.isRegional(user)
		? await inbox.overdueSummary(db, user.regionId)
		: (await inbox.overdueSummary(db, user.regionId)).filter(
				(o) => o.gemeenteId !== null && user.gemeenten.includes(o.gemeenteId)
			);
	return { gemeenten: user.gemeenten, counts: all.counts, overdue };
};
