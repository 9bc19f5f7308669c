import { json } from '@sveltejs/kit';
import * as health from '$lib/server/http/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const result = await health.check();
	// Degraded still serves reads: the balancer keeps sending traffic, monitoring reads `reason`.
	return json(result, { status: result.status === 'error' ? 503 : 200 });
};
