import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as regions from '$lib/server/regions/regions';
import * as surveys from '$lib/server/surveys/surveys';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const { db } = database.get();
	const gemeenten = await regions.gemeenten(db, config.region);
	const wanted = url.searchParams.get('gemeente');
	const gemeente = gemeenten.some((g) => g.id === wanted) ? wanted : null;
	const open = await surveys.openFor(db, config.region, gemeente);
	return {
		gemeente,
		gemeenten: gemeenten.map((g) => ({ id: g.id, name: g.name })),
		surveys: open
			.filter((s) => s.locales.includes(params.locale))
			.map((s) => ({ id: s.id, title: s.titles[params.locale] ?? s.title }))
	};
};
