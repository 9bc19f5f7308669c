// One report with situations of several groups: its priority, its groups, how statistics count it,
// the API and the retired codes it still accepts; and the dates and places a referral carries.
import type { RequestEvent } from '@sveltejs/kit';
import { expect, it } from 'vitest';
import { place } from '../../src/lib/casework/referrals.ts';
import * as casework from '../../src/lib/server/casework/casework.ts';
import * as inbox from '../../src/lib/server/casework/inbox.ts';
import * as referrals from '../../src/lib/server/casework/referrals.ts';
import * as statistics from '../../src/lib/server/casework/statistics.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as reportsRoute from '../../src/routes/api/v1/reports/+server.ts';
import { rawReport, report } from '../factories/reports.ts';
import { actor } from '../factories/staff.ts';
import { asAppDatabase, onBothDatabases } from './databases.ts';

const NLA = 'rivierenland:nla';
// The typical case: the agency is also the landlord.
const MIXED = { group: 'housing', situations: ['overcrowded', 'deposit', 'id_withheld'] };

function post(body: unknown): RequestEvent {
	const url = new URL('/api/v1/reports', 'http://localhost');
	const request = new Request(url, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(body)
	});
	const client = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
	return { request, url, params: {}, getClientAddress: () => client } as never;
}

onBothDatabases('reports with several groups', (ctx) => {
	asAppDatabase(ctx);

	it('takes its priority from the most urgent situation, whatever group it is in', async () => {
		const mixed = await reports.read(ctx.db, await report(ctx.db, MIXED));
		expect(mixed).toMatchObject({
			group: 'housing',
			groups: ['housing', 'work'],
			situations: ['overcrowded', 'deposit', 'id_withheld'],
			priority: 'urgent'
		});
		const calm = await report(ctx.db, { group: 'housing', situations: ['overcrowded', 'deposit'] });
		expect((await reports.read(ctx.db, calm))?.priority).toBe('normal');
		// Debt to the employer is a sign of debt bondage: urgent on its own.
		const debt = await report(ctx.db, { group: 'work', situations: ['debt_to_employer'] });
		expect((await reports.read(ctx.db, debt))?.priority).toBe('urgent');
	});

	it('is found under each of its groups in the inbox', async () => {
		const id = await report(ctx.db, { ...MIXED, situations: ['overcrowded', 'underpaid'] });
		const coordinator = await actor(ctx.db, 'coordinator');
		for (const group of ['housing', 'work']) {
			const page = await inbox.list(
				ctx.db,
				coordinator,
				inbox.parseFilters(new URLSearchParams({ group }))
			);
			expect(page.items.map((r) => r.id)).toContain(id);
		}
		const registration = await inbox.list(
			ctx.db,
			coordinator,
			inbox.parseFilters(new URLSearchParams({ group: 'registration' }))
		);
		expect(registration.items.map((r) => r.id)).not.toContain(id);
	});

	it('suggests a partner for each group near the top', async () => {
		const slugs = (await referrals.suggested(ctx.db, 'rivierenland', MIXED.situations))
			.filter((p) => p.suggested)
			.map((p) => p.slug);
		// Housing's first (snf) and work's first (nla) come before either group's second.
		expect(slugs.slice(0, 2)).toEqual(['snf', 'nla']);
		expect(slugs).toEqual(expect.arrayContaining(['huurcommissie', 'politie', 'comensha']));
	});

	it('reads retired codes as the codes that replaced them, and keeps stored ones as they were', async () => {
		const id = await report(ctx.db, {
			group: 'housing',
			situations: ['deposit_costs', 'no_contract', 'deposit']
		});
		expect((await reports.read(ctx.db, id))?.situations).toEqual([
			'deposit',
			'service_costs',
			'fines',
			'no_rental_contract',
			'rent_deducted',
			'housing_tied_to_job'
		]);
		// A report stored before the split still reads with its old code.
		const old = await report(ctx.db, { group: 'housing', situations: ['overcrowded'] });
		await ctx.db
			.updateTable('report')
			.set({ situations: ['deposit_costs'] })
			.where('id', '=', old)
			.execute();
		expect((await reports.read(ctx.db, old))?.situations).toEqual(['deposit_costs']);
	});

	it('takes mixed and retired situations over the API, and refuses 40 or unknown ones with a code', async () => {
		const body = { ...rawReport(MIXED), situations: [...MIXED.situations, 'no_contract'] };
		const created = await reportsRoute.POST(post(body) as never);
		expect(created.status).toBe(201);
		const { receipt } = (await created.json()) as { receipt: string };
		const id = await reports.findByReceipt(ctx.db, receipt.replaceAll(' ', ''));
		expect(await reports.read(ctx.db, id!)).toMatchObject({
			priority: 'urgent',
			groups: ['housing', 'work'],
			situations: [
				'overcrowded',
				'deposit',
				'id_withheld',
				'no_rental_contract',
				'rent_deducted',
				'housing_tied_to_job'
			]
		});

		const forty = Array.from({ length: 40 }, (_, i) => ['overcrowded', 'underpaid'][i % 2]);
		for (const [situations, code] of [
			[forty, 'situations_too_many'],
			[['overcrowded', 'sleeping_in_a_tent'], 'situations_unknown']
		] as const) {
			const refused = await reportsRoute.POST(post(rawReport({ situations })) as never);
			expect(refused.status).toBe(400);
			expect(await refused.json()).toEqual({ errors: { situations: code } });
		}
	});
});

onBothDatabases('statistics of reports with several groups', (ctx) => {
	it('count a report once, and once in each group it touches', async () => {
		await report(ctx.db, { ...MIXED, gemeente: 'buren' });
		await report(ctx.db, { group: 'work', situations: ['underpaid'], gemeente: 'buren' });
		await report(ctx.db, {
			group: 'registration',
			situations: ['unknown_address', 'overcrowded'],
			gemeente: 'buren'
		});
		const region = { region: 'rivierenland', gemeenten: ['buren'] };
		const r = await statistics.compute(ctx.db, region, statistics.period(null, null));
		const month = r.reports[0]?.month;
		expect(r.reports).toEqual([{ month, gemeente: 'buren', count: 3 }]);
		expect(r.perMonth).toEqual([
			{ month, group: 'housing', gemeente: 'buren', count: 2 },
			{ month, group: 'registration', gemeente: 'buren', count: 1 },
			{ month, group: 'work', gemeente: 'buren', count: 2 }
		]);
	});
});

onBothDatabases('referral dates and places', (ctx) => {
	it('dates a referral made at 23:30 UTC with the Dutch day, already tomorrow', async () => {
		const h = await actor(ctx.db);
		const id = await report(ctx.db);
		const { version } = await ctx.db
			.selectFrom('report')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		const ack = await casework.transition(ctx.db, h, { id, version, to: 'acknowledged' });
		expect(ack.ok).toBe(true);
		const now = new Date('2026-12-04T23:30:00Z');
		const referred = await referrals.refer(
			ctx.db,
			h,
			{ id, version: version + 1, partnerIds: [NLA], channel: 'email' },
			now
		);
		expect(referred.ok).toBe(true);
		const [referral] = await referrals.list(ctx.db, h, id);
		expect(referral.referredOn).toBe('2026-12-05');
		expect(referral.package.referredOn).toBe('2026-12-05');
	});

	it('names the town once when the address already holds it', async () => {
		const h = await actor(ctx.db);
		const id = await report(ctx.db, { gemeente: 'tiel', address: 'Stationsstraat 12, Tiel' });
		const { version } = await ctx.db
			.selectFrom('report')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		await casework.transition(ctx.db, h, { id, version, to: 'acknowledged' });
		const referred = await referrals.refer(ctx.db, h, {
			id,
			version: version + 1,
			partnerIds: [NLA],
			channel: 'email'
		});
		expect(referred.ok).toBe(true);
		const [{ package: pkg }] = await referrals.list(ctx.db, h, id);
		expect(pkg.gemeente).toBe('Tiel');
		expect(place(pkg.address, pkg.gemeente)).toBe('Stationsstraat 12, Tiel');
	});
});
