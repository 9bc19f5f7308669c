// The worker's side of push subscriptions, for `/api/v1/push/subscriptions`: validation in a fixed
// order (rate limit → shape → address → target), then the repository in push.ts.
import { locales } from '../../paraglide/runtime.js';
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import * as followup from '../meldpunt/followup.ts';
import * as push from './push.ts';
import { Limiter } from '../platform/rate-limit.ts';
import { isUuid } from '../../shell/uuid.ts';

export const FOLLOWUP_COOKIE = followup.COOKIE;

// Subscribing costs a DNS lookup and a row: a client gets 30 per 15 minutes.
export const perClient = new Limiter('push-subscribe', 30, 15 * 60 * 1000);

/**
 * Why a subscription was refused; the route picks the HTTP status. throttled: too many from this
 * client; followup_session: a report topic without an open follow-up session; too_many: the
 * endpoint's subscriptions are full; the rest name the field that is wrong.
 */
export type CreateError =
	| 'throttled'
	| 'followup_session'
	| 'too_many'
	| push.SubscriptionError
	| 'topic'
	| 'locale'
	| 'gemeente';

type Failure = { ok: false; error: CreateError };

export async function create(
	db: Db,
	body: Record<string, unknown>,
	ctx: { client: string; followupToken: string | undefined }
): Promise<{ ok: true; id: string; topic: 'news' | 'report' } | Failure> {
	if (!perClient.consume(ctx.client)) return { ok: false, error: 'throttled' };
	const parsed = push.parse(body.subscription);
	if (!parsed.ok) return { ok: false, error: parsed.error };
	const topic = body.topic;
	if (topic !== 'news' && topic !== 'report') return { ok: false, error: 'topic' };
	const locale = body.locale;
	if (typeof locale !== 'string' || !(locales as readonly string[]).includes(locale)) {
		return { ok: false, error: 'locale' };
	}
	if (!(await push.resolve(parsed.keys.endpoint))) {
		return { ok: false, error: 'endpoint_address' };
	}
	let target: push.Target;
	if (topic === 'report') {
		// The link to a report exists only through a follow-up session opened with the receipt.
		const reportId = await followup.validate(db, ctx.followupToken);
		if (!reportId) return { ok: false, error: 'followup_session' };
		target = { topic, locale, reportId };
	} else {
		const gemeente = typeof body.gemeente === 'string' ? body.gemeente : '';
		const known = await db
			.selectFrom('gemeente')
			.select('id')
			.where('id', '=', gemeente)
			.where('region_id', '=', config.region)
			.executeTakeFirst();
		if (!known) return { ok: false, error: 'gemeente' };
		target = { topic, locale, gemeenteId: known.id };
	}
	const id = await push.subscribe(db, parsed.keys, target);
	if (!id) return { ok: false, error: 'too_many' };
	return { ok: true, id, topic };
}

export async function remove(
	db: Db,
	body: Record<string, unknown>
): Promise<{ ok: true; removed: number } | { ok: false; error: string }> {
	const endpoint = typeof body.endpoint === 'string' ? body.endpoint : '';
	if (!endpoint || endpoint.length > 2_000) return { ok: false, error: 'endpoint' };
	const id = body.id === undefined ? undefined : body.id;
	if (id !== undefined && !isUuid(id)) {
		return { ok: false, error: 'id' };
	}
	// Staff subscriptions are removed on the staff account page, never anonymously.
	return { ok: true, removed: await push.remove(db, endpoint, id, { workerOnly: true }) };
}
