// The partner desk: a partner without an account opens one referral through a single-use link that
// was e-mailed to its referral addresses, together with a code the handler passes on by phone.
// Either half alone opens nothing (a forwarded or intercepted mail is not enough, and neither is
// an overheard code). The partner sees the sealed package, acknowledges and answers; the answer
// enters the case as an internal note marked as the partner's, the audit log and the statistics.
import { randomUUID, randomInt } from 'node:crypto';
import { sql } from 'kysely';
import * as audit from '../platform/audit.ts';
import { config } from '../platform/config.ts';
import * as crypto from '../platform/crypto.ts';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import * as tokens from '../platform/tokens.ts';
import * as referrals from '../casework/referrals.ts';
import type { Actor } from '../casework/casework.ts';
import * as casework from '../casework/casework.ts';
import type { Scope } from '../casework/access.ts';
import * as statistics from '../casework/statistics.ts';
import * as reports from '../meldpunt/reports.ts';
import * as mail from '../mail/mail.ts';
import { isAnswer, type Answer } from '../../partners/answers.ts';
import { toStaffLocale, type StaffLocale } from '../../i18n/staff.ts';

// A code typed from a phone call: 8 digits (10^8), and after MAX_WRONG_CODES wrong tries the link
// is spent, so guessing has at most 5 in 10^8 chances (ASVS 2.7: out-of-band verifier).
export const MAX_WRONG_CODES = 5;
export const MAX_MESSAGE = 4_000;

export type LinkState = 'unknown' | 'used' | 'expired' | 'withdrawn' | 'locked';

function codeHash(linkId: string, code: string): Buffer {
	return tokens.hashSecret(`${linkId}:${code}`);
}

/** The code as typed: spaces and dashes ignored. */
export function normalCode(raw: string): string {
	return raw.replace(/[\s-]/g, '');
}

function newCode(): string {
	return String(randomInt(0, 100_000_000)).padStart(8, '0');
}

/** "1234 5678": easier to read out over the phone. */
export function showCode(code: string): string {
	return `${code.slice(0, 4)} ${code.slice(4)}`;
}

export const deskUrl = (token: string) => `${config.origin}/staff/desk/${token}`;

/** The language a partner is written to: the first it reads (its mails, and its desk page). */
export const partnerLocale = (languages: readonly string[]): StaffLocale =>
	toStaffLocale(languages[0]);

interface Issued {
	referralId: string;
	partner: string;
	/** Shown once to the handler, who reads it to the partner; only its hash is kept. */
	code: string;
	/** How many addresses the link was mailed to; 0: the partner has none or mail is off. */
	mailed: number;
}

/**
 * A fresh link for each referral whose partner has referral addresses, mailed to them. Any earlier
 * link of the referral stops working. Nothing is issued when mail is off (the handler passes the
 * referral on another way, as before).
 */
export async function issue(
	db: Db,
	actor: Actor,
	reportId: string,
	referralIds: string[],
	now = new Date()
): Promise<Issued[]> {
	if (!mail.enabled() || referralIds.length === 0) return [];
	if (!(await casework.visible(db, actor, reportId))) return [];
	const rows = await db
		.selectFrom('referral as r')
		.innerJoin('partner as p', 'p.id', 'r.partner_id')
		.select(['r.id', 'r.withdrawn_at', 'p.name', 'p.region_id', 'p.referral_emails', 'p.languages'])
		.where('r.report_id', '=', reportId)
		.where('r.id', 'in', referralIds)
		.execute();
	const issued: Issued[] = [];
	for (const row of rows) {
		if (row.withdrawn_at || row.referral_emails.length === 0) continue;
		const token = tokens.create();
		const code = newCode();
		await database.transaction(db, async (trx) => {
			await trx.deleteFrom('referral_link').where('referral_id', '=', row.id).execute();
			await trx
				.insertInto('referral_link')
				.values({
					id: token.id,
					referral_id: row.id,
					secret_hash: token.secretHash,
					code_hash: codeHash(token.id, code),
					expires_at: new Date(now.getTime() + config.partnerLinkHours * 3_600_000),
					created_at: now
				})
				.execute();
			// Each address gets the link; the mail names no report, category or gemeente.
			for (const recipient of row.referral_emails) {
				await mail.enqueue(trx, {
					regionId: row.region_id,
					kind: 'partner_referral',
					recipient,
					locale: partnerLocale(row.languages),
					params: { url: deskUrl(token.token), hours: config.partnerLinkHours }
				});
			}
			await audit.record(trx, {
				actorId: actor.id,
				action: 'referral.link',
				objectType: 'referral',
				objectId: row.id,
				detail: { report: reportId, recipients: row.referral_emails.length }
			});
		});
		issued.push({
			referralId: row.id,
			partner: row.name,
			code,
			mailed: row.referral_emails.length
		});
	}
	return issued;
}

/** The handler withdraws a referral: its link is refused from now on. */
export async function withdraw(
	db: Db,
	actor: Actor,
	input: { id: string; version: number; referralId: string },
	now = new Date()
): Promise<casework.Result> {
	return casework.mutateReport(
		db,
		actor,
		input.id,
		input.version,
		'referral.withdraw',
		async (trx, row) => {
			const r = await trx
				.updateTable('referral')
				.set({ withdrawn_at: now, updated_at: now })
				.where('id', '=', input.referralId)
				.where('report_id', '=', row.id)
				.where('withdrawn_at', 'is', null)
				.executeTakeFirst();
			if (Number(r.numUpdatedRows) !== 1) return { ok: false, error: 'not_found' };
			return { detail: { referral: input.referralId } };
		},
		now
	);
}

interface LinkRow {
	id: string;
	referral_id: string;
	secret_hash: Buffer;
	code_hash: Buffer;
	expires_at: Date;
	used_at: Date | null;
	session_hash: Buffer | null;
	wrong_codes: number;
	withdrawn_at: Date | null;
	gemeente_id: string | null;
	languages: string[];
}

async function link(db: Db, token: string): Promise<LinkRow | undefined> {
	const parts = tokens.parse(token);
	if (!parts) return undefined;
	const row = await db
		.selectFrom('referral_link as l')
		.innerJoin('referral as r', 'r.id', 'l.referral_id')
		.innerJoin('report as rep', 'rep.id', 'r.report_id')
		.innerJoin('partner as p', 'p.id', 'r.partner_id')
		.select([
			'l.id',
			'l.referral_id',
			'l.secret_hash',
			'l.code_hash',
			'l.expires_at',
			'l.used_at',
			'l.session_hash',
			'l.wrong_codes',
			'r.withdrawn_at',
			'rep.gemeente_id',
			'p.languages'
		])
		.where('l.id', '=', parts.id)
		.executeTakeFirst();
	if (!row || !tokens.matches(parts.secret, row.secret_hash)) return undefined;
	return { ...row, expires_at: new Date(row.expires_at) };
}

/** The language of the partner a link was mailed to, so its page speaks as the mail did. */
export async function language(db: Db, token: string): Promise<StaffLocale | undefined> {
	const row = await link(db, token);
	return row && partnerLocale(row.languages);
}

/** Why a link does not open (withdrawn and expired first: they hold whatever else is true). */
function refusal(row: LinkRow, now: Date): LinkState | null {
	if (row.withdrawn_at) return 'withdrawn';
	if (row.expires_at <= now) return 'expired';
	if (row.wrong_codes >= MAX_WRONG_CODES) return 'locked';
	return null;
}

export type Access = { ok: true; referralId: string } | { ok: false; state: LinkState | 'code' };

/**
 * What this browser may do with a link: open the referral (its session cookie matches), type the
 * code (the link is unused), or nothing and why.
 */
export async function access(
	db: Db,
	token: string,
	session: string | undefined,
	now = new Date()
): Promise<Access> {
	const row = await link(db, token);
	if (!row) return { ok: false, state: 'unknown' };
	const refused = refusal(row, now);
	if (refused) return { ok: false, state: refused };
	if (row.used_at) {
		if (session && row.session_hash && tokens.matches(session, row.session_hash))
			return { ok: true, referralId: row.referral_id };
		return { ok: false, state: 'used' };
	}
	return { ok: false, state: 'code' };
}

export type OpenResult =
	{ ok: true; session: string } | { ok: false; state: LinkState | 'wrong_code' };

/**
 * Opens a link with the code: the link is spent for every other browser, and this one gets a
 * session secret for its cookie (ASVS 3.2.1: a new session token at authentication).
 */
export async function open(db: Db, token: string, rawCode: string, now = new Date()) {
	const code = normalCode(rawCode);
	return database.transaction(db, async (trx): Promise<OpenResult> => {
		const row = await link(trx, token);
		if (!row) return { ok: false, state: 'unknown' };
		// Locked, so two browsers typing the code at the same moment cannot both open it.
		await trx
			.selectFrom('referral_link')
			.select('id')
			.where('id', '=', row.id)
			.forUpdate()
			.execute();
		const fresh = (await link(trx, token))!;
		const refused = refusal(fresh, now);
		if (refused) return { ok: false, state: refused };
		if (fresh.used_at) return { ok: false, state: 'used' };
		if (!/^\d{8}$/.test(code) || !tokens.matches(`${row.id}:${code}`, fresh.code_hash)) {
			await trx
				.updateTable('referral_link')
				.set((eb) => ({ wrong_codes: eb('wrong_codes', '+', 1) }))
				.where('id', '=', row.id)
				.execute();
			const left = MAX_WRONG_CODES - fresh.wrong_codes - 1;
			return { ok: false, state: left > 0 ? 'wrong_code' : 'locked' };
		}
		const session = tokens.random(20);
		await trx
			.updateTable('referral_link')
			.set({ used_at: now, session_hash: tokens.hashSecret(session) })
			.where('id', '=', row.id)
			.execute();
		await audit.record(trx, {
			actorId: null,
			action: 'referral.opened',
			objectType: 'referral',
			objectId: row.referral_id,
			// The gemeente puts the row in its region's audit page (no staff actor does).
			gemeenteId: row.gemeente_id
		});
		return { ok: true, session };
	});
}

export interface View {
	referralId: string;
	partner: string;
	package: referrals.Package;
	acknowledgedAt: Date | null;
	answer: Answer | null;
	answeredAt: Date | null;
	version: number;
}

/** The referral as the partner sees it: the sealed package and where the answer stands. */
export async function view(db: Db, referralId: string): Promise<View | undefined> {
	const row = await db
		.selectFrom('referral as r')
		.innerJoin('partner as p', 'p.id', 'r.partner_id')
		.select([
			'r.id',
			'r.report_id',
			'r.package',
			'r.acknowledged_at',
			'r.answer',
			'r.answered_at',
			'r.desk_version',
			'p.name'
		])
		.where('r.id', '=', referralId)
		.executeTakeFirst();
	if (!row) return undefined;
	const key = await reports.dataKey(db, row.report_id);
	if (!key) return undefined;
	return {
		referralId: row.id,
		partner: row.name,
		// Exactly what was sealed when the handler referred it: nothing is read from the report.
		package: JSON.parse(
			crypto.open(key, row.package, `referral:${row.id}`).toString('utf8')
		) as referrals.Package,
		acknowledgedAt: row.acknowledged_at ? new Date(row.acknowledged_at) : null,
		answer: row.answer && isAnswer(row.answer) ? row.answer : null,
		answeredAt: row.answered_at ? new Date(row.answered_at) : null,
		version: row.desk_version
	};
}

/**
 * A photo of the package (only those the handler passed on), audited; actorId is the partner user
 * who downloaded it, null for a desk link.
 */
export async function photo(
	db: Db,
	referralId: string,
	photoId: string,
	actorId: string | null = null
) {
	const v = await view(db, referralId);
	if (!v || !v.package.photoIds.includes(photoId)) return undefined;
	const { report_id: reportId, gemeente_id: gemeenteId } = await db
		.selectFrom('referral as r')
		.innerJoin('report as rep', 'rep.id', 'r.report_id')
		.select(['r.report_id', 'rep.gemeente_id'])
		.where('r.id', '=', referralId)
		.executeTakeFirstOrThrow();
	const found = await reports.photo(db, reportId, photoId);
	if (!found) return undefined;
	await audit.record(db, {
		actorId,
		action: 'referral.photo',
		objectType: 'report_photo',
		objectId: photoId,
		gemeenteId,
		detail: { referral: referralId }
	});
	return found;
}

export type AnswerError = 'answer' | 'where' | 'too_long' | 'already' | 'withdrawn';

export interface AnswerInput {
	/** null: acknowledge only. */
	answer: string | null;
	message: string;
	whereInstead: string;
	/** The desk version the form was rendered with: a second post of the same form finds it moved. */
	version: number;
	/** The partner user who answers in the partner inbox; absent for a desk link. */
	actorId?: string;
}

/**
 * The partner acknowledges or answers. One transaction: the referral, an internal note marked as
 * the partner's (when there is a message or an answer), the reporter's fixed message, the report's
 * version, the audit row and the staff mail about it.
 */
export async function answer(
	db: Db,
	referralId: string,
	input: AnswerInput,
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: AnswerError }> {
	const message = input.message.trim();
	const whereInstead = input.whereInstead.trim();
	if (input.answer !== null && !isAnswer(input.answer)) return { ok: false, error: 'answer' };
	if (message.length > MAX_MESSAGE || whereInstead.length > 200)
		return { ok: false, error: 'too_long' };
	if (input.answer === 'not_ours' && !whereInstead) return { ok: false, error: 'where' };
	const given = input.answer as Answer | null;
	return database.transaction(db, async (trx) => {
		const r = await trx
			.selectFrom('referral as r')
			.innerJoin('partner as p', 'p.id', 'r.partner_id')
			.innerJoin('report as rep', 'rep.id', 'r.report_id')
			.select([
				'r.id',
				'r.report_id',
				'r.partner_id',
				'r.created_by',
				'r.acknowledged_at',
				'r.withdrawn_at',
				'r.desk_version',
				'p.name as partner',
				'rep.region_id',
				'rep.gemeente_id',
				'rep.assigned_to'
			])
			.where('r.id', '=', referralId)
			.forUpdate()
			.executeTakeFirst();
		if (!r) return { ok: false, error: 'withdrawn' };
		if (r.withdrawn_at) return { ok: false, error: 'withdrawn' };
		if (r.desk_version !== input.version) return { ok: false, error: 'already' };
		if (given === null && r.acknowledged_at) return { ok: false, error: 'already' };
		const key = await reports.dataKey(trx, r.report_id);
		await trx
			.updateTable('referral')
			.set({
				acknowledged_at: r.acknowledged_at ?? now,
				desk_version: r.desk_version + 1,
				updated_at: now,
				...(given
					? {
							answer: given,
							answered_at: now,
							where_instead: given === 'not_ours' ? whereInstead : null,
							partner_message: message
								? crypto.seal(key!, Buffer.from(message), `partner-message:${r.id}`)
								: null
						}
					: {})
			})
			.where('id', '=', r.id)
			.execute();
		if (given) {
			// Internal: the handler reads the partner's words; the reporter never does.
			const noteId = randomUUID();
			const body = JSON.stringify({ answer: given, where: whereInstead || null, message });
			await trx
				.insertInto('report_note')
				.values({
					id: noteId,
					report_id: r.report_id,
					staff_user_id: null,
					partner_id: r.partner_id,
					body: crypto.seal(key!, Buffer.from(body), `note:${noteId}`),
					created_at: now
				})
				.execute();
			await referrals.tellReporter(trx, r.report_id, r.id, r.partner, given, now);
		}
		await trx
			.updateTable('report')
			.set({ version: sql`version + 1`, updated_at: now })
			.where('id', '=', r.report_id)
			.execute();
		await audit.record(trx, {
			actorId: input.actorId ?? null,
			action: given ? 'referral.answered' : 'referral.acknowledged',
			objectType: 'report',
			objectId: r.report_id,
			gemeenteId: r.gemeente_id,
			// The choice only: the partner's message is case content, kept sealed in the note.
			detail: { referral: r.id, partner: r.partner_id, ...(given ? { answer: given } : {}) }
		});
		if (given) await tellStaff(trx, r);
		return { ok: true };
	});
}

/** Mail to the referring handler and the assignee who chose "referral answered". */
async function tellStaff(
	trx: Db,
	r: {
		report_id: string;
		region_id: string;
		created_by: string | null;
		assigned_to: string | null;
	}
) {
	const ids = [r.created_by, r.assigned_to].filter((x): x is string => x !== null);
	if (ids.length === 0 || !mail.enabled()) return;
	const users = await trx
		.selectFrom('staff_user')
		.select(['email', 'locale'])
		.where('id', 'in', [...new Set(ids)])
		.where('disabled_at', 'is', null)
		.where(sql<boolean>`'answered' = any(mail_topics)`)
		.execute();
	for (const u of users) {
		await mail.enqueue(trx, {
			regionId: r.region_id,
			kind: 'referral_answered',
			recipient: u.email,
			locale: u.locale,
			params: { url: `${config.origin}/staff/reports/${r.report_id}` }
		});
	}
}

export type InboxStatus = 'new' | 'acknowledged' | 'answered';

export interface InboxRow {
	referralId: string;
	referredAt: Date;
	status: InboxStatus;
	answer: Answer | null;
}

/**
 * The partner inbox of a partner user: every referral to its organisation in its region that the
 * handler did not withdraw, newest first. Only dates and status: the package opens one by one.
 */
export async function inbox(
	db: Db,
	partner: { partnerId: string; regionId: string }
): Promise<InboxRow[]> {
	const rows = await db
		.selectFrom('referral as r')
		.innerJoin('report as rep', 'rep.id', 'r.report_id')
		.select(['r.id', 'r.created_at', 'r.acknowledged_at', 'r.answer'])
		.where('r.partner_id', '=', partner.partnerId)
		.where('rep.region_id', '=', partner.regionId)
		.where('r.withdrawn_at', 'is', null)
		.orderBy('r.created_at', 'desc')
		.execute();
	return rows.map((r) => ({
		referralId: r.id,
		referredAt: new Date(r.created_at),
		status: r.answer ? 'answered' : r.acknowledged_at ? 'acknowledged' : 'new',
		answer: r.answer && isAnswer(r.answer) ? r.answer : null
	}));
}

/**
 * Whether a partner user may open this referral: sent to its organisation, in its region, not
 * withdrawn. Anything else is, for that user, a referral that does not exist.
 */
export async function ofPartner(
	db: Db,
	partner: { partnerId: string; regionId: string },
	referralId: string
): Promise<boolean> {
	const row = await db
		.selectFrom('referral as r')
		.innerJoin('report as rep', 'rep.id', 'r.report_id')
		.select('r.id')
		.where('r.id', '=', referralId)
		.where('r.partner_id', '=', partner.partnerId)
		.where('rep.region_id', '=', partner.regionId)
		.where('r.withdrawn_at', 'is', null)
		.executeTakeFirst();
	return row !== undefined;
}

/** `days` working days (Monday to Friday) after `from`. */
export function addWorkingDays(from: Date, days: number): Date {
	const d = new Date(from);
	let left = days;
	while (left > 0) {
		d.setUTCDate(d.getUTCDate() + 1);
		const wd = d.getUTCDay();
		if (wd !== 0 && wd !== 6) left--;
	}
	return d;
}

/**
 * Reminds partner and handler, once, of referrals sent through the desk that nobody acknowledged
 * within PARTNER_REMIND_WORKING_DAYS working days. The reminder carries no link (only its hash
 * is kept): the partner uses the first mail or asks the handler to send a new link.
 */
export async function remind(db: Db, regionId: string, now = new Date()): Promise<number> {
	if (!mail.enabled()) return 0;
	const open = await db
		.selectFrom('referral as r')
		.innerJoin('referral_link as l', 'l.referral_id', 'r.id')
		.innerJoin('partner as p', 'p.id', 'r.partner_id')
		.leftJoin('staff_user as u', (j) =>
			j.onRef('u.id', '=', 'r.created_by').on('u.disabled_at', 'is', null)
		)
		.select([
			'r.id',
			'r.report_id',
			'l.created_at',
			'p.referral_emails',
			'p.languages',
			'u.email',
			'u.locale'
		])
		.where('p.region_id', '=', regionId)
		.where('r.acknowledged_at', 'is', null)
		.where('r.withdrawn_at', 'is', null)
		.where('r.reminded_at', 'is', null)
		.execute();
	let sent = 0;
	for (const r of open) {
		if (addWorkingDays(new Date(r.created_at), config.partnerRemindWorkingDays) > now) continue;
		await database.transaction(db, async (trx) => {
			const claimed = await trx
				.updateTable('referral')
				.set({ reminded_at: now })
				.where('id', '=', r.id)
				.where('reminded_at', 'is', null)
				.executeTakeFirst();
			if (Number(claimed.numUpdatedRows) !== 1) return;
			for (const recipient of r.referral_emails) {
				await mail.enqueue(trx, {
					regionId,
					kind: 'partner_reminder',
					recipient,
					locale: partnerLocale(r.languages),
					params: { days: config.partnerRemindWorkingDays }
				});
				sent++;
			}
			if (r.email) {
				await mail.enqueue(trx, {
					regionId,
					kind: 'referral_reminder',
					recipient: r.email,
					locale: r.locale ?? 'nl',
					params: {
						days: config.partnerRemindWorkingDays,
						url: `${config.origin}/staff/reports/${r.report_id}`
					}
				});
				sent++;
			}
		});
	}
	return sent;
}

export interface PartnerFigures {
	partnerId: string;
	partner: string;
	/** Suppressed like every statistic ("<5"): no single referral can be picked out. */
	referrals: string;
	acknowledged: string;
	/** Median hours from referral to acknowledgement; null below statistics.MIN_CELL. */
	medianHoursToAcknowledge: number | null;
	outcomes: Record<Answer, string>;
}

/**
 * Per partner, within the user's gemeenten and the period: referrals, how many were acknowledged
 * and how fast, and the outcomes. Referrals of reports deleted by retention are gone with them.
 */
export async function figures(
	db: Db,
	scope: NonNullable<Scope>,
	period: { from: Date; to: Date }
): Promise<PartnerFigures[]> {
	let q = db
		.selectFrom('referral as r')
		.innerJoin('partner as p', 'p.id', 'r.partner_id')
		.innerJoin('report as rep', 'rep.id', 'r.report_id')
		.select(['p.id', 'p.name', 'r.created_at', 'r.acknowledged_at', 'r.answer'])
		.where('rep.region_id', '=', scope.region)
		.where('r.withdrawn_at', 'is', null)
		.where('r.created_at', '>=', period.from)
		.where('r.created_at', '<', period.to);
	if (scope.gemeenten !== 'all') {
		if (scope.gemeenten.length === 0) return [];
		q = q.where('rep.gemeente_id', 'in', scope.gemeenten);
	}
	const by = new Map<
		string,
		{ partner: string; n: number; hours: number[]; outcomes: Record<Answer, number> }
	>();
	for (const row of await q.execute()) {
		let f = by.get(row.id);
		if (!f) {
			f = {
				partner: row.name,
				n: 0,
				hours: [],
				outcomes: { taken_up: 0, not_ours: 0, need_info: 0, action_taken: 0, closed: 0 }
			};
			by.set(row.id, f);
		}
		f.n++;
		if (row.acknowledged_at) {
			f.hours.push(
				(new Date(row.acknowledged_at).getTime() - new Date(row.created_at).getTime()) / 3_600_000
			);
		}
		if (row.answer && isAnswer(row.answer)) f.outcomes[row.answer]++;
	}
	return [...by.entries()]
		.map(([partnerId, f]) => ({
			partnerId,
			partner: f.partner,
			referrals: statistics.suppress(f.n),
			acknowledged: statistics.suppress(f.hours.length),
			medianHoursToAcknowledge:
				f.hours.length >= statistics.MIN_CELL ? Math.round(median(f.hours) * 10) / 10 : null,
			outcomes: Object.fromEntries(
				Object.entries(f.outcomes).map(([k, v]) => [k, statistics.suppress(v)])
			) as Record<Answer, string>
		}))
		.sort((a, b) => a.partner.localeCompare(b.partner));
}

function median(values: number[]): number {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}
