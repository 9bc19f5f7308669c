// The worker's side of push subscriptions, for `/api/v1/push/subscriptions`: validation in a fixed
// order (rate limit → shape → address → target), then the repository in push.ts.
import * as v from 'valibot';
import { firstError } from '../../input/schema.ts';
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import * as push from './push.ts';
import * as schema from './schema.ts';
import { Limiter } from '../platform/rate-limit.ts';

// Subscribing costs a DNS lookup and a row: a client gets 30 per 15 minutes.
export const perClient = new Limiter('push-subscribe', 30, 15 * 60 * 1000);

/**
 * Why a subscription was refused; the route picks the HTTP status. throttled: too many from this
 * client; too_many: the
 * endpoint's subscriptions are full; the rest name the field that is wrong.
 */
export type CreateError =
	| 'throttled'
	| 'too_many'
	| push.SubscriptionError
	| 'endpoint_address'
	| 'topic'
	| 'locale'
	| 'gemeente';

type Failure = { ok: false; error: CreateError };

export async function create(
	db: Db,
	body: Record<string, unknown>,
	ctx: { client: string }
): Promise<{ ok: true; id: string; topic: 'news' } | Failure> {
	if (!perClient.consume(ctx.client)) return { ok: false, error: 'throttled' };
	const parsed = v.safeParse(schema.request(push.allowLoopback()), body);
	if (!parsed.success) return { ok: false, error: firstError(parsed.issues) as CreateError };
	// News only: the schema knows no reporter topic (README, "Why reporters get no push").
	const { subscription: keys, topic, locale } = parsed.output;
	if (!push.pushService(keys.endpoint)) return { ok: false, error: 'endpoint' };
	if (!(await push.resolve(keys.endpoint))) {
		return { ok: false, error: 'endpoint_address' };
	}
	const gemeente = parsed.output.gemeente ?? '';
	const known = await db
		.selectFrom('gemeente')
		.select('id')
		.where('id', '=', gemeente)
		.where('region_id', '=', config.region)
		.executeTakeFirst();
	if (!known) return { ok: false, error: 'gemeente' };
	const id = await push.subscribe(
		db,
		{ endpoint: keys.endpoint, p256dh: keys.keys.p256dh, auth: keys.keys.auth },
		{ topic, locale, gemeenteId: known.id }
	);
	if (!id) return { ok: false, error: 'too_many' };
	return { ok: true, id, topic };
}

export async function remove(
	db: Db,
	body: Record<string, unknown>
): Promise<{ ok: true; removed: number } | { ok: false; error: string }> {
	const parsed = v.safeParse(schema.Endpoint, body);
	if (!parsed.success) return { ok: false, error: firstError(parsed.issues) as CreateError };
	const { endpoint, id } = parsed.output;
	// Staff subscriptions are removed on the staff account page, never anonymously.
	return { ok: true, removed: await push.remove(db, endpoint, id, { workerOnly: true }) };
}
