import { json } from '@sveltejs/kit';
import * as health from '$lib/server/http/health';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async () => {
	const result = await health.check();
	return json(result, { status: result.status === 'ok' ? 200 : 503 });
};
