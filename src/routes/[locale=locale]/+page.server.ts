import * as database from '$lib/server/db';
import { config } from '$lib/server/config';
import * as guides from '$lib/server/guides';
import * as news from '$lib/server/news';
import { pack } from '$lib/server/texts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const items = await news.latest(database.get().db, config.region, params.locale);
	return {
		t: pack(params.locale, [
			'home_',
			'nav_',
			'checklist_',
			'welcome_yours',
			'welcome_title',
			'map_title',
			'news_'
		]),
		checklist: guides.checklist(params.locale).map((i) => i.id),
		news: items.map((i) => ({ id: i.id, gemeente: i.gemeente, title: i.title, body: i.body }))
	};
};
