// Meldpunt statistics: reports per month × gemeente (each report once) and per month × category
// group × gemeente (a report in each group it touches: housing and work → one row each), time to
// acknowledgement and to closing, referrals per partner. Deleted reports count through their tombstones, so figures
// survive retention. Small numbers are suppressed so no single report can be picked out.
import { sql, type RawBuilder } from 'kysely';
import type { Scope } from './access.ts';
import type { Db } from '../platform/db/index.ts';
import { ZONE } from '../../shell/dutch-date.ts';
import * as csv from '../platform/csv.ts';

/** Counts from 1 to MIN_CELL − 1 are shown as "<5"; medians need at least MIN_CELL reports. */
export const MIN_CELL = 5;

// Months and days are the meldpunt's, not the server's.
const TZ = ZONE;
const MONTH = /^(\d{4})-(0[1-9]|1[0-2])$/;
const DEFAULT_MONTHS = 12;
const MAX_MONTHS = 120;

export interface Period {
	/** inclusive */
	from: Date;
	/** exclusive */
	to: Date;
}

export interface MonthPeriod extends Period {
	fromMonth: string;
	toMonth: string;
}

export interface Duration {
	/** days; null when fewer than MIN_CELL reports have one */
	median: number | null;
	count: number;
}

export interface Result {
	/** Each report once. */
	reports: Array<{ month: string; gemeente: string | null; count: number }>;
	/** A report in every group it touches, so these counts can add up to more than `reports`. */
	perMonth: Array<{ month: string; group: string; gemeente: string | null; count: number }>;
	ackDays: Duration;
	closeDays: Duration;
	referrals: Array<{ partnerId: string; partnerName: string; count: number }>;
	/** reports staff filed on a worker's behalf, counted once each */
	assisted: number;
}

/** What may leave the server: every count already suppressed. */
export interface View {
	reports: Array<{ month: string; gemeente: string | null; count: string }>;
	perMonth: Array<{ month: string; group: string; gemeente: string | null; count: string }>;
	ackDays: { median: number | null; count: string };
	closeDays: { median: number | null; count: string };
	referrals: Array<{ partnerId: string; partnerName: string; count: string }>;
	assisted: string;
}

export function suppress(n: number): string {
	if (n === 0) return '0';
	return n < MIN_CELL ? `<${MIN_CELL}` : String(n);
}

/** Midnight in the meldpunt's time zone on the first day of month m (1–12) of year y. */
export function monthStart(y: number, m: number): Date {
	const utc = Date.UTC(y, m - 1, 1);
	// No DST change happens near midnight on the 1st, so the offset at UTC midnight is the one.
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-GB', {
			timeZone: TZ,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		})
			.formatToParts(new Date(utc))
			.map((p) => [p.type, Number(p.value)])
	);
	const local = Date.UTC(parts.year, parts.month - 1, parts.day, parts.hour, parts.minute);
	return new Date(utc - (local - utc));
}

function monthIndex(ym: string): number | null {
	const match = MONTH.exec(ym);
	if (!match) return null;
	const y = Number(match[1]);
	return y < 2000 || y > 2200 ? null : y * 12 + Number(match[2]) - 1;
}

function monthLabel(index: number): string {
	return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

function currentMonth(now: Date): number {
	const [y, m] = new Intl.DateTimeFormat('en-CA', {
		timeZone: TZ,
		year: 'numeric',
		month: '2-digit'
	})
		.format(now)
		.split('-')
		.map(Number);
	return y * 12 + m - 1;
}

/**
 * The months from `from` to `to` (both YYYY-MM, both included). Missing or invalid input, a
 * reversed range or more than ten years gives the last twelve months up to this one.
 */
export function period(from: string | null, to: string | null, now = new Date()): MonthPeriod {
	let a = monthIndex(from ?? '');
	let b = monthIndex(to ?? '');
	if (a === null || b === null || a > b || b - a >= MAX_MONTHS) {
		b = currentMonth(now);
		a = b - (DEFAULT_MONTHS - 1);
	}
	return {
		from: monthStart(Math.floor(a / 12), (a % 12) + 1),
		to: monthStart(Math.floor((b + 1) / 12), ((b + 1) % 12) + 1),
		fromMonth: monthLabel(a),
		toMonth: monthLabel(b)
	};
}

function inScope(alias: string, s: NonNullable<Scope>): RawBuilder<unknown> {
	const region = sql`${sql.ref(`${alias}.region_id`)} = ${s.region}`;
	if (s.gemeenten === 'all') return region;
	if (s.gemeenten.length === 0) return sql`false`;
	return sql`${region} and ${sql.ref(`${alias}.gemeente_id`)} in (${sql.join(s.gemeenten)})`;
}

function liveWhere(s: NonNullable<Scope>, p: Period): RawBuilder<unknown> {
	return sql`${inScope('r', s)} and r.created_at >= ${p.from} and r.created_at < ${p.to}`;
}

function tombstoneWhere(s: NonNullable<Scope>, p: Period): RawBuilder<unknown> {
	// A tombstone keeps only the day; it counts as created at the start of that day.
	const created = sql`(t.created_on::timestamp at time zone ${TZ})`;
	return sql`${inScope('t', s)} and ${created} >= ${p.from} and ${created} < ${p.to}
		and not exists (select 1 from report x where x.id = t.id)`;
}

function duration(median: number | null, count: string): Duration {
	const n = Number(count);
	return {
		median: n >= MIN_CELL && median !== null ? Math.round(Number(median) * 10) / 10 : null,
		count: n
	};
}

export async function compute(db: Db, scope: NonNullable<Scope>, p: Period): Promise<Result> {
	const cases = sql`
		select r.id, r.gemeente_id, r.category_groups, r.assisted,
			to_char(r.created_at at time zone ${TZ}, 'YYYY-MM') as month,
			(extract(epoch from r.acknowledged_at - r.created_at) / 86400)::float8 as ack_days,
			(extract(epoch from r.closed_at - r.created_at) / 86400)::float8 as close_days
		from report r where ${liveWhere(scope, p)}
		union all
		select t.id, t.gemeente_id,
			-- Tombstones written before groups were kept have only their main group.
			case when cardinality(t.category_groups) = 0 then array[t.category_group]
				else t.category_groups end,
			t.assisted,
			to_char(t.created_on, 'YYYY-MM'),
			(t.acknowledged_on - t.created_on)::float8,
			(t.closed_on - t.created_on)::float8
		from report_tombstone t where ${tombstoneWhere(scope, p)}`;

	// Independent reads: on PostgreSQL they run side by side on separate connections.
	const [perReport, perMonth, durations, referrals] = await Promise.all([
		sql<{ month: string; gemeente: string | null; n: string }>`
		with cases as (${cases})
		select month, gemeente_id as gemeente, count(*) as n
		from cases group by 1, 2 order by 1, 2 nulls last`.execute(db),
		sql<{ month: string; group: string; gemeente: string | null; n: string }>`
		with cases as (${cases})
		select month, g as "group", gemeente_id as gemeente, count(*) as n
		from cases cross join lateral unnest(cases.category_groups) as g
		group by 1, 2, 3 order by 1, 2, 3 nulls last`.execute(db),
		sql<{
			ack_median: number | null;
			ack_n: string;
			close_median: number | null;
			close_n: string;
			assisted_n: string;
		}>`
		with cases as (${cases})
		select percentile_cont(0.5) within group (order by ack_days) as ack_median,
			count(ack_days) as ack_n,
			percentile_cont(0.5) within group (order by close_days) as close_median,
			count(close_days) as close_n,
			count(*) filter (where assisted) as assisted_n
		from cases`.execute(db),
		// One referral per report and partner, whether the report still exists or not.
		sql<{ partner_id: string; partner_name: string; n: string }>`
		with pairs as (
			select r.id, f.partner_id from referral f join report r on r.id = f.report_id
			where ${liveWhere(scope, p)}
			union
			select t.id, unnest(t.referrals) from report_tombstone t where ${tombstoneWhere(scope, p)}
		)
		select pairs.partner_id, coalesce(partner.name, pairs.partner_id) as partner_name,
			count(*) as n
		from pairs left join partner on partner.id = pairs.partner_id
		group by 1, 2 order by 3 desc, 2`.execute(db)
	]);

	const d = durations.rows[0];
	return {
		reports: perReport.rows.map((r) => ({
			month: r.month,
			gemeente: r.gemeente,
			count: Number(r.n)
		})),
		perMonth: perMonth.rows.map((r) => ({
			month: r.month,
			group: r.group,
			gemeente: r.gemeente,
			count: Number(r.n)
		})),
		ackDays: duration(d.ack_median, d.ack_n),
		closeDays: duration(d.close_median, d.close_n),
		assisted: Number(d.assisted_n),
		referrals: referrals.rows.map((r) => ({
			partnerId: r.partner_id,
			partnerName: r.partner_name,
			count: Number(r.n)
		}))
	};
}

/** The result with every count suppressed and gemeente ids replaced by their names. */
export function view(result: Result, gemeenteNames: ReadonlyMap<string, string>): View {
	const gemeente = (id: string | null) => (id === null ? null : (gemeenteNames.get(id) ?? id));
	return {
		reports: result.reports.map((r) => ({
			month: r.month,
			gemeente: gemeente(r.gemeente),
			count: suppress(r.count)
		})),
		perMonth: result.perMonth.map((r) => ({
			month: r.month,
			group: r.group,
			gemeente: gemeente(r.gemeente),
			count: suppress(r.count)
		})),
		ackDays: { median: result.ackDays.median, count: suppress(result.ackDays.count) },
		closeDays: { median: result.closeDays.median, count: suppress(result.closeDays.count) },
		referrals: result.referrals.map((r) => ({
			partnerId: r.partnerId,
			partnerName: r.partnerName,
			count: suppress(r.count)
		})),
		assisted: suppress(result.assisted)
	};
}

/** CSV with the same suppression as the page; a report with no known gemeente says "unknown". */
export function toCsv(result: Result): string {
	return csv.write([
		['month', 'gemeente', 'reports'],
		...result.reports.map((r) => [r.month, r.gemeente ?? 'unknown', suppress(r.count)]),
		[],
		['month', 'category_group', 'gemeente', 'count'],
		...result.perMonth.map((r) => [r.month, r.group, r.gemeente ?? 'unknown', suppress(r.count)]),
		[],
		['partner', 'referrals'],
		...result.referrals.map((r) => [r.partnerName, suppress(r.count)])
	]);
}
