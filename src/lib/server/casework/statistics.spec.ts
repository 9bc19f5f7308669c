import { describe, expect, it } from 'vitest';
import { monthStart, period, suppress, toCsv, view, type Result } from './statistics.ts';

function result(overrides: Partial<Result> = {}): Result {
	return {
		reports: [],
		perMonth: [],
		ackDays: { median: null, count: 0 },
		closeDays: { median: null, count: 0 },
		referrals: [],
		assisted: 0,
		...overrides
	};
}

describe('suppress', () => {
	it('shows 0 as 0, 1 to 4 as <5 and 5 or more as the number', () => {
		expect(suppress(0)).toBe('0');
		expect([1, 2, 3, 4].map(suppress)).toEqual(['<5', '<5', '<5', '<5']);
		expect(suppress(5)).toBe('5');
		expect(suppress(1234)).toBe('1234');
	});
});

describe('toCsv', () => {
	it('writes the reports table, the per-group table and the partner table, all suppressed', () => {
		const csv = toCsv(
			result({
				reports: [{ month: '2026-01', gemeente: 'tiel', count: 8 }],
				perMonth: [
					{ month: '2026-01', group: 'work', gemeente: 'tiel', count: 3 },
					{ month: '2026-01', group: 'housing', gemeente: null, count: 7 }
				],
				referrals: [
					{ partnerId: 'r:nla', partnerName: 'NLA', count: 12 },
					{ partnerId: 'r:snf', partnerName: 'SNF', count: 1 }
				]
			})
		);
		expect(csv).toBe(
			'\uFEFFmonth,gemeente,reports\r\n' +
				'2026-01,tiel,8\r\n' +
				'\r\n' +
				'month,category_group,gemeente,count\r\n' +
				'2026-01,work,tiel,<5\r\n' +
				'2026-01,housing,unknown,7\r\n' +
				'\r\n' +
				'partner,referrals\r\n' +
				'NLA,12\r\n' +
				'SNF,<5\r\n'
		);
		expect(csv).not.toMatch(/,[1-4]\r\n/);
	});

	it('quotes fields with commas, quotes and line breaks (RFC 4180)', () => {
		const csv = toCsv(
			result({
				referrals: [
					{ partnerId: 'a', partnerName: 'Loket, Juridisch', count: 5 },
					{ partnerId: 'b', partnerName: 'De "Vakbond"', count: 6 },
					{ partnerId: 'c', partnerName: 'Twee\nregels', count: 7 }
				]
			})
		);
		expect(csv).toContain('"Loket, Juridisch",5\r\n');
		expect(csv).toContain('"De ""Vakbond""",6\r\n');
		expect(csv).toContain('"Twee\nregels",7\r\n');
	});

	it('neutralises cells a spreadsheet would run as a formula', () => {
		const names = ['=HYPERLINK("http://x")', '+1', '-2', '@SUM(A1)', '\tTAB', 'Plain'];
		const csv = toCsv(
			result({
				referrals: names.map((n, i) => ({ partnerId: String(i), partnerName: n, count: 9 }))
			})
		);
		expect(csv).toContain(`"'=HYPERLINK(""http://x"")",9\r\n`);
		expect(csv).toContain("'+1,9\r\n");
		expect(csv).toContain("'-2,9\r\n");
		expect(csv).toContain("'@SUM(A1),9\r\n");
		expect(csv).toContain("'\tTAB,9\r\n");
		expect(csv).toContain('\r\nPlain,9\r\n');
	});
});

describe('view', () => {
	it('hands out only suppressed counts and gemeente names', () => {
		const v = view(
			result({
				reports: [{ month: '2026-02', gemeente: 'tiel', count: 3 }],
				perMonth: [{ month: '2026-02', group: 'work', gemeente: 'tiel', count: 2 }],
				ackDays: { median: null, count: 4 },
				closeDays: { median: 3.5, count: 8 },
				referrals: [{ partnerId: 'r:nla', partnerName: 'NLA', count: 1 }],
				assisted: 3
			}),
			new Map([['tiel', 'Tiel']])
		);
		expect(v).toEqual({
			reports: [{ month: '2026-02', gemeente: 'Tiel', count: '<5' }],
			perMonth: [{ month: '2026-02', group: 'work', gemeente: 'Tiel', count: '<5' }],
			ackDays: { median: null, count: '<5' },
			closeDays: { median: 3.5, count: '8' },
			referrals: [{ partnerId: 'r:nla', partnerName: 'NLA', count: '<5' }],
			assisted: '<5'
		});
	});
});

describe('period', () => {
	const now = new Date('2026-07-15T12:00:00Z');

	it('starts and ends months at midnight in the Netherlands, summer and winter', () => {
		expect(monthStart(2026, 1).toISOString()).toBe('2025-12-31T23:00:00.000Z');
		expect(monthStart(2026, 7).toISOString()).toBe('2026-06-30T22:00:00.000Z');
	});

	it('takes both months inclusive', () => {
		const p = period('2025-11', '2026-02', now);
		expect(p).toMatchObject({ fromMonth: '2025-11', toMonth: '2026-02' });
		expect(p.from.toISOString()).toBe('2025-10-31T23:00:00.000Z');
		expect(p.to.toISOString()).toBe('2026-02-28T23:00:00.000Z');
	});

	it('falls back to the last twelve months for missing, invalid or reversed input', () => {
		for (const [from, to] of [
			[null, null],
			['2026-13', '2026-14'],
			['2026-05', '2026-01'],
			['1900-01', '2026-01'],
			["2026-01' or 1=1", '2026-02']
		]) {
			expect(period(from, to, now)).toMatchObject({ fromMonth: '2025-08', toMonth: '2026-07' });
		}
	});
});
