import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as promises from '$lib/server/meldpunt/promises';
import * as regions from '$lib/server/regions/regions';
import { pack } from '$lib/server/i18n/messages';
import { error } from '@sveltejs/kit';
import type { PageServerLoad } from './$types';

/** The day the statement's wording last changed (AVG art. 12(1): the reader sees which version). */
const UPDATED = '2026-12-06';

// The privacy statement (AVG art. 13) quotes the retention the daily job applies and the region's
// controller and gemeenten from the database, so it changes when the settings change.
export const load: PageServerLoad = async ({ params }) => {
	const db = database.get().db;
	const [values, region, gemeenten] = await Promise.all([
		promises.read(db, config.region),
		regions.read(db, config.region),
		regions.gemeenten(db, config.region)
	]);
	if (!region) error(404, 'Not found');
	return {
		t: promises.fill(pack(params.locale, ['privacy_', 'followup_title']), {
			...values,
			controller: regions.controller(region),
			gemeenten: gemeenten.map((g) => g.name).join(', ')
		}),
		updated: UPDATED
	};
};
