// The worker's side of push subscriptions, for `/api/v1/push/subscriptions`: validation in a fixed
// order (rate limit → shape → address → target), then the repository in push.ts.
import { locales } from '../../paraglide/runtime.js';
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import * as push from './push.ts';
import { Limiter } from '../platform/rate-limit.ts';

// Subscribing costs a DNS lookup and a row: a client gets 30 per 15 minutes.
export const perClient = new Limiter('push-subscribe', 30, 15 * 60 * 1000);

type Failure = { ok: false; status: 400 | 409 | 429; error: string };

export async function create(
	db: Db,
	body: Record<string, unknown>,
	ctx: { client: string }
): Promise<{ ok: true; id: string; topic: 'news' } | Failure> {
	if (!perClient.consume(ctx.client)) return { ok: false, status: 429, error: 'throttled' };
	const parsed = push.parse(body.subscription);
	if (!parsed.ok) return { ok: false, status: 400, error: parsed.error };
	const topic = body.topic;
	// News only: there is no reporter topic (see the README, "Why reporters get no push").
	if (topic !== 'news') return { ok: false, status: 400, error: 'topic' };
	const locale = body.locale;
	if (typeof locale !== 'string' || !(locales as readonly string[]).includes(locale)) {
		return { ok: false, status: 400, error: 'locale' };
	}
	if (!(await push.resolve(parsed.keys.endpoint))) {
		return { ok: false, status: 400, error: 'endpoint_address' };
	}
	const gemeente = typeof body.gemeente === 'string' ? body.gemeente : '';
	const known = await db
		.selectFrom('gemeente')
		.select('id')
		.where('id', '=', gemeente)
		.where('region_id', '=', config.region)
		.executeTakeFirst();
	if (!known) return { ok: false, status: 400, error: 'gemeente' };
	const id = await push.subscribe(db, parsed.keys, { topic, locale, gemeenteId: known.id });
	if (!id) return { ok: false, status: 409, error: 'too_many' };
	return { ok: true, id, topic };
}

export async function remove(
	db: Db,
	body: Record<string, unknown>
): Promise<{ ok: true; removed: number } | { ok: false; error: string }> {
	const endpoint = typeof body.endpoint === 'string' ? body.endpoint : '';
	if (!endpoint || endpoint.length > 2_000) return { ok: false, error: 'endpoint' };
	const id = body.id === undefined ? undefined : body.id;
	if (id !== undefined && (typeof id !== 'string' || !UUID.test(id))) {
		return { ok: false, error: 'id' };
	}
	// Staff subscriptions are removed on the staff account page, never anonymously.
	return { ok: true, removed: await push.remove(db, endpoint, id, { workerOnly: true }) };
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
