import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { deletionDue, monthsBefore } from './retention.ts';

describe('the deletion date a reporter is told', () => {
	it('is exactly when the retention run first deletes the report, for every close time and policy', () => {
		fc.assert(
			fc.property(
				fc.date({ min: new Date('2020-01-01'), max: new Date('2040-12-31'), noInvalidDate: true }),
				fc.integer({ min: 1, max: 120 }),
				(closedAt, closedMonths) => {
					const due = deletionDue(closedAt, { closedMonths });
					// Due then: the run's cutoff has reached the close time …
					expect(monthsBefore(due, closedMonths).getTime()).toBeGreaterThanOrEqual(
						closedAt.getTime()
					);
					// … and not a millisecond before.
					const before = new Date(due.getTime() - 1);
					expect(monthsBefore(before, closedMonths).getTime()).toBeLessThan(closedAt.getTime());
				}
			),
			{ numRuns: 2000 }
		);
	});

	it('moves to the first of the next month when the day does not exist', () => {
		const p = { closedMonths: 1 };
		expect(deletionDue(new Date('2027-01-31T10:00:00Z'), p).toISOString()).toBe(
			'2027-03-01T00:00:00.000Z'
		);
		expect(
			deletionDue(new Date('2026-12-06T10:00:00Z'), { ...p, closedMonths: 12 }).toISOString()
		).toBe('2027-12-06T10:00:00.000Z');
	});
});
