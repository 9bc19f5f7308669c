// Dates as the Netherlands sees them: every default date and "today" is the meldpunt's day in
// Europe/Amsterdam, never the server's UTC day (00:23 on 5 December in Tiel is 4 December in UTC).

export const ZONE = 'Europe/Amsterdam';

const DAY = new Intl.DateTimeFormat('en-CA', {
	timeZone: ZONE,
	year: 'numeric',
	month: '2-digit',
	day: '2-digit'
});

/** The Dutch calendar day of a moment, as YYYY-MM-DD. */
export function dutchDate(at: Date | string | number): string {
	return DAY.format(new Date(at));
}

/** Today in the Netherlands, as YYYY-MM-DD. */
export function today(now: Date = new Date()): string {
	return dutchDate(now);
}
