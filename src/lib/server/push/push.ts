// Web push: subscriptions, the VAPID keys, and delivery through pg-boss.
// Anonymity: a subscription stores the push service's endpoint and keys, a topic, a language and
// one link (gemeente, report or staff user) — no address, no user agent. Every payload is a fixed
// text in the recipient's language; no report id, category, gemeente or sender ever goes out.
// Payloads are encrypted per RFC 8291 (aes128gcm) by web-push; VAPID (RFC 8292) signs requests.
import { randomUUID } from 'node:crypto';
import dns from 'node:dns';
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import net from 'node:net';
import path from 'node:path';
import * as v from 'valibot';
import webpush from 'web-push';
import { firstError } from '../../input/schema.ts';
import * as boss from '../platform/boss.ts';
import { config } from '../platform/config.ts';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import type { PushTopic } from '../platform/db/schema.ts';
import { log } from '../platform/log.ts';
import * as schema from './schema.ts';
import { WHOLE_REGION, wholeRegion, withPermission } from '../../staff/roles.ts';
import { isUuid } from '../../shell/uuid.ts';
import * as texts from './texts.ts';

export const SEND_QUEUE = 'push-send';
export const FANOUT_QUEUE = 'push-fanout';
/** Staff notices about reporters' actions, held until the next full hour (issue #17). */
export const STAFF_HOURLY_QUEUE = 'push-staff-hourly';
/** Subscriptions one endpoint may hold (news for a few gemeenten, a few reports). */
export const MAX_PER_ENDPOINT = 20;
/** Fan-out inserts this many sends per step … */
export const FANOUT_PAGE = 500;
/** … and waits while more than this many sends are waiting: the queue never grows unbounded. */
export const MAX_WAITING = 5_000;
export const SEND_TIMEOUT_MS = 10_000;

// ---- VAPID keys ------------------------------------------------------------------------------

export interface Vapid {
	publicKey: string;
	privateKey: string;
	subject: string;
}

/** From WEGWIJS_VAPID_PUBLIC_KEY/PRIVATE_KEY, else generated once into DATA_DIR/secrets. */
export function loadVapid(dataDir = config.dataDir, env = process.env): Vapid {
	const origin = config.origin;
	const subject =
		env.WEGWIJS_VAPID_SUBJECT ||
		(origin.startsWith('https://') ? origin : 'mailto:meldpunt@wegwijs.invalid');
	if (env.WEGWIJS_VAPID_PUBLIC_KEY || env.WEGWIJS_VAPID_PRIVATE_KEY) {
		const publicKey = env.WEGWIJS_VAPID_PUBLIC_KEY ?? '';
		const privateKey = env.WEGWIJS_VAPID_PRIVATE_KEY ?? '';
		if (Buffer.from(publicKey, 'base64url').length !== 65 || !privateKey) {
			throw new Error('WEGWIJS_VAPID_PUBLIC_KEY and WEGWIJS_VAPID_PRIVATE_KEY must both be set');
		}
		return { publicKey, privateKey, subject };
	}
	const dir = path.join(dataDir, 'secrets');
	const file = path.join(dir, 'vapid.json');
	try {
		return { ...JSON.parse(fs.readFileSync(file, 'utf8')), subject };
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
	}
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
	const keys = webpush.generateVAPIDKeys();
	try {
		fs.writeFileSync(file, JSON.stringify(keys) + '\n', { mode: 0o600, flag: 'wx' });
		return { ...keys, subject };
	} catch (err) {
		// Another process wrote it first: use theirs, so every instance signs with one key.
		if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
		return { ...JSON.parse(fs.readFileSync(file, 'utf8')), subject };
	}
}

let vapidKeys: Vapid | undefined;
export function vapid(): Vapid {
	vapidKeys ??= loadVapid();
	return vapidKeys;
}

// ---- Addresses (no server-side request forgery) -----------------------------------------------

const BLOCKED = new net.BlockList();
for (const [net4, bits] of [
	['0.0.0.0', 8],
	['10.0.0.0', 8],
	['100.64.0.0', 10],
	['127.0.0.0', 8],
	['169.254.0.0', 16],
	['172.16.0.0', 12],
	['192.0.0.0', 24],
	['192.0.2.0', 24],
	['192.168.0.0', 16],
	['198.18.0.0', 15],
	['198.51.100.0', 24],
	['203.0.113.0', 24],
	['224.0.0.0', 4],
	['240.0.0.0', 4]
] as const) {
	BLOCKED.addSubnet(net4, bits, 'ipv4');
}
for (const [net6, bits] of [
	['::', 128],
	['::1', 128],
	['64:ff9b::', 96],
	['100::', 64],
	['2001:db8::', 32],
	// Teredo and 6to4 carry an IPv4 address inside (RFC 4380, RFC 3056): through them a private
	// IPv4 network is reachable, and no push service lives there.
	['2001::', 32],
	['2002::', 16],
	['fc00::', 7],
	['fe80::', 10],
	['ff00::', 8]
] as const) {
	BLOCKED.addSubnet(net6, bits, 'ipv6');
}

/**
 * Test-only escape hatch: WEGWIJS_PUSH_ALLOW_LOOPBACK=1 lets endpoints on 127.0.0.0/8 and ::1
 * (and plain http there) through, for the local push-service peer in the tests and the bench.
 * Never set it in production: it opens the server's own loopback services to anyone subscribing.
 */
export function allowLoopback(env = process.env): boolean {
	return env.WEGWIJS_PUSH_ALLOW_LOOPBACK === '1';
}

function isLoopback(address: string): boolean {
	return address === '::1' || /^(::ffff:)?127\./.test(address);
}

/** May the server send to this address? Private, loopback, link-local and special ranges: no. */
export function publicAddress(address: string, loopbackOk = allowLoopback()): boolean {
	if (isLoopback(address)) return loopbackOk;
	const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
	if (mapped) return !BLOCKED.check(mapped[1], 'ipv4');
	const family = net.isIPv4(address) ? 'ipv4' : net.isIPv6(address) ? 'ipv6' : null;
	return family !== null && !BLOCKED.check(address, family);
}

class RefusedAddress extends Error {
	code = 'EPUSHADDRESS';
}

/** A DNS lookup for http(s).request that refuses private addresses at connection time. */
const guardedLookup: net.LookupFunction = (hostname, options, callback) => {
	dns.lookup(hostname, { all: true }, (err, addresses) => {
		if (err) return callback(err, '', 0);
		const refused = addresses.length === 0 || addresses.some((a) => !publicAddress(a.address));
		if (refused) return callback(new RefusedAddress('push endpoint address refused'), '', 0);
		if ((options as dns.LookupAllOptions).all) {
			(callback as unknown as (e: null, a: dns.LookupAddress[]) => void)(null, addresses);
		} else {
			callback(null, addresses[0].address, addresses[0].family);
		}
	});
};

// ---- Subscriptions ---------------------------------------------------------------------------

export interface Keys {
	endpoint: string;
	p256dh: string;
	auth: string;
}

export type SubscriptionError = 'subscription' | 'endpoint' | 'endpoint_address';

/** Checks the shape of a browser's PushSubscription JSON; the address is checked by `resolve`. */
export function parse(
	value: unknown
): { ok: true; keys: Keys } | { ok: false; error: SubscriptionError } {
	const result = v.safeParse(schema.subscription(allowLoopback()), value);
	if (!result.success) return { ok: false, error: firstError(result.issues) as SubscriptionError };
	const { endpoint, keys } = result.output;
	if (!pushService(endpoint)) return { ok: false, error: 'endpoint' };
	return { ok: true, keys: { endpoint, p256dh: keys.p256dh, auth: keys.auth } };
}

/**
 * An endpoint the schema accepted that belongs to a browser's push service (WEGWIJS_PUSH_HOSTS).
 * Plain http passes the schema only for a loopback test service.
 */
export function pushService(endpoint: string): boolean {
	const url = new URL(endpoint);
	return url.protocol !== 'https:' || knownPushHost(url.hostname);
}

/** Only the browsers' push services (WEGWIJS_PUSH_HOSTS): nobody else gets our requests. */
export function knownPushHost(hostname: string, hosts = config.pushHosts): boolean {
	const host = hostname.toLowerCase();
	return hosts.some((h) => host === h || host.endsWith(`.${h}`));
}

/** Refuses an endpoint whose host resolves to a private, loopback or link-local address. */
export async function resolve(endpoint: string): Promise<boolean> {
	const url = new URL(endpoint);
	let addresses: dns.LookupAddress[];
	try {
		addresses = await dns.promises.lookup(url.hostname.replace(/^\[|\]$/g, ''), { all: true });
	} catch {
		return false;
	}
	if (addresses.length === 0 || !addresses.every((a) => publicAddress(a.address))) return false;
	// Plain http only ever for the loopback test peer.
	return url.protocol === 'https:' || addresses.every((a) => isLoopback(a.address));
}

export interface Target {
	topic: PushTopic;
	locale: string;
	gemeenteId?: string | null;
	staffUserId?: string | null;
}

/** Stores a subscription (again: same row). Null when the endpoint already holds too many. */
export async function subscribe(db: Db, keys: Keys, target: Target): Promise<string | null> {
	const values = {
		gemeente_id: target.gemeenteId ?? null,
		staff_user_id: target.staffUserId ?? null
	};
	const held = await db
		.selectFrom('push_subscription')
		.select(['id', 'topic', 'gemeente_id', 'staff_user_id'])
		.where('endpoint', '=', keys.endpoint)
		.execute();
	const same = held.find(
		(h) =>
			h.topic === target.topic &&
			h.gemeente_id === values.gemeente_id &&
			h.staff_user_id === values.staff_user_id
	);
	if (!same && held.length >= MAX_PER_ENDPOINT) return null;
	if (target.staffUserId) staffChanged();
	const row = await db
		.insertInto('push_subscription')
		.values({
			id: randomUUID(),
			endpoint: keys.endpoint,
			p256dh: keys.p256dh,
			auth: keys.auth,
			topic: target.topic,
			locale: target.locale,
			...values
		})
		.onConflict((oc) =>
			oc.columns(['endpoint', 'topic', 'gemeente_id', 'staff_user_id']).doUpdateSet((eb) => ({
				p256dh: eb.ref('excluded.p256dh'),
				auth: eb.ref('excluded.auth'),
				locale: eb.ref('excluded.locale')
			}))
		)
		.returning('id')
		.executeTakeFirstOrThrow();
	return row.id;
}

export interface Listed {
	id: string;
	topic: PushTopic;
	locale: string;
	gemeente: string | null;
}

/** What this endpoint (the browser that holds it) is subscribed to. */
export async function listFor(db: Db, endpoint: string): Promise<Listed[]> {
	const rows = await db
		.selectFrom('push_subscription as s')
		.leftJoin('gemeente as g', 'g.id', 's.gemeente_id')
		.select(['s.id', 's.topic', 's.locale', 'g.name as gemeente'])
		.where('s.endpoint', '=', endpoint)
		.where('s.staff_user_id', 'is', null)
		.orderBy('s.created_at')
		.execute();
	return rows;
}

/** Removes one subscription of this endpoint, or all of them when no id is given. */
export async function remove(
	db: Db,
	endpoint: string,
	id?: string,
	opts: { workerOnly?: boolean } = {}
): Promise<number> {
	let q = db.deleteFrom('push_subscription').where('endpoint', '=', endpoint);
	if (id) q = q.where('id', '=', id);
	if (opts.workerOnly) q = q.where('staff_user_id', 'is', null);
	const r = await q.executeTakeFirst();
	return Number(r.numDeletedRows);
}

export async function listForStaff(db: Db, userId: string) {
	return db
		.selectFrom('push_subscription')
		.select(['id', 'topic', 'created_at'])
		.where('staff_user_id', '=', userId)
		.orderBy('created_at')
		.execute();
}

export async function removeForStaff(db: Db, userId: string, id: string): Promise<void> {
	if (!isUuid(id)) return;
	staffChanged();
	await db
		.deleteFrom('push_subscription')
		.where('staff_user_id', '=', userId)
		.where('id', '=', id)
		.execute();
}

// ---- Enqueueing ------------------------------------------------------------------------------

export interface SendJob {
	/** subscription id */
	s: string;
	k: texts.Kind;
}

export interface HourlyJob {
	/** subscription id */
	s: string;
	k: texts.Kind;
}

export interface FanoutJob {
	topic: 'news';
	gemeenteId: string;
	locale: string;
	after: string | null;
}

// Retries with exponential backoff (10 s, 20 s, … at most 10 minutes), for timeouts and 5xx/429.
const SEND_RETRY = { retryLimit: 6, retryDelay: 10, retryBackoff: true, retryDelayMax: 600 };

export async function createQueues(b: import('pg-boss').PgBoss): Promise<void> {
	await b.createQueue(SEND_QUEUE, { ...SEND_RETRY, expireInSeconds: 60, retentionSeconds: 86_400 });
	await b.createQueue(FANOUT_QUEUE, { retryLimit: 10, retryDelay: 5, retryBackoff: true });
	// 'short': at most one waiting job per key, so one notice per subscription and hour.
	await b.createQueue(STAFF_HOURLY_QUEUE, { policy: 'short', retryLimit: 10, retryDelay: 30 });
}

async function enqueue(db: Db, subs: { id: string }[], kind: texts.Kind): Promise<number> {
	if (subs.length === 0) return 0;
	const b = boss.get();
	if (!b) {
		// Only the admin CLI runs without a job queue, and it never replies to reports.
		log.warn({ kind, count: subs.length }, 'push not sent: no job queue in this process');
		return 0;
	}
	await b.insert(
		SEND_QUEUE,
		subs.map((s) => ({ data: { s: s.id, k: kind } satisfies SendJob, ...SEND_RETRY })),
		{ db: db.isTransaction ? boss.inTransaction(db) : undefined }
	);
	return subs.length;
}

// Who wants to hear of new reports, per region, read at most every 30 s: at peak intake a report
// costs no extra query, and a new opt-in counts within the minute the issue asks for.
const STAFF_CACHE_MS = 30_000;
type Listener = { id: string; regional: boolean; gemeenten: string[] };
let listeners = new WeakMap<Db, Map<string, { list: Promise<Listener[]>; until: number }>>();

function newReportListeners(db: Db, regionId: string): Promise<Listener[]> {
	const cache =
		listeners.get(db) ?? new Map<string, { list: Promise<Listener[]>; until: number }>();
	listeners.set(db, cache);
	const hit = cache.get(regionId);
	if (hit && hit.until > Date.now()) return hit.list;
	// The promise is cached, not its result: a burst of reports shares one query.
	const list = readListeners(db, regionId);
	cache.set(regionId, { list, until: Date.now() + STAFF_CACHE_MS });
	list.catch(() => cache.delete(regionId));
	return list;
}

async function readListeners(db: Db, regionId: string): Promise<Listener[]> {
	const rows = await db
		.selectFrom('push_subscription as s')
		.innerJoin('staff_user as u', 'u.id', 's.staff_user_id')
		.leftJoin('staff_user_gemeente as ug', 'ug.user_id', 'u.id')
		.select(['s.id', 'u.role', 'ug.gemeente_id'])
		.where('s.topic', '=', 'staff_reports')
		.where('u.region_id', '=', regionId)
		.where('u.disabled_at', 'is', null)
		.where('u.role', 'in', withPermission('cases'))
		.execute();
	const byId = new Map<string, Listener>();
	for (const r of rows) {
		const l = byId.get(r.id) ?? { id: r.id, regional: wholeRegion(r.role), gemeenten: [] };
		if (r.gemeente_id) l.gemeenten.push(r.gemeente_id);
		byId.set(r.id, l);
	}
	return [...byId.values()];
}

/** Forget the cached listeners (after a staff member opts in or out on this instance). */
export function staffChanged(): void {
	listeners = new WeakMap();
}

/**
 * A new report: staff who opted in and may see it (their gemeente, or the whole region) hear of
 * it at the next full hour, in one notice with every other report of that hour. Issue #17: the
 * report's time is stored to the hour; a push within seconds would tell a push service, and
 * anyone who sees the phone light up, the minute it was sent.
 */
export async function onNewReport(
	db: Db,
	report: { regionId: string; gemeenteId: string | null },
	now = new Date()
): Promise<number> {
	const all = await newReportListeners(db, report.regionId);
	const subs = all.filter(
		(l) => l.regional || (report.gemeenteId !== null && l.gemeenten.includes(report.gemeenteId))
	);
	return holdUntilTheHour(db, subs, 'new_report', now);
}

/** The start of the hour after `at` (UTC). */
export function nextHour(at: Date): Date {
	return new Date((Math.floor(at.getTime() / HOUR_MS) + 1) * HOUR_MS);
}

const HOUR_MS = 3_600_000;

async function holdUntilTheHour(
	db: Db,
	subs: { id: string }[],
	kind: texts.Kind,
	now: Date
): Promise<number> {
	const b = boss.get();
	if (subs.length === 0 || !b) return enqueue(db, subs, kind);
	const at = nextHour(now);
	let held = 0;
	for (const s of subs) {
		// The hour is part of the key: a report at 11:00:01 waits for 12:00, even while the
		// 11:00 notice has not been fetched yet.
		const id = await b.send(STAFF_HOURLY_QUEUE, { s: s.id, k: kind } satisfies HourlyJob, {
			singletonKey: `${kind}:${s.id}:${at.toISOString()}`,
			startAfter: at,
			db: db.isTransaction ? boss.inTransaction(db) : undefined
		});
		if (id) held++;
	}
	return held;
}

/** The hour has come: hand the held notice to the send queue. */
export async function release(db: Db, job: HourlyJob): Promise<void> {
	await enqueue(db, [{ id: job.s }], job.k);
}

/**
 * A reporter replied: the handler it is assigned to, or, while nobody is, staff who may see it
 * (as for a new report). The same opt-in (topic staff_reports), the same fixed text rule, and the
 * same wait for the next full hour: the reply's time is stored to the hour (issue #17).
 */
export async function onReply(db: Db, reportId: string, now = new Date()): Promise<number> {
	const report = await db
		.selectFrom('report')
		.select(['region_id', 'gemeente_id', 'assigned_to'])
		.where('id', '=', reportId)
		.executeTakeFirst();
	if (!report) return 0;
	const all = await newReportListeners(db, report.region_id);
	let subs = all.filter(
		(l) => l.regional || (report.gemeente_id !== null && l.gemeenten.includes(report.gemeente_id))
	);
	if (report.assigned_to) {
		const own = await db
			.selectFrom('push_subscription')
			.select('id')
			.where('topic', '=', 'staff_reports')
			.where('staff_user_id', '=', report.assigned_to)
			.execute();
		// Still among those who may see it: an assignee who lost the gemeente hears nothing.
		const ids = new Set(own.map((o) => o.id));
		subs = subs.filter((l) => ids.has(l.id));
	}
	return holdUntilTheHour(db, subs, 'reply', now);
}

/** The daily overdue reminder: staff who opted in and have overdue reports in their scope. */
export async function onOverdue(
	db: Db,
	regionId: string,
	overdue: { gemeenteId: string | null; count: number }[]
): Promise<number> {
	const gemeenten = overdue.filter((o) => o.count > 0).map((o) => o.gemeenteId ?? '');
	if (gemeenten.length === 0) return 0;
	const subs = await db
		.selectFrom('push_subscription as s')
		.innerJoin('staff_user as u', 'u.id', 's.staff_user_id')
		.select('s.id')
		.where('s.topic', '=', 'staff_overdue')
		.where('u.region_id', '=', regionId)
		.where('u.disabled_at', 'is', null)
		.where((eb) =>
			eb.or([
				eb('u.role', 'in', WHOLE_REGION),
				eb.and([
					eb('u.role', 'in', withPermission('cases')),
					eb.exists(
						eb
							.selectFrom('staff_user_gemeente as ug')
							.select('ug.user_id')
							.whereRef('ug.user_id', '=', 'u.id')
							.where('ug.gemeente_id', 'in', gemeenten)
					)
				])
			])
		)
		.execute();
	return enqueue(db, subs, 'overdue');
}

/** News for a gemeente in a language: one fan-out job that pages through the subscribers. */
export async function onNews(db: Db, news: { gemeenteId: string; locale: string }): Promise<void> {
	const b = boss.get();
	if (!b) {
		log.warn('news push not sent: no job queue in this process');
		return;
	}
	const job: FanoutJob = { topic: 'news', ...news, after: null };
	await b.send(FANOUT_QUEUE, job, {
		db: db.isTransaction ? boss.inTransaction(db) : undefined
	});
}

/** One step of a fan-out: queue the next page of sends, or wait while the send queue is full. */
export async function fanoutStep(db: Db, job: FanoutJob): Promise<void> {
	const b = boss.get();
	if (!b) throw new Error('no job queue');
	const waiting = await waitingSends(db);
	if (waiting > MAX_WAITING) {
		await b.send(FANOUT_QUEUE, job, { startAfter: 2 });
		return;
	}
	let q = db
		.selectFrom('push_subscription')
		.select('id')
		.where('topic', '=', 'news')
		.where('gemeente_id', '=', job.gemeenteId)
		.where('locale', '=', job.locale)
		.orderBy('id')
		.limit(FANOUT_PAGE);
	if (job.after) q = q.where('id', '>', job.after);
	const page = await q.execute();
	if (page.length === 0) return;
	// The next step and this page's sends commit together: a crash repeats neither.
	await database.transaction(db, async (trx) => {
		await enqueue(trx, page, 'news');
		if (page.length === FANOUT_PAGE) {
			const next: FanoutJob = { ...job, after: page[page.length - 1].id };
			await b.send(FANOUT_QUEUE, next, { db: boss.inTransaction(trx) });
		}
	});
}

/** Sends created or waiting for a retry, not yet being sent. */
export async function waitingSends(db: Db): Promise<number> {
	const { rows } = await boss
		.adapter(db)
		.executeSql(
			`select count(*)::int as n from ${boss.SCHEMA}.job where name = $1 and state in ('created', 'retry')`,
			[SEND_QUEUE]
		);
	return Number(rows[0]?.n ?? 0);
}

// ---- Delivery --------------------------------------------------------------------------------

export type Outcome = 'sent' | 'gone' | 'retry' | 'rejected';

const vapidCache = new Map<string, { header: string; until: number }>();

function authorization(endpoint: string): string {
	const audience = new URL(endpoint).origin;
	const hit = vapidCache.get(audience);
	if (hit && hit.until > Date.now()) return hit.header;
	const keys = vapid();
	// Signed once an hour per push service, valid 12 hours (RFC 8292 allows up to 24).
	const expiration = Math.floor(Date.now() / 1000) + 12 * 3600;
	const { Authorization } = webpush.getVapidHeaders(
		audience,
		keys.subject,
		keys.publicKey,
		keys.privateKey,
		'aes128gcm',
		expiration
	);
	vapidCache.set(audience, { header: Authorization, until: Date.now() + 3600_000 });
	return Authorization;
}

const agents = {
	'https:': new https.Agent({ keepAlive: true, maxSockets: 64, lookup: guardedLookup }),
	'http:': new http.Agent({ keepAlive: true, maxSockets: 64, lookup: guardedLookup })
};

/** Posts one encrypted message to a push service. */
export async function send(
	keys: Keys,
	payload: texts.Payload,
	timeoutMs = SEND_TIMEOUT_MS
): Promise<Outcome> {
	const details = webpush.generateRequestDetails(
		{ endpoint: keys.endpoint, keys: { p256dh: keys.p256dh, auth: keys.auth } },
		JSON.stringify(payload),
		{
			TTL: 24 * 3600,
			urgency: 'normal',
			// No vapidDetails (and none set globally): the VAPID Authorization header is our own.
			headers: { Authorization: authorization(keys.endpoint) }
		}
	);
	const url = new URL(details.endpoint);
	if (url.protocol === 'http:' && !allowLoopback()) return 'gone';
	return new Promise<Outcome>((done) => {
		const request = (url.protocol === 'http:' ? http : https).request(
			url,
			{
				method: 'POST',
				headers: details.headers as Record<string, string>,
				agent: agents[url.protocol as 'http:' | 'https:'],
				timeout: timeoutMs
			},
			(response) => {
				// A connection cut while the (ignored) body drains must not become an uncaught error.
				response.on('error', () => undefined);
				response.resume();
				const status = response.statusCode ?? 0;
				if (status >= 200 && status < 300) done('sent');
				else if (status === 404 || status === 410) done('gone');
				else if (status === 429 || status >= 500 || status === 403) done('retry');
				else done('rejected');
			}
		);
		request.on('timeout', () => request.destroy(new Error('timeout')));
		request.on('error', (err) => done(err instanceof RefusedAddress ? 'gone' : 'retry'));
		request.end(details.body);
	});
}

/** Sends per second this process allows (a token bucket); keeps push services from throttling us. */
const RATE = Math.max(1, config.pushPerSecond);
let tokens = RATE;
let refilled = Date.now();
async function takeToken(): Promise<void> {
	for (;;) {
		const now = Date.now();
		tokens = Math.min(RATE, tokens + ((now - refilled) / 1000) * RATE);
		refilled = now;
		if (tokens >= 1) {
			tokens -= 1;
			return;
		}
		await new Promise((r) => setTimeout(r, Math.ceil(((1 - tokens) / RATE) * 1000)));
	}
}

/** A batch of send jobs: each settled on its own (sent, gone → deleted, retry → backoff). */
export async function deliver(
	db: Db,
	jobs: { id: string; data: SendJob }[]
): Promise<{ id: string; status: 'completed' | 'failed'; output?: object }[]> {
	const ids = [...new Set(jobs.map((j) => j.data.s))];
	const rows = ids.length
		? await db
				.selectFrom('push_subscription')
				.select(['id', 'endpoint', 'p256dh', 'auth', 'locale'])
				.where('id', 'in', ids)
				.execute()
		: [];
	const byId = new Map(rows.map((r) => [r.id, r]));
	return Promise.all(
		jobs.map(async (job) => {
			const sub = byId.get(job.data.s);
			// Unsubscribed (or its report deleted) since it was queued: nothing to do.
			if (!sub) return { id: job.id, status: 'completed' as const, output: { outcome: 'none' } };
			await takeToken();
			// A subscription whose keys cannot be used (stored by hand, say) fails alone, for good.
			const outcome = await send(sub, texts.payload(job.data.k, sub.locale)).catch(
				(): Outcome => 'rejected'
			);
			if (outcome === 'gone') {
				await db.deleteFrom('push_subscription').where('endpoint', '=', sub.endpoint).execute();
			}
			return outcome === 'retry'
				? { id: job.id, status: 'failed' as const, output: { outcome } }
				: { id: job.id, status: 'completed' as const, output: { outcome } };
		})
	);
}
