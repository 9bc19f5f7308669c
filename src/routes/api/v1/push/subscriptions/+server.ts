import { json } from '@sveltejs/kit';
import * as api from '$lib/server/http/api';
import * as database from '$lib/server/platform/db';
import * as pushApi from '$lib/server/push/api';
import type { RequestHandler } from './$types';

const STATUS: Record<pushApi.CreateError, 400 | 409 | 429> = {
	throttled: 429,
	too_many: 409,
	subscription: 400,
	endpoint: 400,
	topic: 400,
	locale: 400,
	endpoint_address: 400,
	gemeente: 400
};

// Creates a subscription: news of a gemeente in a language (reporters get no push: see the README).
// Stores no address and no user agent.
export const POST: RequestHandler = async (event) => {
	const body = await api.readJson(event.request, 8_192);
	if (!body.ok) return api.problem(body.status, body.error);
	const result = await pushApi.create(database.get().db, body.value, {
		client: event.getClientAddress()
	});
	if (!result.ok) return api.problem(STATUS[result.error], result.error);
	return json({ id: result.id, topic: result.topic }, { status: 201 });
};

// Removes one subscription ({ endpoint, id }) or every subscription of an endpoint ({ endpoint }).
// Knowing the endpoint — a secret only the browser and its push service hold — is the proof.
export const DELETE: RequestHandler = async (event) => {
	const body = await api.readJson(event.request, 4_096);
	if (!body.ok) return api.problem(body.status, body.error);
	const result = await pushApi.remove(database.get().db, body.value);
	if (!result.ok) return api.problem(400, result.error);
	return new Response(null, { status: 204 });
};
