import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as pages from '$lib/server/facilities/pages';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

// One route for both: without JavaScript a server-rendered list with filters as links; with it,
// the same list plus the map. Texts come as a one-language pack to keep the page's JS small.
export const load: PageServerLoad = async ({ params, url }) => {
	const now = new Date();
	const filters = pages.filtersFrom(url.searchParams);
	const page = pages.pageFrom(url.searchParams);
	const data = await pages.list(
		database.get().db,
		config.region,
		params.locale,
		filters,
		page,
		now
	);
	return {
		...data,
		afterHours:
			data.count === 0
				? await pages.outOfHours(database.get().db, config.region, filters, now)
				: undefined,
		filters,
		generatedAt: now.toISOString(),
		t: pack(params.locale, ['map_', 'place_', 'facility_category_', 'home_emergency_call'])
	};
};
