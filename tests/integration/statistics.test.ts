import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { beforeAll, expect, it } from 'vitest';
import * as statistics from '../../src/lib/server/casework/statistics.ts';
import { report } from '../factories/reports.ts';
import { onBothDatabases } from './databases.ts';

const region = { region: 'rivierenland', gemeenten: 'all' as const };
const tielHandler = { region: 'rivierenland', gemeenten: ['tiel'] };
const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(new Date());
const thisMonth = today.slice(0, 7);
const tenDaysLater = new Date(Date.parse(today) + 10 * 86_400_000).toISOString().slice(0, 10);

onBothDatabases('meldpunt statistics', (ctx) => {
	const period = statistics.period(null, null);

	const submit = (overrides: Record<string, unknown>) =>
		report(ctx.db, overrides, { locale: 'nl' });

	beforeAll(async () => {
		const tiel: string[] = [];
		for (let i = 1; i <= 6; i++) tiel.push(await submit({ gemeente: 'tiel' }));
		for (let i = 0; i < 2; i++) {
			await submit({ gemeente: 'buren', group: 'housing', situations: ['overcrowded'] });
		}
		await submit({ gemeente: 'unknown' });
		const old = await submit({ gemeente: 'tiel' });

		// Acknowledged after 1, 2, … 6 days; two of them closed.
		for (const [i, id] of tiel.entries()) {
			await sql`update report set acknowledged_at = created_at + make_interval(days => ${i + 1}),
				closed_at = case when ${i} < 2 then created_at + interval '30 days' end
				where id = ${id}`.execute(ctx.db);
		}
		await sql`update report set created_at = now() - interval '3 years' where id = ${old}`.execute(
			ctx.db
		);
		await ctx.db
			.insertInto('referral')
			.values({
				id: randomUUID(),
				report_id: tiel[0],
				partner_id: 'rivierenland:nla',
				consent_level: 2,
				channel: 'email',
				referred_on: today,
				package: Buffer.from('sealed')
			})
			.execute();
		// A report deleted under retention, acknowledged after 10 days, and one from long ago.
		await ctx.db
			.insertInto('report_tombstone')
			.values([
				{
					id: randomUUID(),
					region_id: 'rivierenland',
					gemeente_id: 'tiel',
					category_group: 'work',
					created_on: today,
					acknowledged_on: tenDaysLater,
					closed_on: null,
					closed_reason: null,
					referrals: ['rivierenland:nla', 'rivierenland:sncu']
				},
				{
					id: randomUUID(),
					region_id: 'rivierenland',
					gemeente_id: 'tiel',
					category_group: 'work',
					created_on: '2015-03-01',
					acknowledged_on: '2015-03-02',
					closed_on: null,
					closed_reason: null,
					referrals: ['rivierenland:nla']
				}
			])
			.execute();
	});

	it('counts reports per month, category group and gemeente, tombstones included', async () => {
		const r = await statistics.compute(ctx.db, region, period);
		expect(r.perMonth).toEqual([
			{ month: thisMonth, group: 'housing', gemeente: 'buren', count: 2 },
			{ month: thisMonth, group: 'work', gemeente: 'tiel', count: 7 },
			{ month: thisMonth, group: 'work', gemeente: null, count: 1 }
		]);
	});

	it('leaves out reports and tombstones from before the period', async () => {
		const all = await statistics.compute(ctx.db, region, {
			from: new Date('2010-01-01'),
			to: new Date(Date.now() + 86_400_000)
		});
		const total = all.perMonth.reduce((sum, row) => sum + row.count, 0);
		expect(total).toBe(12);
		expect(all.perMonth.some((row) => row.month === '2015-03')).toBe(true);
	});

	it('shows a handler of tiel only tiel, and no unknown-gemeente reports', async () => {
		const r = await statistics.compute(ctx.db, tielHandler, period);
		expect(r.perMonth).toEqual([{ month: thisMonth, group: 'work', gemeente: 'tiel', count: 7 }]);
		const none = await statistics.compute(
			ctx.db,
			{ region: 'rivierenland', gemeenten: [] },
			period
		);
		expect(none.perMonth).toEqual([]);
		expect(none.ackDays.count).toBe(0);
	});

	it('gives medians in days, counting tombstones, and none over fewer than five reports', async () => {
		const r = await statistics.compute(ctx.db, region, period);
		// 1, 2, 3, 4, 5, 6 (live) and 10 (tombstone): median 4.
		expect(r.ackDays).toEqual({ median: 4, count: 7 });
		expect(r.closeDays).toEqual({ median: null, count: 2 });
		const buren = await statistics.compute(
			ctx.db,
			{ region: 'rivierenland', gemeenten: ['buren'] },
			period
		);
		expect(buren.ackDays).toEqual({ median: null, count: 0 });
	});

	it('counts referrals per partner from live reports and tombstones', async () => {
		const r = await statistics.compute(ctx.db, region, period);
		expect(r.referrals).toEqual([
			{ partnerId: 'rivierenland:nla', partnerName: expect.any(String), count: 2 },
			{ partnerId: 'rivierenland:sncu', partnerName: expect.any(String), count: 1 }
		]);
		expect(r.referrals[0].partnerName).not.toBe('rivierenland:nla');
		const csv = statistics.toCsv(r);
		expect(csv).toContain(`${thisMonth},work,tiel,7\r\n`);
		expect(csv).toContain(`${thisMonth},housing,buren,<5\r\n`);
		expect(csv).not.toMatch(/,[1-4]\r\n/);
	});

	it('sees nothing of another region', async () => {
		const r = await statistics.compute(ctx.db, { region: 'elsewhere', gemeenten: 'all' }, period);
		expect(r).toEqual({
			reports: [],
			perMonth: [],
			ackDays: { median: null, count: 0 },
			closeDays: { median: null, count: 0 },
			referrals: [],
			assisted: 0
		});
	});
});
