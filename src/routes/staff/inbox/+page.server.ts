import { requireStaff } from '$lib/server/staff/auth';
import * as access from '$lib/server/casework/access';
import * as database from '$lib/server/platform/db';
import * as inbox from '$lib/server/casework/inbox';
import * as regions from '$lib/server/regions/regions';
import { LABELS } from '$lib/report/labels';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url, locals }) => {
	const user = requireStaff('cases');
	const { db } = database.get();
	const filters = inbox.parseFilters(url.searchParams);
	const page = await inbox.list(db, user, filters);
	const all = await regions.gemeenten(db, user.regionId);
	const s = access.scope(user);
	return {
		labels: pack(locals.staffLocale, LABELS),
		filters: { ...filters, cursor: undefined },
		regional: access.isRegional(user),
		gemeenten: all
			.filter((g) => s?.gemeenten === 'all' || s?.gemeenten.includes(g.id))
			.map((g) => ({ id: g.id, name: g.name })),
		items: page.items.map((i) => ({
			...i,
			createdAt: i.createdAt.toISOString(),
			ackDueAt: i.ackDueAt?.toISOString() ?? null,
			feedbackDueAt: i.feedbackDueAt?.toISOString() ?? null
		})),
		next: page.next,
		counts: page.counts,
		total: page.total
	};
};
