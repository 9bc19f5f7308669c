import { config } from '$lib/server/platform/config';
import { Limiter } from '$lib/server/platform/rate-limit';
import * as tiles from '$lib/server/facilities/tiles';
import type { RequestHandler } from './$types';

const perClient = new Limiter('tiles', config.tileLimitPerMinute, 60_000);

export const GET: RequestHandler = async ({ params, getClientAddress }) => {
	const [z, x, y] = [params.z, params.x, params.y].map((v) =>
		/^\d{1,7}$/.test(v) ? Number(v) : NaN
	);
	if (!tiles.valid(z, x, y)) return new Response(null, { status: 404 });
	if (!perClient.consume(getClientAddress())) {
		return new Response(null, { status: 429, headers: { 'retry-after': '60' } });
	}
	const t = await tiles.get(z, x, y);
	if (!t.ok) {
		// The map shows its plain background where a tile is missing; try again later.
		return new Response(null, { status: 503, headers: { 'cache-control': 'no-store' } });
	}
	return new Response(new Uint8Array(t.bytes), {
		headers: {
			'content-type': 'image/png',
			'cache-control': 'public, max-age=604800'
		}
	});
};
