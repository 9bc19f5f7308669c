import { isLocale } from '$lib/i18n/locales';
import { isCategory } from '$lib/facilities/categories';
import * as api from '$lib/server/api';
import { config } from '$lib/server/config';
import * as database from '$lib/server/db';
import * as facilityApi from '$lib/server/facility-api';
import type { RequestHandler } from './$types';

// Public data: caches may keep it for five minutes and revalidate with the ETag after that.
const CACHE_CONTROL = 'public, max-age=300, must-revalidate';

export const GET: RequestHandler = async ({ url, request }) => {
	const lang = url.searchParams.get('lang') || 'nl';
	const gemeente = url.searchParams.get('gemeente') || undefined;
	const category = url.searchParams.get('category') || undefined;
	if (!isLocale(lang)) return api.problem(400, 'lang');
	if (category && !isCategory(category)) return api.problem(400, 'category');
	if (gemeente && !/^[a-z0-9-]{1,60}$/.test(gemeente)) return api.problem(400, 'gemeente');

	const c = await facilityApi.collection(database.get().db, config.region, {
		lang,
		gemeente,
		category
	});
	const headers = { etag: c.etag, 'cache-control': CACHE_CONTROL, vary: 'accept-encoding' };
	const match = request.headers.get('if-none-match');
	if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === c.etag)) {
		return new Response(null, { status: 304, headers });
	}
	return new Response(await c.body(), {
		headers: { ...headers, 'content-type': 'application/geo+json; charset=utf-8' }
	});
};
