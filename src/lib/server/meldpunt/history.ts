// What a reporter is shown of their report's history on follow-up: when it arrived, each status
// change with its reason, and to which partner it was passed and when. Only codes and names the
// reporter's own texts turn into words; staff names, notes and partner answers never appear.
import type { TimelineEvent } from './reports.ts';

export type Entry =
	| { kind: 'created'; at: string }
	| { kind: 'status'; at: string; status: string; reason: string | null }
	| { kind: 'referred'; at: string; partner: string; on: string };

export function forReporter(events: TimelineEvent[]): Entry[] {
	const entries: Entry[] = [];
	for (const e of events) {
		const at = e.at.toISOString();
		const d = e.detail as Record<string, unknown>;
		if (e.kind === 'created') entries.push({ kind: 'created', at });
		else if (e.kind === 'status' && typeof d.to === 'string') {
			const reason = d.to === 'closed' && typeof d.reason === 'string' ? d.reason : null;
			entries.push({ kind: 'status', at, status: d.to, reason });
		} else if (e.kind === 'referred' && typeof d.partner === 'string') {
			entries.push({ kind: 'referred', at, partner: d.partner, on: String(d.on ?? at) });
		}
	}
	return entries;
}

/** A moment as the date it is in the Netherlands (YYYY-MM-DD). */
export function dutchDate(at: Date): string {
	return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(at);
}
