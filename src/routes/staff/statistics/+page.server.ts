import { error } from '@sveltejs/kit';
import * as access from '$lib/server/casework/access';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as regions from '$lib/server/regions/regions';
import * as statistics from '$lib/server/casework/statistics';
import * as desk from '$lib/server/partners/desk';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireStaff('cases');
	const scope = access.scope(user);
	if (!scope) error(404, 'Not found');
	const period = statistics.period(url.searchParams.get('from'), url.searchParams.get('to'));
	const { db } = database.get();
	const result = await statistics.compute(db, scope, period);
	const names = new Map((await regions.gemeenten(db, user.regionId)).map((g) => [g.id, g.name]));
	// Only suppressed counts leave the server: a "<5" cell must not be readable in the page data.
	return {
		from: period.fromMonth,
		to: period.toMonth,
		...statistics.view(result, names),
		partnerAnswers: await desk.figures(db, scope, period)
	};
};
