import { gzipSync } from 'node:zlib';
import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as pages from '$lib/server/facilities/pages';
import type { RequestHandler } from './$types';

// Every place the map page's filters ask for, as the map and its in-view list need them. The page
// itself carries only one page of the list, so a region with thousands of places stays light.
// "Open now" changes by the minute: a short cache life, and no ETag to keep.
export const GET: RequestHandler = async ({ url, request }) => {
	const filters = pages.filtersFrom(url.searchParams);
	const body = JSON.stringify(
		await pages.points(database.get().db, config.region, filters, new Date())
	);
	const headers: Record<string, string> = {
		'content-type': 'application/json; charset=utf-8',
		'cache-control': 'public, max-age=60',
		vary: 'accept-encoding'
	};
	if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) {
		return new Response(body, { headers });
	}
	return new Response(gzipSync(body, { level: 6 }), {
		headers: { ...headers, 'content-encoding': 'gzip' }
	});
};
