import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as promises from '$lib/server/meldpunt/promises';
import { pack } from '$lib/server/i18n/messages';
import type { LayoutServerLoad } from './$types';

// The report and follow-up pages read their texts from this pack: one language, not thirteen.
// Service levels and numbers come from the settings and facts, never from the words.
export const load: LayoutServerLoad = async ({ params }) => {
	const values = await promises.read(database.get().db, config.region);
	return {
		t: promises.fill(
			pack(params.locale, ['report_', 'followup_', 'home_emergency_', 'error_', 'push_']),
			values
		),
		policeTel: promises.tel(values.police),
		crimeAnonymousTel: promises.tel(values.crime_anonymous)
	};
};
