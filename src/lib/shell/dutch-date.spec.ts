import { describe, expect, it } from 'vitest';
import { dutchDate, today } from './dutch-date.ts';

describe('today in the Netherlands', () => {
	it('is already tomorrow at 23:30 UTC, in winter (UTC+1) and in summer (UTC+2)', () => {
		expect(today(new Date('2026-12-04T23:30:00Z'))).toBe('2026-12-05');
		expect(today(new Date('2026-07-14T22:30:00Z'))).toBe('2026-07-15');
	});

	it('is still today just before Dutch midnight', () => {
		expect(today(new Date('2026-12-04T22:59:59Z'))).toBe('2026-12-04');
		expect(today(new Date('2026-07-14T21:59:59Z'))).toBe('2026-07-14');
	});

	it('reads stored timestamps as Dutch days too', () => {
		expect(dutchDate('2026-12-04T23:23:00.000Z')).toBe('2026-12-05');
		expect(dutchDate('2026-03-29T00:30:00Z')).toBe('2026-03-29');
	});
});
