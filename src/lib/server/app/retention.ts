// Retention (AVG/GDPR art. 5(1)(e), storage limitation): personal data is kept no longer than the
// meldpunt needs it. A closed report loses the reporter's contact details first (nobody will call
// back after the case is done), and later the whole report goes, leaving only a content-free
// tombstone so the region's yearly figures still add up. Open reports are never touched: a case
// that is still being worked on still needs everything. Runs from the CLI or a timer.
import { dutchDate } from '../../shell/dutch-date.ts';
import { randomUUID } from 'node:crypto';
import * as audit from '../platform/audit.ts';
import * as crypto from '../platform/crypto.ts';
import * as database from '../platform/db/index.ts';
import { withoutPhoneNumbers } from '../platform/moderation.ts';
import type { Db } from '../platform/db/index.ts';
import type { Content } from '../meldpunt/reports.ts';
import { policy, type Policy } from '../meldpunt/retention-policy.ts';

export { DEFAULT_POLICY, policy, type Policy } from '../meldpunt/retention-policy.ts';

export interface RunResult {
	contactsWiped: number;
	reportsDeleted: number;
}

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * `now` minus whole calendar months in UTC, clamped to the end of a shorter month (31 March minus
 * one month is 28/29 February, not 3 March), so a report is never deleted before its time.
 */
export function monthsBefore(now: Date, months: number): Date {
	const d = new Date(now);
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() - months);
	const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	d.setUTCDate(Math.min(day, last));
	return d;
}

/**
 * The first moment a report closed at `closedAt` is due for deletion under `p`: the inverse of
 * the cutoff above (the reporter is told this date on follow-up, so it must never be too early).
 * Where the same day does not exist that many months on (31 January + 1 month), the run deletes
 * from the first of the month after, midnight UTC.
 */
export function deletionDue(closedAt: Date, p: Pick<Policy, 'closedMonths'>): Date {
	const d = new Date(closedAt);
	const day = d.getUTCDate();
	d.setUTCDate(1);
	d.setUTCMonth(d.getUTCMonth() + p.closedMonths);
	const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
	if (day > last) {
		d.setUTCMonth(d.getUTCMonth() + 1);
		d.setUTCHours(0, 0, 0, 0);
	} else d.setUTCDate(day);
	return d;
}

// Statistics read a tombstone's day as a Dutch day, so it is written as one.
function day(v: Date | string | null): string | null {
	return v === null ? null : dutchDate(v);
}

function openJson<T>(key: Uint8Array, sealed: Uint8Array, aad: string): T {
	return JSON.parse(crypto.open(key, sealed, aad).toString('utf8')) as T;
}

function sealJson(key: Uint8Array, value: unknown, aad: string): Buffer {
	return crypto.seal(key, Buffer.from(JSON.stringify(value)), aad);
}

/**
 * Wipes one report's contact details, in its report content and in the packages sent to partners
 * with full consent (level 3), in one transaction: either all copies go or none does. The
 * conditions are checked again under a row lock, so a report reopened meanwhile keeps its contact.
 */
async function wipeContact(db: Db, id: string, cutoff: Date, now: Date): Promise<boolean> {
	return database.transaction(db, async (trx) => {
		const row = await trx
			.selectFrom('report')
			.select(['id', 'data_key', 'content'])
			.where('id', '=', id)
			.where('closed_at', '<=', cutoff)
			.where('has_contact', '=', true)
			.where('contact_wiped_at', 'is', null)
			.forUpdate()
			.executeTakeFirst();
		if (!row) return false;
		const key = crypto.unwrapDataKey(row.data_key, row.id);
		const aad = `report:${row.id}`;
		const content = openJson<Content>(key, row.content, aad);
		// Same data key and aad: everything else in the report still opens as before.
		await trx
			.updateTable('report')
			.set((eb) => ({
				content: sealJson(key, { ...content, contact: '' }, aad),
				has_contact: false,
				contact_wiped_at: now,
				// A form opened before the wipe is stale now; it must not write old state back.
				version: eb('version', '+', 1)
			}))
			.where('id', '=', row.id)
			.execute();
		const referrals = await trx
			.selectFrom('referral')
			.select(['id', 'package'])
			.where('report_id', '=', row.id)
			.where('consent_level', '=', 3)
			.execute();
		// A phone number the reporter typed into a message is contact detail too.
		const messages = await trx
			.selectFrom('report_message')
			.select(['id', 'body'])
			.where('report_id', '=', row.id)
			.where('author', '=', 'reporter')
			.where('body', 'is not', null)
			.execute();
		for (const message of messages) {
			const maad = `message:${message.id}`;
			const text = crypto.open(key, message.body!, maad).toString('utf8');
			const redacted = withoutPhoneNumbers(text);
			if (redacted === text) continue;
			await trx
				.updateTable('report_message')
				.set({ body: crypto.seal(key, Buffer.from(redacted), maad) })
				.where('id', '=', message.id)
				.execute();
		}
		for (const referral of referrals) {
			const raad = `referral:${referral.id}`;
			const pkg = openJson<Record<string, unknown>>(key, referral.package, raad);
			if (!('contact' in pkg) || pkg.contact === '') continue;
			await trx
				.updateTable('referral')
				.set({ package: sealJson(key, { ...pkg, contact: '' }, raad) })
				.where('id', '=', referral.id)
				.execute();
		}
		return true;
	});
}

/**
 * Replaces one report by its tombstone: the dates, group, gemeente and which partners it went to,
 * for reporting. No content, receipt hash, data key or id survives, so nothing links back to a
 * person. Photos, messages, notes, referrals, events and follow-up sessions go with the report
 * (ON DELETE CASCADE); reports marked as its duplicate lose the pointer (ON DELETE SET NULL).
 */
async function remove(db: Db, id: string, cutoff: Date, now: Date): Promise<boolean> {
	return database.transaction(db, async (trx) => {
		const row = await trx
			.selectFrom('report')
			.select([
				'id',
				'region_id',
				'gemeente_id',
				'category_group',
				'category_groups',
				'created_at',
				'acknowledged_at',
				'closed_at',
				'closed_reason',
				'assisted'
			])
			.where('id', '=', id)
			.where('closed_at', '<=', cutoff)
			.forUpdate()
			.executeTakeFirst();
		if (!row) return false;
		const referrals = await trx
			.selectFrom('referral')
			.select('partner_id')
			.where('report_id', '=', row.id)
			.orderBy('created_at')
			.orderBy('id')
			.execute();
		await trx
			.insertInto('report_tombstone')
			.values({
				id: randomUUID(),
				region_id: row.region_id,
				gemeente_id: row.gemeente_id,
				category_group: row.category_group,
				category_groups: row.category_groups,
				created_on: day(row.created_at)!,
				acknowledged_on: day(row.acknowledged_at),
				closed_on: day(row.closed_at),
				closed_reason: row.closed_reason,
				assisted: row.assisted,
				referrals: referrals.map((r) => r.partner_id),
				deleted_at: now
			})
			.execute();
		await trx.deleteFrom('report').where('id', '=', row.id).execute();
		return true;
	});
}

async function due(db: Db, regionId: string, cutoff: Date, contact: boolean): Promise<string[]> {
	let q = db
		.selectFrom('report')
		.select('id')
		.where('region_id', '=', regionId)
		.where('closed_at', '<=', cutoff);
	if (contact) q = q.where('has_contact', '=', true).where('contact_wiped_at', 'is', null);
	return (await q.orderBy('closed_at').orderBy('id').execute()).map((r) => r.id);
}

/**
 * Applies each region's policy at `now` (all regions, or one). Each report is its own
 * transaction; a report that fails is left as it was and the others still go ahead, because one
 * unreadable record must not keep everyone else's data past its time. The run is audited with
 * counts only (never content or ids of deleted reports); then failures, if any, are thrown.
 * Call it outside a transaction: a failure inside a joined transaction would abort the caller's.
 */
export async function run(db: Db, opts: { now: Date; regionId?: string }): Promise<RunResult> {
	const { now } = opts;
	let regionIds: string[];
	if (opts.regionId !== undefined) {
		const found = await db
			.selectFrom('region')
			.select('id')
			.where('id', '=', opts.regionId)
			.executeTakeFirst();
		if (!found) throw new Error(`unknown region: ${opts.regionId}`);
		regionIds = [found.id];
	} else {
		regionIds = (await db.selectFrom('region').select('id').orderBy('id').execute()).map(
			(r) => r.id
		);
	}

	const result: RunResult = { contactsWiped: 0, reportsDeleted: 0 };
	const failures: unknown[] = [];
	for (const regionId of regionIds) {
		const p = await policy(db, regionId);
		// Contact first, independently of deletion: if deleting a report keeps failing, its
		// contact details are still gone on time.
		const contactCutoff = new Date(now.getTime() - p.contactDays * DAY_MS);
		for (const id of await due(db, regionId, contactCutoff, true)) {
			try {
				if (await wipeContact(db, id, contactCutoff, now)) result.contactsWiped++;
			} catch (err) {
				failures.push(err);
			}
		}
		const deleteCutoff = monthsBefore(now, p.closedMonths);
		for (const id of await due(db, regionId, deleteCutoff, false)) {
			try {
				if (await remove(db, id, deleteCutoff, now)) result.reportsDeleted++;
			} catch (err) {
				failures.push(err);
			}
		}
	}

	await audit.record(db, {
		actorId: null,
		action: 'retention.run',
		detail: failures.length > 0 ? { ...result, failed: failures.length } : { ...result }
	});
	if (failures.length > 0) {
		throw new AggregateError(failures, `retention: ${failures.length} report(s) failed`);
	}
	return result;
}

export interface ExpireResult {
	feedbackDeleted: number;
	surveyResponsesDeleted: number;
	newsSubscriptionsDeleted: number;
}

/**
 * Anonymous data has a term too (AVG art. 5(1)(e)): page feedback and survey responses older than
 * `answersMonths` (by the week they carry; the survey's running tallies keep the counts), and news
 * subscriptions older than `newsMonths`. Audited with counts only.
 */
export async function expire(
	db: Db,
	opts: { now: Date; regionId?: string }
): Promise<ExpireResult> {
	const result: ExpireResult = {
		feedbackDeleted: 0,
		surveyResponsesDeleted: 0,
		newsSubscriptionsDeleted: 0
	};
	let q = db.selectFrom('region').select('id').orderBy('id');
	if (opts.regionId !== undefined) q = q.where('id', '=', opts.regionId);
	for (const { id: regionId } of await q.execute()) {
		const p = await policy(db, regionId);
		// Feedback and survey weeks are stored as UTC dates (the week a response is filed under).
		const week = monthsBefore(opts.now, p.answersMonths).toISOString().slice(0, 10);
		const feedback = await db
			.deleteFrom('feedback')
			.where('region_id', '=', regionId)
			.where('week', '<', week)
			.executeTakeFirst();
		result.feedbackDeleted += Number(feedback.numDeletedRows);
		const responses = await db
			.deleteFrom('survey_response')
			.where('week', '<', week)
			.where('survey_id', 'in', (eb) =>
				eb.selectFrom('survey').select('id').where('region_id', '=', regionId)
			)
			.executeTakeFirst();
		result.surveyResponsesDeleted += Number(responses.numDeletedRows);
		const news = await db
			.deleteFrom('push_subscription')
			.where('topic', '=', 'news')
			.where('created_at', '<', monthsBefore(opts.now, p.newsMonths))
			.where('gemeente_id', 'in', (eb) =>
				eb.selectFrom('gemeente').select('id').where('region_id', '=', regionId)
			)
			.executeTakeFirst();
		result.newsSubscriptionsDeleted += Number(news.numDeletedRows);
	}
	await audit.record(db, { actorId: null, action: 'retention.expire', detail: { ...result } });
	return result;
}
