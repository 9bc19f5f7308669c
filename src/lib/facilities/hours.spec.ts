import { describe, expect, it } from 'vitest';
import {
	formatExceptions,
	formatWeekly,
	isOpen,
	local,
	parseExceptions,
	parseWeekly,
	status,
	type OpeningHours
} from './hours';

const office: OpeningHours = {
	weekly: {
		mon: [
			['08:00', '12:00'],
			['13:00', '17:00']
		],
		tue: [['08:00', '17:00']],
		wed: [['08:00', '17:00']],
		thu: [['08:00', '17:00']],
		fri: [['08:00', '17:00']]
	}
};

describe('opening hours in Dutch local time', () => {
	it('reads winter time as UTC+1 and summer time as UTC+2', () => {
		expect(local(new Date('2026-01-15T07:30:00Z'))).toEqual({ date: '2026-01-15', minute: 510 });
		expect(local(new Date('2026-07-15T07:30:00Z'))).toEqual({ date: '2026-07-15', minute: 570 });
	});

	it('is open during a range and closed over lunch', () => {
		// Monday 2026-11-23, 10:00 CET = 09:00 UTC
		expect(status(office, new Date('2026-11-23T09:00:00Z'))).toEqual({
			open: true,
			closes: { date: '2026-11-23', time: '12:00' }
		});
		expect(status(office, new Date('2026-11-23T11:30:00Z'))).toEqual({
			open: false,
			opens: { date: '2026-11-23', time: '13:00' }
		});
	});

	it('says a place closed on Friday evening opens on Monday morning', () => {
		expect(status(office, new Date('2026-11-27T18:00:00Z'))).toEqual({
			open: false,
			opens: { date: '2026-11-30', time: '08:00' }
		});
	});

	it('follows the switch to summer time on the last Sunday of March', () => {
		// 2026-03-29: clocks jump from 02:00 CET to 03:00 CEST (01:00 UTC).
		const sunday: OpeningHours = { weekly: { sun: [['03:00', '04:00']] } };
		// 01:30 UTC is 03:30 local (summer time). A fixed +1 offset would say 02:30 and "closed".
		expect(local(new Date('2026-03-29T01:30:00Z'))).toEqual({ date: '2026-03-29', minute: 210 });
		expect(isOpen(sunday, new Date('2026-03-29T01:30:00Z'))).toBe(true);
		// 00:30 UTC is still winter time: 01:30 local, before opening.
		expect(isOpen(sunday, new Date('2026-03-29T00:30:00Z'))).toBe(false);
		// 02:00 UTC is 04:00 local: closed again.
		expect(isOpen(sunday, new Date('2026-03-29T02:00:00Z'))).toBe(false);
		// A week earlier the same local hour is 02:30 UTC.
		expect(isOpen(sunday, new Date('2026-03-22T02:30:00Z'))).toBe(true);
	});

	it('follows the switch back to winter time on the last Sunday of October', () => {
		// 2026-10-25: clocks go back from 03:00 CEST to 02:00 CET (01:00 UTC); 02:30 happens twice.
		const night: OpeningHours = { weekly: { sun: [['02:00', '03:00']] } };
		expect(local(new Date('2026-10-25T00:30:00Z')).minute).toBe(150);
		expect(local(new Date('2026-10-25T01:30:00Z')).minute).toBe(150);
		expect(isOpen(night, new Date('2026-10-25T00:30:00Z'))).toBe(true);
		expect(isOpen(night, new Date('2026-10-25T01:30:00Z'))).toBe(true);
		// 02:00 UTC is 03:00 CET: closed.
		expect(isOpen(night, new Date('2026-10-25T02:00:00Z'))).toBe(false);
		// The next Monday 08:00 is 07:00 UTC (winter time).
		expect(isOpen(office, new Date('2026-10-26T06:59:00Z'))).toBe(false);
		expect(isOpen(office, new Date('2026-10-26T07:00:00Z'))).toBe(true);
	});

	it('closes on an exception day and uses shorter hours on another', () => {
		const hours: OpeningHours = {
			...office,
			exceptions: [
				{ date: '2026-12-24', ranges: [['08:00', '12:00']] },
				{ date: '2026-12-25', ranges: [] }
			]
		};
		// Friday 2026-12-25, Christmas, 10:00 local
		expect(isOpen(office, new Date('2026-12-25T09:00:00Z'))).toBe(true);
		expect(status(hours, new Date('2026-12-25T09:00:00Z'))).toEqual({
			open: false,
			opens: { date: '2026-12-28', time: '08:00' }
		});
		// Thursday 2026-12-24, 14:00 local: normally open, today only the morning
		expect(isOpen(hours, new Date('2026-12-24T13:00:00Z'))).toBe(false);
		expect(isOpen(hours, new Date('2026-12-24T10:00:00Z'))).toBe(true);
	});

	it('opens on an exception day that is normally closed', () => {
		const hours: OpeningHours = {
			...office,
			exceptions: [{ date: '2026-11-28', ranges: [['10:00', '14:00']] }]
		};
		expect(isOpen(hours, new Date('2026-11-28T10:00:00Z'))).toBe(true);
		expect(isOpen(office, new Date('2026-11-28T10:00:00Z'))).toBe(false);
	});

	it('keeps a night service open past midnight', () => {
		const post: OpeningHours = { weekly: { fri: [['17:00', '08:00']] } };
		// Saturday 03:00 local belongs to Friday's night
		expect(status(post, new Date('2026-11-28T02:00:00Z'))).toEqual({
			open: true,
			closes: { date: '2026-11-28', time: '08:00' }
		});
		expect(isOpen(post, new Date('2026-11-28T08:00:00Z'))).toBe(false);
		expect(status(post, new Date('2026-11-27T20:00:00Z'))).toEqual({
			open: true,
			closes: { date: '2026-11-28', time: '08:00' }
		});
	});

	it('gives no closing time for a place open day and night, and the true one across midnight', () => {
		const day = [['00:00', '24:00']] as [string, string][];
		const always: OpeningHours = {
			weekly: { mon: day, tue: day, wed: day, thu: day, fri: day, sat: day, sun: day }
		};
		expect(status(always, new Date('2026-11-24T23:30:00Z'))).toEqual({ open: true, closes: null });
		const weekend: OpeningHours = {
			weekly: { fri: [['17:00', '24:00']], sat: day, sun: [['00:00', '08:00']] }
		};
		expect(status(weekend, new Date('2026-11-27T20:00:00Z'))).toEqual({
			open: true,
			closes: { date: '2026-11-29', time: '08:00' }
		});
	});

	it('says nothing about opening when there are no hours at all', () => {
		expect(status({}, new Date())).toEqual({ open: false, opens: null });
	});
});

describe('the text form of opening hours', () => {
	it('reads day ranges and several time ranges per day', () => {
		expect(parseWeekly('mon-fri 08:00-12:00,13:00-17:00; sat 10:00-12:00')).toEqual({
			mon: [
				['08:00', '12:00'],
				['13:00', '17:00']
			],
			tue: [
				['08:00', '12:00'],
				['13:00', '17:00']
			],
			wed: [
				['08:00', '12:00'],
				['13:00', '17:00']
			],
			thu: [
				['08:00', '12:00'],
				['13:00', '17:00']
			],
			fri: [
				['08:00', '12:00'],
				['13:00', '17:00']
			],
			sat: [['10:00', '12:00']]
		});
	});

	it('refuses 25:00, a missing minute and an unknown day', () => {
		expect(parseWeekly('mon 09:00-25:00')).toBe('time');
		expect(parseWeekly('mon 24:00-25:00')).toBe('time');
		expect(parseWeekly('mon 9-17')).toBe('syntax');
		expect(parseWeekly('xyz 09:00-17:00')).toBe('day');
		expect(parseWeekly('fri-mon 09:00-17:00')).toBe('day');
		expect(parseWeekly('mon 09:00-24:00')).toEqual({ mon: [['09:00', '24:00']] });
	});

	it('refuses impossible exception dates', () => {
		expect(parseExceptions('2026-02-30 closed')).toBe('date');
		expect(parseExceptions('25-12-2026 closed')).toBe('date');
		expect(parseExceptions('2026-12-25 closed; 2026-12-24 08:00-12:00')).toEqual([
			{ date: '2026-12-24', ranges: [['08:00', '12:00']] },
			{ date: '2026-12-25', ranges: [] }
		]);
	});

	it('writes back what it reads', () => {
		const text = 'mon 08:00-12:00,13:00-17:00; tue 08:00-17:00; sat 10:00-12:00';
		const weekly = parseWeekly(text);
		if (typeof weekly === 'string') throw new Error(weekly);
		expect(formatWeekly(weekly)).toBe(text);
		const ex = '2026-12-24 08:00-12:00; 2026-12-25 closed';
		const parsed = parseExceptions(ex);
		if (typeof parsed === 'string') throw new Error(parsed);
		expect(formatExceptions(parsed)).toBe(ex);
	});
});
