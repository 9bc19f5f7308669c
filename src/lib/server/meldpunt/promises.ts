// The figures the report, follow-up and privacy pages promise a worker, read from where the code
// keeps them: service levels from the coordinator's SLA settings, retention from the policy the
// retention job applies, phone numbers and periods from the fact table. One place, so a changed
// setting changes the promise (issue #16).
import type { Db } from '../platform/db/index.ts';
import * as facts from '../content/facts.ts';
import * as sla from '../casework/sla.ts';
import * as photos from './photos.ts';
import * as retentionPolicy from './retention-policy.ts';
import { GROUPS } from '../../report/catalogue.ts';

export interface Promises {
	/** Days within which every report is acknowledged: the slowest group's level. */
	ack_days: string;
	/** Months within which every reporter hears what was done: the slowest group's level. */
	feedback_months: string;
	/** The police's non-emergency number. */
	police: string;
	/** Meld Misdaad Anoniem: a crime reported without a name, free. */
	crime_anonymous: string;
	/** Weeks an agency worker may stay in agency housing after the job ends. */
	weeks: string;
	/** Photos one report may carry, and the largest photo in MB: the limits intake enforces. */
	max_photos: string;
	max_mb: string;
	/** Days after closing before the contact details are wiped, and months before the report goes. */
	contact_days: string;
	closed_months: string;
}

/** The photo limits as the report form states them, from the constants intake checks. */
export const photoLimits = {
	max_photos: String(photos.MAX_PHOTOS),
	max_mb: String(photos.MAX_BYTES / (1024 * 1024))
};

/** The promise must hold for whatever the worker reports, so it quotes the longest level. */
export function fromLevels(levels: sla.Levels): Pick<Promises, 'ack_days' | 'feedback_months'> {
	return {
		ack_days: String(Math.max(...GROUPS.map((g) => levels[g].ackDays))),
		feedback_months: String(Math.max(...GROUPS.map((g) => levels[g].feedbackMonths)))
	};
}

export async function read(db: Db, regionId: string): Promise<Promises> {
	const [levels, all, retention] = await Promise.all([
		sla.read(db, regionId),
		facts.list(db),
		retentionPolicy.policy(db, regionId)
	]);
	const fact = (key: string) =>
		all.find((f) => f.key === key)?.value ??
		(facts.DEFAULTS.find((f) => f.key === key) as facts.Fact).value;
	return {
		...fromLevels(levels),
		police: fact('police_non_emergency'),
		crime_anonymous: fact('crime_anonymous'),
		weeks: fact('agency_housing_weeks'),
		...photoLimits,
		contact_days: String(retention.contactDays),
		closed_months: String(retention.closedMonths)
	};
}

/** `texts` with every {placeholder} the values know filled in; others stay for the page. */
export function fill<T extends Record<string, string>>(
	texts: T,
	values: Promises | Readonly<Record<string, string>>
): T {
	const known = values as Readonly<Record<string, string>>;
	const out: Record<string, string> = {};
	for (const [k, v] of Object.entries(texts))
		out[k] = v.replace(/\{(\w+)\}/g, (whole, name: string) => known[name] ?? whole);
	return out as T;
}

/** A phone number as a tel: URI (RFC 3966 local number: digits only). */
export function tel(phone: string): string {
	return `tel:${phone.replace(/[^\d+]/g, '')}`;
}
