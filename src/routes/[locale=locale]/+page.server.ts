import * as database from '$lib/server/db';
import { config } from '$lib/server/config';
import * as news from '$lib/server/news';
import { pack } from '$lib/server/texts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const items = await news.latest(database.get().db, config.region, params.locale);
	return {
		news: items.map((i) => ({ id: i.id, gemeente: i.gemeente, title: i.title, body: i.body })),
		newsTexts: pack(params.locale, ['news_'])
	};
};
