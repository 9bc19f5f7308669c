import { error } from '@sveltejs/kit';
import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as pages from '$lib/server/facilities/pages';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const now = new Date();
	const place = await pages.place(database.get().db, config.region, params.locale, params.id, now);
	if (!place) error(404, 'Not found');
	return {
		place,
		generatedAt: now.toISOString(),
		t: pack(params.locale, ['map_data_from', 'map_demo_notice', 'place_', 'facility_category_'])
	};
};
