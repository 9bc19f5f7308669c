// Opening hours: a week of time ranges plus dated exceptions (holidays, closures), always read in
// Dutch local time. Wall-clock time comes from Intl with the Europe/Amsterdam zone, never from a
// fixed offset, so the switches to and from summer time need no special cases.
// Shared by the server (list, API, import) and the browser (the map's "open now").
// Plain erasable TypeScript: Node loads it with type stripping.

export const DAYS = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type Day = (typeof DAYS)[number];

/** "HH:MM"–"HH:MM"; an end at or before the start runs past midnight; "24:00" ends the day. */
export type Range = [string, string];

export interface Exception {
	/** YYYY-MM-DD, a Dutch calendar day */
	date: string;
	/** empty: closed all day */
	ranges: Range[];
}

export interface OpeningHours {
	weekly?: Partial<Record<Day, Range[]>>;
	exceptions?: Exception[];
}

export const ZONE = 'Europe/Amsterdam';

const TIME = /^([01]\d|2[0-3]):([0-5]\d)$/;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Minutes after midnight, or null for anything but 00:00–23:59 (and "24:00" when `end`). */
export function minutes(time: string, end = false): number | null {
	if (end && time === '24:00') return 24 * 60;
	const m = TIME.exec(time);
	return m ? Number(m[1]) * 60 + Number(m[2]) : null;
}

export function validDate(date: string): boolean {
	const m = DATE.exec(date);
	if (!m) return false;
	const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
	return d.toISOString().slice(0, 10) === date;
}

// --- the text form editors type and CSV carries ----------------------------------------------
// hours:      "mon-fri 08:00-12:00,13:00-17:00; sat 10:00-12:00"
// exceptions: "2026-12-25 closed; 2026-12-24 08:00-12:00"

export type ParseError = 'day' | 'time' | 'date' | 'syntax';

function parseRanges(text: string): Range[] | ParseError {
	const out: Range[] = [];
	for (const part of text.split(',')) {
		const m = /^\s*(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(part);
		if (!m) return 'syntax';
		const [from, to] = [m[1].padStart(5, '0'), m[2].padStart(5, '0')];
		const a = minutes(from);
		const b = minutes(to, true);
		if (a === null || b === null || a === b) return 'time';
		out.push([from, to]);
	}
	return out;
}

export function parseWeekly(text: string): Partial<Record<Day, Range[]>> | ParseError {
	const weekly: Partial<Record<Day, Range[]>> = {};
	for (const clause of text.split(';')) {
		const c = clause.trim().toLowerCase();
		if (!c) continue;
		const m = /^([a-z]{2,3})(?:\s*-\s*([a-z]{2,3}))?\s+(.+)$/.exec(c);
		if (!m) return 'syntax';
		const first = DAYS.findIndex((d) => d.startsWith(m[1]) && m[1].length >= 2);
		const last = m[2] ? DAYS.findIndex((d) => d.startsWith(m[2]) && m[2].length >= 2) : first;
		if (first < 0 || last < 0 || last < first) return 'day';
		const ranges = m[3].trim() === 'closed' ? [] : parseRanges(m[3]);
		if (typeof ranges === 'string') return ranges;
		for (let i = first; i <= last; i++) weekly[DAYS[i]] = [...(weekly[DAYS[i]] ?? []), ...ranges];
	}
	return weekly;
}

export function parseExceptions(text: string): Exception[] | ParseError {
	const out: Exception[] = [];
	for (const clause of text.split(';')) {
		const c = clause.trim().toLowerCase();
		if (!c) continue;
		const m = /^(\S+)\s+(.+)$/.exec(c);
		if (!m) return 'syntax';
		if (!validDate(m[1])) return 'date';
		const ranges = m[2].trim() === 'closed' ? [] : parseRanges(m[2]);
		if (typeof ranges === 'string') return ranges;
		out.push({ date: m[1], ranges });
	}
	return out.sort((a, b) => a.date.localeCompare(b.date));
}

export function formatWeekly(weekly: OpeningHours['weekly'] = {}): string {
	return DAYS.filter((d) => weekly[d]?.length)
		.map((d) => `${d} ${weekly[d]!.map((r) => r.join('-')).join(',')}`)
		.join('; ');
}

export function formatExceptions(exceptions: Exception[] = []): string {
	return exceptions
		.map(
			(e) => `${e.date} ${e.ranges.length ? e.ranges.map((r) => r.join('-')).join(',') : 'closed'}`
		)
		.join('; ');
}

// --- evaluation --------------------------------------------------------------------------------

const parts = new Intl.DateTimeFormat('en-GB', {
	timeZone: ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit',
	hour: '2-digit',
	minute: '2-digit',
	hourCycle: 'h23'
});

/** The Dutch calendar day (YYYY-MM-DD) and minutes after local midnight of an instant. */
export function local(at: Date): { date: string; minute: number } {
	const p = Object.fromEntries(parts.formatToParts(at).map((x) => [x.type, x.value]));
	return { date: `${p.year}-${p.month}-${p.day}`, minute: Number(p.hour) * 60 + Number(p.minute) };
}

/** Calendar arithmetic on YYYY-MM-DD strings (no time zone involved). */
export function addDays(date: string, n: number): string {
	const [y, m, d] = date.split('-').map(Number);
	return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

export function dayOf(date: string): Day {
	const [y, m, d] = date.split('-').map(Number);
	return DAYS[(new Date(Date.UTC(y, m - 1, d)).getUTCDay() + 6) % 7];
}

/** The ranges that apply on a Dutch calendar day: its exception if any, else its weekday. */
export function rangesOn(hours: OpeningHours, date: string): Range[] {
	const ex = hours.exceptions?.find((e) => e.date === date);
	return ex ? ex.ranges : (hours.weekly?.[dayOf(date)] ?? []);
}

/** [start, end) in minutes of the day; an overnight range is split at midnight. */
function spans(ranges: Range[]): { today: Array<[number, number]>; carry: number[] } {
	const today: Array<[number, number]> = [];
	const carry: number[] = [];
	for (const [from, to] of ranges) {
		const a = minutes(from) ?? 0;
		const b = minutes(to, true) ?? 0;
		if (b > a) today.push([a, b]);
		else {
			today.push([a, 24 * 60]);
			if (b > 0) carry.push(b);
		}
	}
	return { today, carry };
}

export function hasHours(hours: OpeningHours): boolean {
	return DAYS.some((d) => (hours.weekly?.[d]?.length ?? 0) > 0);
}

export type Status =
	| { open: true; closes: { date: string; time: string } | null }
	| { open: false; opens: { date: string; time: string } | null };

const hhmm = (minute: number) =>
	`${String(Math.floor(minute / 60) % 24).padStart(2, '0')}:${String(minute % 60).padStart(2, '0')}`;

/** Where an opening that runs to midnight really ends: into the next days, at most a week on. */
function endAfterMidnight(
	hours: OpeningHours,
	date: string
): { date: string; time: string } | null {
	let day = date;
	for (let i = 0; i < 7; i++) {
		const next = addDays(day, 1);
		const own = spans(rangesOn(hours, day)).carry;
		const following = spans(rangesOn(hours, next)).today.find(([a]) => a === 0);
		const end = Math.max(own[0] ?? 0, following?.[1] ?? 0);
		if (end < 24 * 60) return { date: next, time: hhmm(end) };
		day = next;
	}
	return null;
}

/** Open or closed at `at`, with when that changes (looking at most eight days ahead). */
export function status(hours: OpeningHours, at: Date): Status {
	const now = local(at);
	const yesterday = spans(rangesOn(hours, addDays(now.date, -1)));
	const today = spans(rangesOn(hours, now.date));
	const carried = yesterday.carry.find((end) => now.minute < end);
	if (carried !== undefined) return { open: true, closes: { date: now.date, time: hhmm(carried) } };
	const span = today.today.find(([a, b]) => a <= now.minute && now.minute < b);
	if (span) {
		if (span[1] < 24 * 60) return { open: true, closes: { date: now.date, time: hhmm(span[1]) } };
		return { open: true, closes: endAfterMidnight(hours, now.date) };
	}
	for (let i = 0; i <= 8; i++) {
		const date = addDays(now.date, i);
		const starts = spans(rangesOn(hours, date))
			.today.map(([a]) => a)
			.filter((a) => i > 0 || a > now.minute)
			.sort((a, b) => a - b);
		if (starts.length) return { open: false, opens: { date, time: hhmm(starts[0]) } };
	}
	return { open: false, opens: null };
}

export function isOpen(hours: OpeningHours, at: Date): boolean {
	return status(hours, at).open;
}
