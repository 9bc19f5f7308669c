// How long the meldpunt keeps a report after it closes, and anonymous answers, per region (AVG/GDPR art. 5(1)(e)):
// the one reading of `region.settings.retention` that the retention job applies and the privacy
// statement and report pages quote, so a changed setting changes both.
import type { Db } from '../platform/db/index.ts';

export interface Policy {
	/** Months after closing before a report is deleted. */
	closedMonths: number;
	/** Days after closing before the reporter's contact details are wiped. */
	contactDays: number;
	/** Months a page-feedback item and a survey response are kept (counted from their week). */
	answersMonths: number;
	/** Months a news subscription lasts before the phone must turn it on again. */
	newsMonths: number;
}

export const DEFAULT_POLICY: Policy = {
	closedMonths: 12,
	contactDays: 90,
	answersMonths: 24,
	newsMonths: 12
};

function isCount(v: unknown, min: number, max: number): v is number {
	return typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
}

/**
 * The region's retention policy: `settings.retention` overrides the defaults field by field. An
 * invalid value falls back to the default rather than to something that could delete at once: a
 * closedMonths of 0 (a typo) would otherwise erase every closed report on the next run. The
 * upper bounds (a century) only keep the date arithmetic finite.
 */
export async function policy(db: Db, regionId: string): Promise<Policy> {
	const row = await db
		.selectFrom('region')
		.select('settings')
		.where('id', '=', regionId)
		.executeTakeFirst();
	const stored = (row?.settings as { retention?: Record<string, unknown> } | undefined)?.retention;
	const r = stored && typeof stored === 'object' ? stored : {};
	return {
		closedMonths: isCount(r.closedMonths, 1, 1200) ? r.closedMonths : DEFAULT_POLICY.closedMonths,
		// 0 is allowed here: wiping contact details as soon as a case closes is a valid choice.
		contactDays: isCount(r.contactDays, 0, 36_500) ? r.contactDays : DEFAULT_POLICY.contactDays,
		answersMonths: isCount(r.answersMonths, 1, 1200)
			? r.answersMonths
			: DEFAULT_POLICY.answersMonths,
		newsMonths: isCount(r.newsMonths, 1, 1200) ? r.newsMonths : DEFAULT_POLICY.newsMonths
	};
}
