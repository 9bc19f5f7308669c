// Follow-up sessions: a reporter opens their report with the receipt and gets a short session
// (15 to 30 minutes idle, 2 hours at most) in a cookie, so the receipt is not sent with every page.
// Guessing is slowed per client only: a throttled client is told to wait, and a right receipt
// from any other client always opens, so no flood from many addresses locks reporters out.
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import { Limiter } from '../platform/rate-limit.ts';
import * as receipts from './receipts.ts';
import * as reports from './reports.ts';
import * as tokens from '../platform/tokens.ts';

/**
 * The follow-up session's cookie. On https it carries the `__Host-` prefix, so the browser takes
 * it only from this exact origin over https, path / and without a Domain (RFC 6265bis 4.1.3.2).
 */
export function cookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-wegwijs_followup' : 'wegwijs_followup';
}
export const IDLE_MS = 15 * 60 * 1000;
export const ABSOLUTE_MS = 2 * 60 * 60 * 1000;

// Issue #17: the session row joins a report to the moments its reporter was active, so it keeps
// them coarse — the hour it opened and the quarter hour last seen, never the millisecond. A
// session therefore ends 15 to 30 minutes after the last request (the quarter hour it fell in,
// plus two), and at most 2 hours after the start of the hour it opened in.
const QUARTER_MS = 15 * 60 * 1000;
function toQuarter(at: Date): Date {
	return new Date(Math.floor(at.getTime() / QUARTER_MS) * QUARTER_MS);
}
const IDLE_AFTER_QUARTER_MS = IDLE_MS + QUARTER_MS;

/** The cookie's attributes: a session cookie (no max-age), as the server ends it after 15 minutes idle. */
export function cookieOptions(url: URL) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'strict' as const,
		secure: url.protocol === 'https:'
	};
}

// 16 digits are ~53 bits; with 10 tries per client (an IPv6 /64) per 15 minutes, even 65 536
// clients find one of 100 000 live receipts about once in 40 000 years (ASVS 2.2.1). No global
// limit: it would refuse the right receipt too, which is the lock-out it is meant to prevent.
export const perClient = new Limiter('followup-client', config.followupPerClient, 15 * 60 * 1000);

// Replies (with up to 5 photos each) are limited per client and per report (issue #17).
export const replyPerClient = new Limiter(
	'followup-reply-client',
	config.replyPerClientPerHour,
	60 * 60 * 1000
);
export const replyPerReport = new Limiter('followup-reply-report', 30, 24 * 60 * 60 * 1000);

/** Whether this client may add one more reply to this report now (counts the attempt). */
export function mayReply(client: string, reportId: string): boolean {
	return replyPerClient.consume(client) && replyPerReport.consume(`report:${reportId}`);
}

export type OpenResult =
	| { ok: true; token: string; reportId: string }
	| { ok: false; error: 'format' | 'failed' }
	| { ok: false; error: 'busy'; retryAfterSeconds: number };

/** A throttled client's answer: when it may try again, never "wrong number". */
export function busy(client: string, now = Date.now()): OpenResult {
	return { ok: false, error: 'busy', retryAfterSeconds: perClient.retryAfterSeconds(client, now) };
}

export async function open(
	db: Db,
	input: { receipt: string; client: string; now?: Date }
): Promise<OpenResult> {
	const receipt = receipts.parse(input.receipt);
	if (!receipt) return { ok: false, error: 'format' };
	if (!perClient.consume(input.client)) return busy(input.client);
	const reportId = await reports.findByReceipt(db, receipt);
	if (!reportId) return { ok: false, error: 'failed' };
	const now = input.now ?? new Date();
	const t = tokens.create();
	await db
		.insertInto('followup_session')
		.values({
			id: t.id,
			secret_hash: t.secretHash,
			report_id: reportId,
			created_at: reports.toHour(now),
			last_seen_at: toQuarter(now)
		})
		.execute();
	return { ok: true, token: t.token, reportId };
}

/** The report id of a valid follow-up session; refreshes its idle timer. */
export async function validate(
	db: Db,
	token: string | undefined,
	now = new Date()
): Promise<string | null> {
	const parsed = tokens.parse(token);
	if (!parsed) return null;
	const row = await db
		.selectFrom('followup_session')
		.selectAll()
		.where('id', '=', parsed.id)
		.executeTakeFirst();
	if (!row || !tokens.matches(parsed.secret, row.secret_hash)) return null;
	const expired =
		now.getTime() - new Date(row.last_seen_at).getTime() >= IDLE_AFTER_QUARTER_MS ||
		now.getTime() - new Date(row.created_at).getTime() >= ABSOLUTE_MS;
	if (expired) {
		await db.deleteFrom('followup_session').where('id', '=', row.id).execute();
		return null;
	}
	const seen = toQuarter(now);
	if (seen.getTime() !== new Date(row.last_seen_at).getTime())
		await db
			.updateTable('followup_session')
			.set({ last_seen_at: seen })
			.where('id', '=', row.id)
			.execute();
	return row.report_id;
}

export async function leave(db: Db, token: string | undefined): Promise<void> {
	const parsed = tokens.parse(token);
	if (parsed) await db.deleteFrom('followup_session').where('id', '=', parsed.id).execute();
}

export async function purgeExpired(db: Db, now = new Date()): Promise<void> {
	await db
		.deleteFrom('followup_session')
		.where((eb) =>
			eb.or([
				eb('last_seen_at', '<=', new Date(now.getTime() - IDLE_AFTER_QUARTER_MS)),
				eb('created_at', '<=', new Date(now.getTime() - ABSOLUTE_MS))
			])
		)
		.execute();
}
