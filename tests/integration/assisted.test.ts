import { expect, it } from 'vitest';
import * as statistics from '../../src/lib/server/casework/statistics.ts';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as retention from '../../src/lib/server/app/retention.ts';
import { rawReport } from '../factories/reports.ts';
import { actor } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const REGION = 'rivierenland';
const region = { region: REGION, gemeenten: 'all' as const };

onBothDatabases('a report filed by staff on a worker’s behalf', (ctx) => {
	it('goes through the intake in the worker’s language and consent, flagged, audited without its content', async () => {
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const text = 'Агенцията държи паспорта ми.';
		const r = await intake.submit(ctx.db, rawReport({ text, consent: '1' }), [], {
			regionId: REGION,
			locale: 'bg',
			channel: 'web',
			client: `staff:${handler.id}`,
			assistedBy: handler.id
		});
		if (!r.ok) throw new Error(r.refusal);
		const report = (await reports.read(ctx.db, r.reportId))!;
		expect(report).toMatchObject({ assisted: true, locale: 'bg', consent: 1 });
		expect(report.content.text).toBe(text);
		expect(await reports.findByReceipt(ctx.db, r.receipt)).toBe(r.reportId);

		const entries = await ctx.db
			.selectFrom('audit_log')
			.selectAll()
			.where('object_id', '=', r.reportId)
			.execute();
		expect(entries.map((e) => [e.action, e.actor_id])).toEqual([['report.assisted', handler.id]]);
		expect(JSON.stringify(entries[0].detail)).not.toContain('паспорта');
		const stored = await ctx.db
			.selectFrom('report')
			.select(['content', 'assisted'])
			.where('id', '=', r.reportId)
			.executeTakeFirstOrThrow();
		expect(Buffer.from(stored.content).toString('utf8')).not.toContain('паспорта');
	});

	it('is the same intake: a refused form stores nothing and records nothing', async () => {
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const before = await ctx.db.selectFrom('audit_log').select('id').execute();
		const r = await intake.submit(
			ctx.db,
			rawReport({ group: 'housing', situations: ['no_such_situation'] }),
			[],
			{ regionId: REGION, locale: 'bg', channel: 'web', client: 'x', assistedBy: handler.id }
		);
		expect(r).toMatchObject({ ok: false, errors: { situations: 'situations_unknown' } });
		expect(await ctx.db.selectFrom('audit_log').select('id').execute()).toHaveLength(before.length);
	});

	it('is counted in statistics, once per report, also after the report itself is deleted', async () => {
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const now = new Date();
		const period = statistics.period(null, null, now);
		const counted = async () => (await statistics.compute(ctx.db, region, period)).assisted;
		const start = await counted();
		for (const assistedBy of [handler.id, handler.id, undefined]) {
			const r = await intake.submit(ctx.db, rawReport(), [], {
				regionId: REGION,
				locale: 'ro',
				channel: 'web',
				client: `c-${Math.random()}`,
				assistedBy
			});
			expect(r.ok).toBe(true);
		}
		expect(await counted()).toBe(start + 2);
		const assisted = await ctx.db
			.selectFrom('report')
			.select('id')
			.where('assisted', '=', true)
			.execute();
		await ctx.db
			.updateTable('report')
			.set({ status: 'closed', closed_at: new Date(now.getTime() - 400 * 86_400_000) })
			.where(
				'id',
				'in',
				assisted.map((a) => a.id)
			)
			.execute();
		await retention.run(ctx.db, { now, regionId: REGION });
		expect(
			await ctx.db.selectFrom('report').where('assisted', '=', true).select('id').execute()
		).toHaveLength(0);
		expect(await counted()).toBe(start + 2);
	});
});
