import { randomBytes, randomUUID } from 'node:crypto';
import { dutchDate } from '../../src/lib/shell/dutch-date.ts';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import * as crypto from '../../src/lib/server/platform/crypto.ts';
import * as followup from '../../src/lib/server/meldpunt/followup.ts';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as receipts from '../../src/lib/server/meldpunt/receipts.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as retention from '../../src/lib/server/app/retention.ts';
import { helpPartner } from '../factories/regions.ts';
import { jpegWithGps, rawReport } from '../factories/reports.ts';
import { onBothDatabases } from './databases.ts';
import { rowsAsText } from './dump.ts';

const DAY = 24 * 60 * 60 * 1000;
let n = 0;
const client = () => `198.51.100.${++n % 250}`;
const at = (iso: string) => new Date(iso);
const plusDays = (d: Date, days: number) => new Date(d.getTime() + days * DAY);

/** Everything in the database except the audit log, which every run appends to. */
async function dataRows(db: Parameters<typeof rowsAsText>[0]): Promise<string> {
	return (await rowsAsText(db)).replace(/-- audit_log\n[^]*?(?=-- |$)/, '');
}

onBothDatabases('retention', (ctx) => {
	let regionSeq = 0;

	/** A region of its own per test, so one test's reports never count in another's run. */
	async function region(settings: Record<string, unknown> = {}) {
		const id = `ret-${++regionSeq}`;
		await regions.upsert(ctx.db, {
			slug: id,
			name: `Retention ${regionSeq}`,
			gemeenten: [{ slug: `${id}-stad`, name: `Stad ${regionSeq}`, cbsCode: 'GM9999' }],
			partners: [helpPartner()]
		});
		await ctx.db
			.updateTable('region')
			.set({ settings: JSON.stringify(settings) })
			.where('id', '=', id)
			.execute();
		return { id, gemeente: `${id}-stad`, partner: `${id}:help` };
	}

	async function submit(
		r: { id: string; gemeente: string },
		overrides: Record<string, unknown> = {},
		files: Uint8Array[] = []
	) {
		const result = await intake.submit(
			ctx.db,
			rawReport({ gemeente: r.gemeente, ...overrides }),
			files,
			{ regionId: r.id, locale: 'pl', channel: 'web', client: client() }
		);
		if (!result.ok) throw new Error(`setup: ${JSON.stringify(result.errors)}`);
		return result;
	}

	const withContact = (extra: Record<string, unknown> = {}) => ({
		contact_wanted: 'yes',
		contact: 'me@example.test',
		consent: '3',
		...extra
	});

	async function close(id: string, closedAt: Date, acknowledgedAt: Date | null = null) {
		await ctx.db
			.updateTable('report')
			.set({
				status: 'closed',
				closed_reason: 'resolved',
				closed_at: closedAt,
				acknowledged_at: acknowledgedAt
			})
			.where('id', '=', id)
			.execute();
	}

	async function refer(reportId: string, partnerId: string, level: number, pkg: unknown) {
		const { data_key } = await ctx.db
			.selectFrom('report')
			.select('data_key')
			.where('id', '=', reportId)
			.executeTakeFirstOrThrow();
		const id = randomUUID();
		const key = crypto.unwrapDataKey(data_key, reportId);
		await ctx.db
			.insertInto('referral')
			.values({
				id,
				report_id: reportId,
				partner_id: partnerId,
				consent_level: level,
				channel: 'email',
				referred_on: '2031-01-10',
				package: crypto.seal(key, Buffer.from(JSON.stringify(pkg)), `referral:${id}`)
			})
			.execute();
		return { id, key };
	}

	async function openPackage(id: string, key: Uint8Array) {
		const row = await ctx.db
			.selectFrom('referral')
			.select('package')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		return JSON.parse(crypto.open(key, row.package, `referral:${id}`).toString('utf8'));
	}

	const reportRow = (id: string) =>
		ctx.db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();

	it('wipes the contact details 90 days after closing, not at 89, and keeps the text', async () => {
		const r = await region();
		const report = await submit(r, withContact({ text: 'Wages missing since May.' }));
		const closed = at('2031-03-01T10:00:00Z');
		await close(report.reportId, closed);

		const early = await retention.run(ctx.db, { now: plusDays(closed, 89), regionId: r.id });
		expect(early).toEqual({ contactsWiped: 0, reportsDeleted: 0 });
		const kept = await reports.read(ctx.db, report.reportId);
		expect(kept?.content.contact).toBe('me@example.test');
		expect(kept?.hasContact).toBe(true);

		const due = plusDays(closed, 90);
		expect(await retention.run(ctx.db, { now: due, regionId: r.id })).toEqual({
			contactsWiped: 1,
			reportsDeleted: 0
		});
		const wiped = await reports.read(ctx.db, report.reportId);
		expect(wiped?.hasContact).toBe(false);
		expect(wiped?.content).toMatchObject({
			contact: '',
			text: 'Wages missing since May.',
			subjectName: 'Flex BV',
			address: 'Industrieweg 1'
		});
		expect((await reportRow(report.reportId))?.contact_wiped_at).toEqual(due);
	});

	it('wipes the contact from full-consent referral packages and leaves the rest of them', async () => {
		const r = await region();
		const report = await submit(r, withContact());
		const full = await refer(report.reportId, r.partner, 3, {
			text: 'Wages missing.',
			contact: 'me@example.test'
		});
		const partial = await refer(report.reportId, r.partner, 2, { text: 'Wages missing.' });
		const closed = at('2031-03-01T10:00:00Z');
		await close(report.reportId, closed);

		await retention.run(ctx.db, { now: plusDays(closed, 90), regionId: r.id });
		expect(await openPackage(full.id, full.key)).toEqual({ text: 'Wages missing.', contact: '' });
		expect(await openPackage(partial.id, partial.key)).toEqual({ text: 'Wages missing.' });
	});

	it('deletes a report 12 months after closing, not at 11 months and 29 days', async () => {
		const r = await region();
		const report = await submit(r);
		await close(report.reportId, at('2031-02-01T09:00:00Z'));

		for (const now of ['2032-01-30T09:00:00Z', '2032-02-01T08:59:59Z']) {
			expect(await retention.run(ctx.db, { now: at(now), regionId: r.id })).toEqual({
				contactsWiped: 0,
				reportsDeleted: 0
			});
			expect(await reports.findByReceipt(ctx.db, report.receipt)).toBe(report.reportId);
		}
		expect(
			await retention.run(ctx.db, { now: at('2032-02-01T09:00:00Z'), regionId: r.id })
		).toEqual({ contactsWiped: 0, reportsDeleted: 1 });
		expect(await reportRow(report.reportId)).toBeUndefined();
	});

	it('leaves a tombstone with group, gemeente and dates, and nothing of the report itself', async () => {
		const r = await region();
		const canary = 'CANARY-ZEBRA-WOMBAT';
		const report = await submit(
			r,
			withContact({
				group: 'housing',
				situations: ['overcrowded'],
				text: `${canary} text`,
				subject_name: `${canary} name`
			}),
			[await jpegWithGps()]
		);
		await reports.addMessage(ctx.db, report.reportId, {
			author: 'reporter',
			text: `${canary} reply`,
			language: 'pl'
		});
		const session = await followup.open(ctx.db, { receipt: report.receipt, client: client() });
		expect(session.ok).toBe(true);
		await refer(report.reportId, r.partner, 3, { text: canary, contact: 'me@example.test' });
		const duplicate = await submit(r);
		await ctx.db
			.updateTable('report')
			.set({ duplicate_of: report.reportId })
			.where('id', '=', duplicate.reportId)
			.execute();
		const created = (await reportRow(report.reportId))!.created_at;
		await close(report.reportId, at('2031-05-20T23:30:00Z'), at('2031-04-02T08:00:00Z'));

		const before = await dataRows(ctx.db);
		const receiptHex = receipts.hash(report.receipt).toString('hex');
		// The checks below can fail: before the run the report is plainly there.
		expect(before).toContain(report.reportId);
		expect(before).toContain(receiptHex);
		const children = async () => {
			const counts = [];
			for (const table of [
				'report_photo',
				'report_message',
				'report_event',
				'referral',
				'followup_session'
			] as const) {
				const row = await ctx.db
					.selectFrom(table)
					.select((eb) => eb.fn.countAll<string>().as('n'))
					.where('report_id', '=', report.reportId)
					.executeTakeFirstOrThrow();
				counts.push(Number(row.n));
			}
			return counts;
		};
		expect((await children()).every((c) => c > 0)).toBe(true);

		const now = at('2032-06-01T12:00:00Z');
		expect(await retention.run(ctx.db, { now, regionId: r.id })).toEqual({
			contactsWiped: 1,
			reportsDeleted: 1
		});

		const tombstones = await ctx.db
			.selectFrom('report_tombstone')
			.selectAll()
			.where('region_id', '=', r.id)
			.execute();
		expect(tombstones).toHaveLength(1);
		expect(tombstones[0]).toMatchObject({
			gemeente_id: r.gemeente,
			category_group: 'housing',
			category_groups: ['housing'],
			created_on: dutchDate(created),
			acknowledged_on: '2031-04-02',
			// Closed at 23:30 UTC: already 21 May in the Netherlands, the day statistics read.
			closed_on: '2031-05-21',
			closed_reason: 'resolved',
			referrals: [r.partner],
			deleted_at: now
		});
		expect(tombstones[0].id).not.toBe(report.reportId);

		const after = await dataRows(ctx.db);
		expect(after).not.toContain(canary);
		expect(after).not.toContain(report.reportId);
		expect(after).not.toContain(receiptHex);
		expect(await reports.findByReceipt(ctx.db, report.receipt)).toBeNull();
		expect(await children()).toEqual([0, 0, 0, 0, 0]);
		expect((await reportRow(duplicate.reportId))?.duplicate_of).toBeNull();
	});

	it('never touches open reports, however old', async () => {
		const r = await region();
		const fresh = await submit(r, withContact());
		const reopened = await submit(r, withContact());
		await ctx.db
			.updateTable('report')
			.set({ status: 'in_progress', acknowledged_at: at('2028-01-02T00:00:00Z') })
			.where('id', '=', reopened.reportId)
			.execute();
		const ids = [fresh.reportId, reopened.reportId];
		await sql`update report set created_at = ${at('2028-01-01T00:00:00Z')}
			where id in (${sql.join(ids)})`.execute(ctx.db);
		const before = await Promise.all(ids.map(reportRow));

		const now = at('2031-01-01T00:00:00Z');
		expect(await retention.run(ctx.db, { now, regionId: r.id })).toEqual({
			contactsWiped: 0,
			reportsDeleted: 0
		});
		expect(await Promise.all(ids.map(reportRow))).toEqual(before);
		expect((await reports.read(ctx.db, fresh.reportId))?.content.contact).toBe('me@example.test');
	});

	it("honours a region's own retention policy and keeps the default elsewhere", async () => {
		const strict = await region({
			appName: 'Strict',
			retention: { closedMonths: 1, contactDays: 7 }
		});
		const normal = await region();
		expect(await retention.policy(ctx.db, strict.id)).toEqual({
			...retention.DEFAULT_POLICY,
			closedMonths: 1,
			contactDays: 7
		});
		expect(await retention.policy(ctx.db, normal.id)).toEqual(retention.DEFAULT_POLICY);
		expect(retention.DEFAULT_POLICY).toEqual({
			closedMonths: 12,
			contactDays: 90,
			answersMonths: 24,
			newsMonths: 12
		});

		const closed = at('2031-03-10T10:00:00Z');
		const a = await submit(strict, withContact());
		const b = await submit(normal, withContact());
		await close(a.reportId, closed);
		await close(b.reportId, closed);

		// All regions at once: each by its own policy.
		await retention.run(ctx.db, { now: plusDays(closed, 6) });
		expect((await reportRow(a.reportId))?.has_contact).toBe(true);
		await retention.run(ctx.db, { now: plusDays(closed, 7) });
		expect((await reportRow(a.reportId))?.has_contact).toBe(false);
		expect((await reportRow(b.reportId))?.has_contact).toBe(true);

		await retention.run(ctx.db, { now: at('2031-04-10T09:59:59Z') });
		expect(await reportRow(a.reportId)).toBeDefined();
		await retention.run(ctx.db, { now: at('2031-04-10T10:00:00Z') });
		expect(await reportRow(a.reportId)).toBeUndefined();
		expect((await reportRow(b.reportId))?.has_contact).toBe(true);
	});

	it('takes a phone number the reporter typed into a message away with the contact details', async () => {
		const r = await region();
		const report = await submit(r, withContact());
		await reports.addMessage(ctx.db, report.reportId, {
			author: 'reporter',
			text: 'Bel me op 06-12345678 of +48 601 234 567, na vijven.'
		});
		const closed = at('2031-03-01T10:00:00Z');
		await close(report.reportId, closed);
		await retention.run(ctx.db, { now: plusDays(closed, 90), regionId: r.id });
		const thread = await reports.messages(ctx.db, report.reportId);
		const mine = thread.find((m) => m.author === 'reporter')!;
		expect(mine.text).toBe('Bel me op […] of […], na vijven.');
	});

	it('expires page feedback, survey responses and news subscriptions after their terms', async () => {
		const r = await region({ retention: { answersMonths: 6, newsMonths: 3 } });
		const now = at('2031-06-15T10:00:00Z');
		const feedback = (week: string) => ({
			id: randomUUID(),
			region_id: r.id,
			page: '/pl/more',
			helpful: true,
			locale: 'pl',
			week,
			body: null,
			flags: [],
			submission_hash: randomBytes(32)
		});
		await ctx.db
			.insertInto('feedback')
			.values([feedback('2030-12-08'), feedback('2030-12-22')])
			.execute();
		const survey = randomUUID();
		await ctx.db
			.insertInto('survey')
			.values({
				id: survey,
				region_id: r.id,
				title: 'T',
				series: `s-${survey}`,
				titles: JSON.stringify({ nl: 'T' }),
				locales: ['nl'],
				gemeenten: [],
				state: 'closed'
			})
			.execute();
		const response = (week: string) => ({
			id: randomUUID(),
			survey_id: survey,
			week,
			locale: 'nl',
			submission_hash: randomBytes(32)
		});
		await ctx.db
			.insertInto('survey_response')
			.values([response('2030-12-08'), response('2030-12-22')])
			.execute();
		const news = (created: string) => ({
			id: randomUUID(),
			endpoint: `https://fcm.googleapis.com/fcm/send/${randomUUID()}`,
			p256dh: 'p',
			auth: 'a',
			topic: 'news' as const,
			locale: 'pl',
			gemeente_id: r.gemeente,
			created_at: at(created)
		});
		await ctx.db
			.insertInto('push_subscription')
			.values([news('2031-03-14T00:00:00Z'), news('2031-03-16T00:00:00Z')])
			.execute();

		expect(await retention.expire(ctx.db, { now, regionId: r.id })).toEqual({
			feedbackDeleted: 1,
			surveyResponsesDeleted: 1,
			newsSubscriptionsDeleted: 1
		});
		const left = await ctx.db
			.selectFrom('feedback')
			.select('week')
			.where('region_id', '=', r.id)
			.execute();
		expect(left.map((x) => String(x.week).slice(0, 10))).toEqual(['2030-12-22']);
		expect(await retention.expire(ctx.db, { now, regionId: r.id })).toEqual({
			feedbackDeleted: 0,
			surveyResponsesDeleted: 0,
			newsSubscriptionsDeleted: 0
		});
	});

	it('falls back to the default for a missing or unsafe policy value', async () => {
		const partial = await region({ retention: { contactDays: 30 } });
		expect(await retention.policy(ctx.db, partial.id)).toEqual({
			...retention.DEFAULT_POLICY,
			contactDays: 30
		});
		const unsafe = await region({ retention: { closedMonths: 0, contactDays: '7' } });
		expect(await retention.policy(ctx.db, unsafe.id)).toEqual(retention.DEFAULT_POLICY);
	});

	it('changes nothing when it runs a second time', async () => {
		const r = await region();
		const closed = at('2031-01-15T12:00:00Z');
		const old = await submit(r, withContact());
		const recent = await submit(r, withContact());
		await close(old.reportId, closed);
		await close(recent.reportId, plusDays(closed, 250));
		const now = at('2032-01-20T00:00:00Z');

		expect(await retention.run(ctx.db, { now, regionId: r.id })).toEqual({
			contactsWiped: 2,
			reportsDeleted: 1
		});
		const once = await dataRows(ctx.db);
		expect(await retention.run(ctx.db, { now, regionId: r.id })).toEqual({
			contactsWiped: 0,
			reportsDeleted: 0
		});
		expect(await dataRows(ctx.db)).toBe(once);
	});

	it('records each run in the audit log with counts and nothing else', async () => {
		const r = await region();
		const report = await submit(r, withContact());
		await close(report.reportId, at('2031-01-15T12:00:00Z'));
		await retention.run(ctx.db, { now: at('2032-02-01T00:00:00Z'), regionId: r.id });

		const row = await ctx.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'retention.run')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(row).toMatchObject({
			actor_id: null,
			object_type: null,
			object_id: null,
			gemeente_id: null,
			detail: { contactsWiped: 1, reportsDeleted: 1 }
		});
		expect(JSON.stringify(row.detail)).not.toContain(report.reportId);
	});

	it('leaves a report whose wipe fails as it was and still handles the others', async () => {
		const r = await region();
		const broken = await submit(r, withContact());
		const fine = await submit(r, withContact());
		const { id } = await refer(broken.reportId, r.partner, 3, { contact: 'me@example.test' });
		// A package that no longer opens: the report's own wipe must be rolled back with it.
		await ctx.db
			.updateTable('referral')
			.set({ package: randomBytes(64) })
			.where('id', '=', id)
			.execute();
		const closed = at('2031-03-01T10:00:00Z');
		await close(broken.reportId, closed);
		await close(fine.reportId, closed);

		await expect(
			retention.run(ctx.db, { now: plusDays(closed, 90), regionId: r.id })
		).rejects.toThrow(/1 report\(s\) failed/);
		const left = await reports.read(ctx.db, broken.reportId);
		expect(left?.hasContact).toBe(true);
		expect(left?.content.contact).toBe('me@example.test');
		expect((await reportRow(broken.reportId))?.contact_wiped_at).toBeNull();
		expect((await reports.read(ctx.db, fine.reportId))?.content.contact).toBe('');
		const audited = await ctx.db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'retention.run')
			.orderBy('id', 'desc')
			.executeTakeFirstOrThrow();
		expect(audited.detail).toEqual({ contactsWiped: 1, reportsDeleted: 0, failed: 1 });
	});

	it('refuses an unknown region rather than silently doing nothing', async () => {
		await expect(
			retention.run(ctx.db, { now: new Date(), regionId: 'no-such-region' })
		).rejects.toThrow(/unknown region/);
	});
});
