// The meldpunt's work on a report: status (an explicit state machine), priority, assignment,
// internal notes, replies to the reporter, duplicates and moving between gemeenten. Every change
// is one transaction, checks the report's version (a stale form changes nothing), and is audited.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import * as access from './access.ts';
import * as audit from '../platform/audit.ts';
import * as crypto from '../platform/crypto.ts';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import * as reports from '../meldpunt/reports.ts';
import * as templates from './templates.ts';
import type { SessionUser } from '../staff/session.ts';
import { PRIORITIES, type Priority, type Status } from '../../report/catalogue.ts';
import { isUuid } from '../../shell/uuid.ts';
import { toStaffLocale } from '../../i18n/staff.ts';

export const CLOSED_REASONS = ['resolved', 'not_actionable', 'duplicate'] as const;
export type ClosedReason = (typeof CLOSED_REASONS)[number];

/** Allowed moves. `closed` → `in_progress` is "reopen". */
export const TRANSITIONS: Record<Status, readonly Status[]> = {
	new: ['acknowledged', 'in_progress', 'closed'],
	acknowledged: ['in_progress', 'waiting', 'referred', 'closed'],
	in_progress: ['waiting', 'referred', 'closed'],
	waiting: ['in_progress', 'referred', 'closed'],
	referred: ['in_progress', 'waiting', 'closed'],
	closed: ['in_progress']
};

export function canMove(from: string, to: string): boolean {
	return (TRANSITIONS[from as Status] ?? []).includes(to as Status);
}

export type Actor = Pick<SessionUser, 'id' | 'role' | 'regionId' | 'gemeenten'>;
export type Failure = { ok: false; error: string };
export type Result<T = object> = ({ ok: true } & T) | Failure;

interface Row {
	id: string;
	region_id: string;
	gemeente_id: string | null;
	status: string;
	version: number;
	locale: string;
	consent_level: number;
	acknowledged_at: Date | string | null;
	feedback_at: Date | string | null;
}

/** The report if this user may see it, else undefined (→ 404). Locks it inside a transaction. */
async function load(db: Db, actor: Actor, id: string, lock = false): Promise<Row | undefined> {
	if (!isUuid(id)) return undefined;
	let q = db
		.selectFrom('report')
		.select([
			'id',
			'region_id',
			'gemeente_id',
			'status',
			'version',
			'locale',
			'consent_level',
			'acknowledged_at',
			'feedback_at'
		])
		.where('id', '=', id);
	if (lock) q = q.forUpdate();
	const row = await q.executeTakeFirst();
	if (!row || !access.canSee(actor, { regionId: row.region_id, gemeenteId: row.gemeente_id }))
		return undefined;
	return row;
}

export async function visible(db: Db, actor: Actor, id: string): Promise<boolean> {
	return (await load(db, actor, id)) !== undefined;
}

type Change = (
	trx: Db,
	row: Row,
	now: Date
) => Promise<Failure | { ok?: undefined; detail?: Record<string, unknown> }>;

/**
 * Runs `change` on a locked, visible report whose version is `version`, bumps the version and
 * records the audit entry, all in one transaction.
 */
export async function mutateReport(
	db: Db,
	actor: Actor,
	id: string,
	version: number,
	action: string,
	change: Change,
	now = new Date()
): Promise<Result> {
	return database.transaction(db, async (trx) => {
		const row = await load(trx, actor, id, true);
		if (!row) return { ok: false, error: 'not_found' };
		if (row.version !== version) return { ok: false, error: 'stale' };
		const r = await change(trx, row, now);
		if (r.ok === false) return r;
		await trx
			.updateTable('report')
			.set({ version: sql`version + 1`, updated_at: now })
			.where('id', '=', id)
			.execute();
		await audit.record(trx, {
			actorId: actor.id,
			action,
			objectType: 'report',
			objectId: id,
			gemeenteId: row.gemeente_id,
			detail: r.detail ?? {}
		});
		return { ok: true };
	});
}

/** A message to the reporter, in their language when it is a template. */
async function tellReporter(
	trx: Db,
	reportId: string,
	msg: { template: string; params?: Record<string, string> } | { text: string; language: string },
	actorId: string | null,
	now: Date
): Promise<void> {
	await reports.addMessage(
		trx,
		reportId,
		'template' in msg
			? {
					author: actorId ? 'staff' : 'system',
					staffUserId: actorId,
					template: msg.template,
					params: msg.params
				}
			: { author: 'staff', staffUserId: actorId, text: msg.text, language: msg.language },
		[],
		now
	);
}

async function event(
	trx: Db,
	reportId: string,
	kind: string,
	detail: Record<string, unknown>,
	now: Date
) {
	await trx
		.insertInto('report_event')
		.values({ report_id: reportId, kind, detail: JSON.stringify(detail), at: now })
		.execute();
}

export async function transition(
	db: Db,
	actor: Actor,
	input: { id: string; version: number; to: string; reason?: string; duplicateOf?: string },
	now = new Date()
): Promise<Result> {
	return mutateReport(
		db,
		actor,
		input.id,
		input.version,
		'report.status',
		async (trx, row) => {
			if (!canMove(row.status, input.to)) return { ok: false, error: 'transition' };
			const to = input.to as Status;
			const reason = to === 'closed' ? (input.reason as ClosedReason | undefined) : undefined;
			if (to === 'closed' && !CLOSED_REASONS.includes(reason as ClosedReason)) {
				return { ok: false, error: 'closed_reason' };
			}
			let duplicateOf: string | null = null;
			if (reason === 'duplicate') {
				const target = input.duplicateOf ? await load(trx, actor, input.duplicateOf) : undefined;
				if (!target || target.id === row.id) return { ok: false, error: 'duplicate_of' };
				duplicateOf = target.id;
			}
			const substantive = to === 'referred' || to === 'closed';
			await trx
				.updateTable('report')
				.set({
					status: to,
					closed_reason: to === 'closed' ? reason! : null,
					closed_at: to === 'closed' ? now : null,
					duplicate_of: to === 'closed' ? duplicateOf : null,
					acknowledged_at: row.acknowledged_at ?? now,
					feedback_at: row.feedback_at ?? (substantive ? now : null)
				})
				.where('id', '=', row.id)
				.execute();
			await event(trx, row.id, 'status', { from: row.status, to, reason }, now);
			const template =
				to === 'acknowledged' ? 'acknowledged' : to === 'closed' ? `closed_${reason}` : 'status';
			// The acknowledgement is said once, whichever way it was said first.
			if (template !== 'acknowledged' || !(await acknowledgementSent(trx, row.id))) {
				await tellReporter(
					trx,
					row.id,
					{ template, params: to === 'closed' || to === 'acknowledged' ? {} : { status: to } },
					null,
					now
				);
			}
			return { detail: { from: row.status, to, reason } };
		},
		now
	);
}

export async function setPriority(
	db: Db,
	actor: Actor,
	input: { id: string; version: number; priority: string }
): Promise<Result> {
	if (!PRIORITIES.includes(input.priority as Priority)) return { ok: false, error: 'priority' };
	return mutateReport(db, actor, input.id, input.version, 'report.priority', async (trx, row) => {
		await trx
			.updateTable('report')
			.set({ priority: input.priority })
			.where('id', '=', row.id)
			.execute();
		return { detail: { priority: input.priority } };
	});
}

/** Assigns to a handler who may see the report (or to nobody with `assignee` null). */
export async function assign(
	db: Db,
	actor: Actor,
	input: { id: string; version: number; assignee: string | null }
): Promise<Result> {
	return mutateReport(db, actor, input.id, input.version, 'report.assign', async (trx, row) => {
		if (input.assignee) {
			const candidates = await assignees(trx, actor, row.id);
			if (!candidates.some((c) => c.id === input.assignee)) return { ok: false, error: 'assignee' };
		}
		await trx
			.updateTable('report')
			.set({ assigned_to: input.assignee })
			.where('id', '=', row.id)
			.execute();
		return { detail: { assignee: input.assignee } };
	});
}

/** Staff who could work on this report: active handlers of its gemeente, and coordinators. */
export async function assignees(
	db: Db,
	actor: Actor,
	id: string
): Promise<{ id: string; name: string }[]> {
	const row = await load(db, actor, id);
	if (!row) return [];
	return db
		.selectFrom('staff_user as u')
		.select(['u.id', 'u.name'])
		.where('u.region_id', '=', row.region_id)
		.where('u.disabled_at', 'is', null)
		.where((eb) =>
			eb.or([
				eb('u.role', '=', 'coordinator'),
				row.gemeente_id
					? eb.and([
							eb('u.role', '=', 'handler'),
							eb.exists(
								eb
									.selectFrom('staff_user_gemeente as g')
									.select('g.user_id')
									.whereRef('g.user_id', '=', 'u.id')
									.where('g.gemeente_id', '=', row.gemeente_id)
							)
						])
					: eb.val(false)
			])
		)
		.orderBy('u.name')
		.execute();
}

export const MAX_TEXT = 10_000;

export async function addNote(
	db: Db,
	actor: Actor,
	input: { id: string; version: number; text: string }
): Promise<Result> {
	const text = input.text.trim();
	if (!text) return { ok: false, error: 'empty' };
	if (text.length > MAX_TEXT) return { ok: false, error: 'too_long' };
	return mutateReport(db, actor, input.id, input.version, 'report.note', async (trx, row) => {
		const key = await reports.dataKey(trx, row.id);
		const noteId = randomUUID();
		await trx
			.insertInto('report_note')
			.values({
				id: noteId,
				report_id: row.id,
				staff_user_id: actor.id,
				body: crypto.seal(key!, Buffer.from(text), `note:${noteId}`)
			})
			.execute();
		return {};
	});
}

export async function notes(db: Db, actor: Actor, id: string) {
	const row = await load(db, actor, id);
	if (!row) return [];
	const key = await reports.dataKey(db, id);
	const rows = await db
		.selectFrom('report_note as n')
		.leftJoin('staff_user as u', 'u.id', 'n.staff_user_id')
		.leftJoin('partner as p', 'p.id', 'n.partner_id')
		.select(['n.id', 'n.body', 'n.created_at', 'u.name', 'p.name as partner'])
		.where('n.report_id', '=', id)
		.orderBy('n.created_at')
		.execute();
	return rows.map((n) => {
		const text = crypto.open(key!, n.body, `note:${n.id}`).toString('utf8');
		// A partner's answer from the partner desk: its choice, where it belongs, its message.
		const answer = n.partner
			? (JSON.parse(text) as { answer: string; where: string | null; message: string })
			: null;
		return {
			id: n.id,
			author: n.partner ?? n.name ?? '—',
			text: answer ? answer.message : text,
			partner: answer ? { answer: answer.answer, where: answer.where } : null,
			createdAt: new Date(n.created_at)
		};
	});
}

export const REPLY_TEMPLATES = ['acknowledged', 'more_info', 'advice'] as const;

export interface ReplyContext {
	consent: number;
	status: string;
	/** The reporter has already been told "we received and read your report". */
	acknowledgementSent: boolean;
}

/**
 * Whether a standard reply fits the report now, so that what the reporter reads never
 * contradicts their consent or what they were already told: "advice" says we may not pass the
 * report on, true only at consent level 1 and never once it was referred; the acknowledgement is
 * said once; a closed report is not asked for more or promised work.
 */
export function templateFits(template: string, r: ReplyContext): boolean {
	if (template === 'advice') return r.consent === 1 && r.status !== 'referred';
	if (template === 'acknowledged') return !r.acknowledgementSent && r.status !== 'closed';
	if (template === 'more_info') return r.status !== 'closed';
	return true;
}

async function acknowledgementSent(db: Db, reportId: string): Promise<boolean> {
	const row = await db
		.selectFrom('report_message')
		.select('id')
		.where('report_id', '=', reportId)
		.where('template', '=', 'acknowledged')
		.executeTakeFirst();
	return row !== undefined;
}

/** The standard replies that fit this report now (the case page offers only these). */
export async function fittingTemplates(db: Db, actor: Actor, id: string): Promise<string[]> {
	const row = await load(db, actor, id);
	if (!row) return [];
	const context = {
		consent: row.consent_level,
		status: row.status,
		acknowledgementSent: await acknowledgementSent(db, id)
	};
	return REPLY_TEMPLATES.filter((t) => templateFits(t, context));
}

/**
 * A reply to the reporter: a standard reply (read in the reporter's own language) or free text in
 * Dutch or English, shown as written and marked with its language.
 */
export async function reply(
	db: Db,
	actor: Actor,
	input: {
		id: string;
		version: number;
		template?: string;
		text?: string;
		language?: string;
		partner?: string;
	}
): Promise<Result> {
	const text = (input.text ?? '').trim();
	const template = input.template ?? '';
	if (!template && !text) return { ok: false, error: 'empty' };
	const custom = template.startsWith('custom:') ? template.slice('custom:'.length) : null;
	if (template && !custom && !(REPLY_TEMPLATES as readonly string[]).includes(template)) {
		return { ok: false, error: 'template' };
	}
	if (text.length > MAX_TEXT) return { ok: false, error: 'too_long' };
	const language = toStaffLocale(input.language);
	return mutateReport(db, actor, input.id, input.version, 'report.reply', async (trx, row, now) => {
		const context = {
			consent: row.consent_level,
			status: row.status,
			acknowledgementSent: await acknowledgementSent(trx, row.id)
		};
		if (template && !custom && !templateFits(template, context)) {
			return { ok: false, error: 'template_fits' };
		}
		const params: Record<string, string> = {};
		if (custom) {
			// A coordinator's reply: only once complete in every language (a draft is not sent).
			const t = await templates.read(trx, row.region_id, custom);
			if (!t || !t.active || templates.missing(t.texts).length > 0)
				return { ok: false, error: 'template' };
			params.id = t.id;
		}
		if (template === 'advice') {
			// Consent level 1 blocks referral; the reporter can still be told where to go themselves.
			const partner = await trx
				.selectFrom('partner')
				.select('name')
				.where('id', '=', input.partner ?? '')
				.where('region_id', '=', row.region_id)
				.executeTakeFirst();
			if (!partner) return { ok: false, error: 'partner' };
			params.partner = partner.name;
		}
		if (template)
			await tellReporter(
				trx,
				row.id,
				{ template: custom ? 'custom' : template, params },
				actor.id,
				now
			);
		if (text) await tellReporter(trx, row.id, { text, language }, actor.id, now);
		const substantive = Boolean(text) || template !== 'acknowledged';
		await trx
			.updateTable('report')
			.set({
				acknowledged_at: row.acknowledged_at ?? now,
				feedback_at: row.feedback_at ?? (substantive ? now : null),
				status: row.status === 'new' ? 'acknowledged' : row.status
			})
			.where('id', '=', row.id)
			.execute();
		return { detail: { template: template || null, text: Boolean(text) } };
	});
}

/**
 * Moves a report to another gemeente of the region (coordinators), or back to the regional
 * "gemeente unknown" queue (any handler who can see it).
 */
export async function move(
	db: Db,
	actor: Actor,
	input: { id: string; version: number; gemeente: string | null }
): Promise<Result> {
	if (input.gemeente !== null && !access.isRegional(actor))
		return { ok: false, error: 'forbidden' };
	return mutateReport(db, actor, input.id, input.version, 'report.move', async (trx, row) => {
		if (input.gemeente !== null) {
			const g = await trx
				.selectFrom('gemeente')
				.select('id')
				.where('id', '=', input.gemeente)
				.where('region_id', '=', row.region_id)
				.executeTakeFirst();
			if (!g) return { ok: false, error: 'gemeente' };
		}
		await trx
			.updateTable('report')
			.set({ gemeente_id: input.gemeente, assigned_to: null })
			.where('id', '=', row.id)
			.execute();
		return { detail: { from: row.gemeente_id, to: input.gemeente } };
	});
}

/** Records that a staff member opened a report (audit: every view). */
export async function recordView(
	db: Db,
	actor: Actor,
	id: string,
	gemeenteId: string | null
): Promise<void> {
	await audit.record(db, {
		actorId: actor.id,
		action: 'report.view',
		objectType: 'report',
		objectId: id,
		gemeenteId
	});
}
