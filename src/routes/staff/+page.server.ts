import { redirect } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as access from '$lib/server/casework/access';
import * as database from '$lib/server/platform/db';
import * as inbox from '$lib/server/casework/inbox';
import * as jobs from '$lib/server/app/jobs';
import * as regions from '$lib/server/regions/regions';
import { can } from '$lib/staff/roles';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireStaff();
	// A partner user's start page is its inbox: nothing on the dashboard is its business.
	if (can(user.role, 'partner')) redirect(303, '/staff/partner');
	const { db } = database.get();
	const factsDue = can(user.role, 'content') ? await factsNotice(db) : null;
	const names = new Map((await regions.gemeenten(db, user.regionId)).map((g) => [g.id, g.name]));
	const gemeenten = user.gemeenten.map((id) => names.get(id) ?? id);
	if (!access.scope(user)) return { gemeenten, counts: null, overdue: [], factsDue };
	const all = await inbox.list(db, user, { sort: 'newest' }, new Date(), 1);
	const overdue = access.isRegional(user)
		? await inbox.overdueSummary(db, user.regionId)
		: (await inbox.overdueSummary(db, user.regionId)).filter(
				(o) => o.gemeenteId !== null && user.gemeenten.includes(o.gemeenteId)
			);
	return { gemeenten, counts: all.counts, overdue, factsDue };
};

/** The daily check's notice: figures whose date passed or comes within the notice period. */
async function factsNotice(db: database.Db) {
	const last = await jobs.lastResult(db, 'facts');
	if (!last) return null;
	const count = (k: string) => (Array.isArray(last.result[k]) ? last.result[k].length : 0);
	const n = { day: last.day, due: count('due'), expired: count('expired') };
	return n.due + n.expired > 0 ? n : null;
}
