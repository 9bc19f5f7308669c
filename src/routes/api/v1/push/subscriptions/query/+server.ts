import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import * as api from '$lib/server/http/api';
import * as database from '$lib/server/platform/db';
import * as push from '$lib/server/push/push';
import * as schema from '$lib/server/push/schema';
import type { RequestHandler } from './$types';

// What this browser's endpoint is subscribed to, so the worker can see and remove each one.
// POST, not GET: the endpoint is a secret and must not sit in a URL.
export const POST: RequestHandler = async (event) => {
	const body = await api.readJson(event.request, 4_096);
	if (!body.ok) return api.problem(body.status, body.error);
	const parsed = v.safeParse(v.pick(schema.Endpoint, ['endpoint']), body.value);
	if (!parsed.success) return api.problem(400, 'endpoint');
	return json({ subscriptions: await push.listFor(database.get().db, parsed.output.endpoint) });
};
