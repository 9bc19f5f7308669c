// The worker's side of push subscriptions, for `/api/v1/push/subscriptions`: validation in a fixed
// order (rate limit → shape → address → target), then the repository in push.ts.
import * as v from 'valibot';
import { firstError } from '../../input/schema.ts';
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import * as followup from '../meldpunt/followup.ts';
import * as push from './push.ts';
import * as schema from './schema.ts';
import { Limiter } from '../platform/rate-limit.ts';

export const FOLLOWUP_COOKIE = followup.COOKIE;

// Subscribing costs a DNS lookup and a row: a client gets 30 per 15 minutes.
export const perClient = new Limiter('push-subscribe', 30, 15 * 60 * 1000);

type Failure = { ok: false; status: 400 | 401 | 409 | 429; error: string };

export async function create(
	db: Db,
	body: Record<string, unknown>,
	ctx: { client: string; followupToken: string | undefined }
): Promise<{ ok: true; id: string; topic: 'news' | 'report' } | Failure> {
	if (!perClient.consume(ctx.client)) return { ok: false, status: 429, error: 'throttled' };
	const parsed = v.safeParse(schema.request(push.allowLoopback()), body);
	if (!parsed.success) return { ok: false, status: 400, error: firstError(parsed.issues) };
	const { subscription: keys, topic, locale } = parsed.output;
	if (!(await push.resolve(keys.endpoint))) {
		return { ok: false, status: 400, error: 'endpoint_address' };
	}
	let target: push.Target;
	if (topic === 'report') {
		// The link to a report exists only through a follow-up session opened with the receipt.
		const reportId = await followup.validate(db, ctx.followupToken);
		if (!reportId) return { ok: false, status: 401, error: 'followup_session' };
		target = { topic, locale, reportId };
	} else {
		const gemeente = parsed.output.gemeente ?? '';
		const known = await db
			.selectFrom('gemeente')
			.select('id')
			.where('id', '=', gemeente)
			.where('region_id', '=', config.region)
			.executeTakeFirst();
		if (!known) return { ok: false, status: 400, error: 'gemeente' };
		target = { topic, locale, gemeenteId: known.id };
	}
	const id = await push.subscribe(
		db,
		{ endpoint: keys.endpoint, p256dh: keys.keys.p256dh, auth: keys.keys.auth },
		target
	);
	if (!id) return { ok: false, status: 409, error: 'too_many' };
	return { ok: true, id, topic };
}

export async function remove(
	db: Db,
	body: Record<string, unknown>
): Promise<{ ok: true; removed: number } | { ok: false; error: string }> {
	const parsed = v.safeParse(schema.Endpoint, body);
	if (!parsed.success) return { ok: false, error: firstError(parsed.issues) };
	const { endpoint, id } = parsed.output;
	// Staff subscriptions are removed on the staff account page, never anonymously.
	return { ok: true, removed: await push.remove(db, endpoint, id, { workerOnly: true }) };
}
