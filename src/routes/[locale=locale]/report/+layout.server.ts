import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as promises from '$lib/server/meldpunt/promises';
import { pack } from '$lib/server/i18n/messages';
import type { LayoutServerLoad } from './$types';

// The report and follow-up pages read their texts from this pack: one language, not thirteen.
// Service levels and numbers come from the settings and facts, never from the words.
// The form takes only the words it shows (the receipt links on with `followup_link`); it is
// server-rendered without the SvelteKit client, so its words reach the phone only as its HTML.
const FORM = ['report_', 'home_emergency_', 'error_', 'followup_link'] as const;

export const load: LayoutServerLoad = async ({ params, route }) => {
	const values = await promises.read(database.get().db, config.region);
	const followUp = route.id === '/[locale=locale]/report/follow-up';
	return {
		t: promises.fill(pack(params.locale, followUp ? [...FORM, 'followup_'] : FORM), values),
		policeTel: promises.tel(values.police),
		crimeAnonymousTel: promises.tel(values.crime_anonymous)
	};
};
