import { config } from '$lib/server/config';
import * as database from '$lib/server/db';
import * as guides from '$lib/server/guides';
import * as klankbord from '$lib/server/klankbord';
import { pack } from '$lib/server/texts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	t: pack(params.locale, [
		'home_',
		'nav_',
		'checklist_',
		'welcome_yours',
		'welcome_title',
		'map_title',
		'survey_home_',
		'yousaid_'
	]),
	checklist: guides.checklist(params.locale).map((i) => i.id),
	yousaid: await klankbord.latest(database.get().db, config.region, params.locale)
});
