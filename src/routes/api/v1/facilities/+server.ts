import * as v from 'valibot';
import * as facility from '$lib/facilities/schema';
import { firstError } from '$lib/input/schema';
import * as api from '$lib/server/http/api';
import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as facilityApi from '$lib/server/facilities/api';
import type { RequestHandler } from './$types';

// Public data: caches may keep it for five minutes and revalidate with the ETag after that.
const CACHE_CONTROL = 'public, max-age=300, must-revalidate';

export const GET: RequestHandler = async ({ url, request }) => {
	const query = v.safeParse(facility.Query, {
		lang: url.searchParams.get('lang') || undefined,
		category: url.searchParams.get('category') || undefined,
		gemeente: url.searchParams.get('gemeente') || undefined
	});
	if (!query.success) return api.problem(400, firstError(query.issues));
	const { lang, gemeente, category } = query.output;

	const c = await facilityApi.collection(database.get().db, config.region, {
		lang,
		gemeente,
		category
	});
	const gzip = /\bgzip\b/.test(request.headers.get('accept-encoding') ?? '');
	// One ETag per representation (RFC 9110 8.8.3): the gzipped bytes differ from the plain ones.
	const etag = gzip ? `${c.etag.slice(0, -1)}-gz"` : c.etag;
	const headers: Record<string, string> = {
		etag,
		'cache-control': CACHE_CONTROL,
		vary: 'accept-encoding'
	};
	const match = request.headers.get('if-none-match');
	if (match && match.split(',').some((t) => t.trim().replace(/^W\//, '') === etag)) {
		return new Response(null, { status: 304, headers });
	}
	const body = await c.body();
	if (gzip) headers['content-encoding'] = 'gzip';
	return new Response(gzip ? body.gzip : body.plain, {
		headers: { ...headers, 'content-type': 'application/geo+json; charset=utf-8' }
	});
};
