// Follow-up sessions: a reporter opens their report with the receipt and gets a short session
// (15 minutes idle, 2 hours at most) in a cookie, so the receipt is not sent with every page.
// An unknown receipt and a throttled attempt get the same answer after the same work.
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import { Limiter } from '../platform/rate-limit.ts';
import * as receipts from './receipts.ts';
import * as reports from './reports.ts';
import * as tokens from '../platform/tokens.ts';

/** The follow-up session's cookie (path /, so the push API can link a subscription to it). */
export const COOKIE = 'wegwijs_followup';
export const IDLE_MS = 15 * 60 * 1000;
export const ABSOLUTE_MS = 2 * 60 * 60 * 1000;

/** The cookie's attributes: a session cookie (no max-age), as the server ends it after 15 minutes idle. */
export function cookieOptions(url: URL) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'strict' as const,
		secure: url.protocol === 'https:'
	};
}

// 16 digits are ~53 bits; these limits keep guessing hopeless (ASVS 2.2.1).
export const perClient = new Limiter('followup-client', config.followupPerClient, 15 * 60 * 1000);
export const global = new Limiter('followup-global', 600, 60 * 1000);

export type OpenResult =
	{ ok: true; token: string; reportId: string } | { ok: false; error: 'format' | 'failed' };

export async function open(
	db: Db,
	input: { receipt: string; client: string; now?: Date }
): Promise<OpenResult> {
	const receipt = receipts.parse(input.receipt);
	if (!receipt) return { ok: false, error: 'format' };
	const allowed = perClient.consume(input.client) && global.consume('all');
	// The lookup runs even when throttled, so both failures cost the same time.
	const reportId = await reports.findByReceipt(db, receipt);
	if (!allowed || !reportId) return { ok: false, error: 'failed' };
	const now = input.now ?? new Date();
	const t = tokens.create();
	await db
		.insertInto('followup_session')
		.values({
			id: t.id,
			secret_hash: t.secretHash,
			report_id: reportId,
			created_at: now,
			last_seen_at: now
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
		now.getTime() - new Date(row.last_seen_at).getTime() >= IDLE_MS ||
		now.getTime() - new Date(row.created_at).getTime() >= ABSOLUTE_MS;
	if (expired) {
		await db.deleteFrom('followup_session').where('id', '=', row.id).execute();
		return null;
	}
	await db
		.updateTable('followup_session')
		.set({ last_seen_at: now })
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
				eb('last_seen_at', '<=', new Date(now.getTime() - IDLE_MS)),
				eb('created_at', '<=', new Date(now.getTime() - ABSOLUTE_MS))
			])
		)
		.execute();
}
