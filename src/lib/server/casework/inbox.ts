// The meldpunt inbox: the reports a user may see, filtered, sorted and paged by keyset (stable
// under inserts, fast at any depth). Lists never decrypt content.
import { sql, type ExpressionBuilder, type SelectQueryBuilder } from 'kysely';
import * as access from './access.ts';
import type { Db } from '../platform/db/index.ts';
import type { Database } from '../platform/db/schema.ts';
import type { Actor } from './casework.ts';
import { GROUPS, PRIORITIES, STATUSES } from '../../report/catalogue.ts';
import { isUuid } from '../../shell/uuid.ts';

export const SORTS = ['newest', 'oldest', 'due'] as const;
export type Sort = (typeof SORTS)[number];
export const PAGE_SIZE = 25;

export interface Filters {
	status?: string;
	group?: string;
	/** a gemeente id, or 'unknown' for the regional queue */
	gemeente?: string;
	priority?: string;
	urgent?: boolean;
	overdue?: boolean;
	assigned?: 'me' | 'none';
	/** only reports with a reporter message this user has not read */
	unread?: boolean;
	from?: string;
	to?: string;
	sort: Sort;
	cursor?: string;
}

/** Reads filters from a URL's query; anything unknown is dropped, never an error. */
export function parseFilters(params: URLSearchParams): Filters {
	const pick = <T extends string>(list: readonly T[], v: string | null) =>
		v && (list as readonly string[]).includes(v) ? (v as T) : undefined;
	const date = (v: string | null) =>
		v && /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(v)) ? v : undefined;
	const gemeente = params.get('gemeente');
	return {
		status: pick(STATUSES, params.get('status')),
		group: pick(GROUPS, params.get('group')),
		gemeente: gemeente && /^[a-z0-9-]{2,60}$/.test(gemeente) ? gemeente : undefined,
		priority: pick(PRIORITIES, params.get('priority')),
		urgent: params.get('urgent') === '1' || undefined,
		overdue: params.get('overdue') === '1' || undefined,
		assigned: pick(['me', 'none'] as const, params.get('assigned')),
		unread: params.get('unread') === '1' || undefined,
		from: date(params.get('from')),
		to: date(params.get('to')),
		sort: pick(SORTS, params.get('sort')) ?? 'newest',
		cursor: params.get('cursor') ?? undefined
	};
}

type Q = SelectQueryBuilder<Database, 'report', object>;

function overdueExpr(eb: ExpressionBuilder<Database, 'report'>, now: Date) {
	return eb.and([
		eb('report.status', '!=', 'closed'),
		eb.or([
			eb.and([eb('report.acknowledged_at', 'is', null), eb('report.ack_due_at', '<', now)]),
			eb.and([eb('report.feedback_at', 'is', null), eb('report.feedback_due_at', '<', now)])
		])
	]);
}

/**
 * A reporter message newer than what this user last read. By sequence number, never by time:
 * reporter times are stored to the hour and may lie before a staff message that came earlier.
 */
function unreadExpr(actorId: string) {
	return sql<boolean>`coalesce(report.reporter_seq > coalesce((select rr.seq from report_read rr
		where rr.report_id = report.id and rr.staff_user_id = ${actorId}), 0), false)`;
}

/** Applies the user's scope and every filter except status (counts per status use this). */
function scoped(db: Db, actor: Actor, f: Filters, now: Date): Q | null {
	const s = access.scope(actor);
	if (!s) return null;
	let q = db.selectFrom('report').where('report.region_id', '=', s.region) as Q;
	if (s.gemeenten !== 'all') {
		if (s.gemeenten.length === 0) return null;
		q = q.where('report.gemeente_id', 'in', s.gemeenten);
	}
	if (f.gemeente === 'unknown') q = q.where('report.gemeente_id', 'is', null);
	else if (f.gemeente) q = q.where('report.gemeente_id', '=', f.gemeente);
	// A report with housing and work situations is found under either group.
	if (f.group) q = q.where(sql<boolean>`${f.group} = any(report.category_groups)`);
	if (f.priority) q = q.where('report.priority', '=', f.priority);
	if (f.urgent) q = q.where('report.priority', '=', 'urgent');
	if (f.overdue) q = q.where((eb) => overdueExpr(eb, now));
	if (f.assigned === 'me') q = q.where('report.assigned_to', '=', actor.id);
	if (f.assigned === 'none') q = q.where('report.assigned_to', 'is', null);
	if (f.unread) q = q.where(unreadExpr(actor.id));
	if (f.from) q = q.where('report.created_at', '>=', new Date(`${f.from}T00:00:00Z`));
	if (f.to)
		q = q.where('report.created_at', '<', new Date(Date.parse(`${f.to}T00:00:00Z`) + 86_400_000));
	return q;
}

interface Cursor {
	k: string;
	id: string;
}

function encodeCursor(c: Cursor): string {
	return Buffer.from(JSON.stringify(c)).toString('base64url');
}

function decodeCursor(raw: string | undefined): Cursor | null {
	if (!raw || raw.length > 300) return null;
	try {
		const c = JSON.parse(Buffer.from(raw, 'base64url').toString('utf8')) as Cursor;
		return typeof c.k === 'string' && !Number.isNaN(Date.parse(c.k)) && isUuid(c.id) ? c : null;
	} catch {
		return null;
	}
}

export interface Item {
	id: string;
	gemeenteId: string | null;
	gemeente: string | null;
	group: string;
	situations: string[];
	priority: string;
	status: string;
	locale: string;
	consent: number;
	createdAt: Date;
	ackDueAt: Date | null;
	feedbackDueAt: Date | null;
	overdue: boolean;
	assignee: string | null;
	photoCount: number;
	unread: boolean;
}

export interface Page {
	items: Item[];
	next: string | null;
	counts: Record<string, number>;
	total: number;
}

export async function list(
	db: Db,
	actor: Actor,
	f: Filters,
	now = new Date(),
	size = PAGE_SIZE
): Promise<Page> {
	const base = scoped(db, actor, f, now);
	if (!base) return { items: [], next: null, counts: {}, total: 0 };
	const key = f.sort === 'due' ? 'report.ack_due_at' : 'report.created_at';
	const dir = f.sort === 'newest' ? 'desc' : 'asc';
	let q = base;
	if (f.status) q = q.where('report.status', '=', f.status);
	const cursor = decodeCursor(f.cursor);
	if (cursor) {
		const op = dir === 'desc' ? '<' : '>';
		q = q.where((eb) =>
			eb(eb.refTuple(key, 'report.id'), op, eb.tuple(new Date(cursor.k), cursor.id))
		);
	}
	const rows = await q
		.leftJoin('gemeente as g', 'g.id', 'report.gemeente_id')
		.leftJoin('staff_user as u', 'u.id', 'report.assigned_to')
		.select((eb) => [
			'report.id',
			'report.gemeente_id',
			'g.name as gemeente',
			'report.category_group',
			'report.situations',
			'report.priority',
			'report.status',
			'report.locale',
			'report.consent_level',
			'report.created_at',
			'report.ack_due_at',
			'report.feedback_due_at',
			'u.name as assignee',
			'report.photo_count',
			overdueExpr(eb, now).as('overdue'),
			unreadExpr(actor.id).as('unread')
		])
		.orderBy(key, dir)
		.orderBy('report.id', dir)
		.limit(size + 1)
		.execute();
	const more = rows.length > size;
	const page = rows.slice(0, size);
	const last = page.at(-1);
	const counted = await base
		.select(['report.status', (eb) => eb.fn.countAll<string>().as('n')])
		.groupBy('report.status')
		.execute();
	const counts = Object.fromEntries(counted.map((c) => [c.status, Number(c.n)]));
	return {
		items: page.map((r) => ({
			id: r.id,
			gemeenteId: r.gemeente_id,
			gemeente: r.gemeente,
			group: r.category_group,
			situations: r.situations,
			priority: r.priority,
			status: r.status,
			locale: r.locale,
			consent: r.consent_level,
			createdAt: new Date(r.created_at),
			ackDueAt: r.ack_due_at ? new Date(r.ack_due_at) : null,
			feedbackDueAt: r.feedback_due_at ? new Date(r.feedback_due_at) : null,
			overdue: Boolean(r.overdue),
			assignee: r.assignee,
			photoCount: r.photo_count,
			unread: Boolean(r.unread)
		})),
		next:
			more && last
				? encodeCursor({
						k: new Date((f.sort === 'due' ? last.ack_due_at : last.created_at) ?? 0).toISOString(),
						id: last.id
					})
				: null,
		counts,
		total: Object.values(counts).reduce((a, b) => a + b, 0)
	};
}

/** How many reports in this user's scope have a reporter message they have not read (the nav). */
export async function unreadCount(db: Db, actor: Actor, now = new Date()): Promise<number> {
	const q = scoped(db, actor, { sort: 'newest', unread: true }, now);
	if (!q) return 0;
	const row = await q.select((eb) => eb.fn.countAll<string>().as('n')).executeTakeFirst();
	return Number(row?.n ?? 0);
}

/**
 * Marks the thread read for this user up to `seq` (the newest message they were shown). Never
 * backwards: a page loaded earlier and rendered later cannot unread what was read since.
 */
export async function markRead(db: Db, actorId: string, reportId: string, seq: string | null) {
	if (seq === null) return;
	await db
		.insertInto('report_read')
		.values({ report_id: reportId, staff_user_id: actorId, seq })
		.onConflict((oc) =>
			oc
				.columns(['report_id', 'staff_user_id'])
				.doUpdateSet({ seq: sql<string>`greatest(report_read.seq, excluded.seq)` })
		)
		.execute();
}

/** Overdue reports per gemeente, for the daily summary and the overdue list. */
export async function overdueSummary(db: Db, regionId: string, now = new Date()) {
	const rows = await db
		.selectFrom('report')
		.leftJoin('gemeente as g', 'g.id', 'report.gemeente_id')
		.select(['report.gemeente_id', 'g.name', (eb) => eb.fn.countAll<string>().as('n')])
		.where('report.region_id', '=', regionId)
		.where((eb) => overdueExpr(eb, now))
		.groupBy(['report.gemeente_id', 'g.name'])
		.orderBy('g.name')
		.execute();
	return rows.map((r) => ({ gemeenteId: r.gemeente_id, gemeente: r.name, count: Number(r.n) }));
}
