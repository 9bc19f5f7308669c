import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as guides from '$lib/server/content/guides';
import * as klankbord from '$lib/server/surveys/klankbord';
import * as news from '$lib/server/content/news';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const db = database.get().db;
	const [items, yousaid] = await Promise.all([
		news.latest(db, config.region, params.locale),
		klankbord.latest(db, config.region, params.locale)
	]);
	return {
		t: pack(params.locale, [
			'home_',
			'nav_',
			'checklist_',
			'welcome_yours',
			'welcome_title',
			'map_title',
			'news_',
			'survey_home_',
			'yousaid_'
		]),
		// Ids only: the texts (and their figures) are read on the guides page.
		checklist: guides.checklist(params.locale, []).map((i) => i.id),
		news: items.map((i) => ({ id: i.id, gemeente: i.gemeente, title: i.title, body: i.body })),
		yousaid
	};
};
