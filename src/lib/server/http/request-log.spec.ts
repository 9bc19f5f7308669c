import { describe, expect, it } from 'vitest';
import * as requestLog from './request-log';

describe('request log', () => {
	it('writes no line, and so no time or latency, for a reporter route', () => {
		requestLog.takeCounts();
		for (const route of [
			'/[locale=locale]/report',
			'/[locale=locale]/report/follow-up',
			'/api/v1/reports',
			'/api/v1/reports/follow-up'
		]) {
			expect(requestLog.line({ method: 'POST', route, status: 200, ms: 12 })).toBeNull();
		}
		expect(requestLog.line({ method: 'POST', route: '/api/v1/reports', status: 201, ms: 3 })).toBe(
			null
		);
		expect(requestLog.takeCounts()).toEqual([
			{ request: 'POST /[locale=locale]/report 200', count: 1 },
			{ request: 'POST /[locale=locale]/report/follow-up 200', count: 1 },
			{ request: 'POST /api/v1/reports 200', count: 1 },
			{ request: 'POST /api/v1/reports/follow-up 200', count: 1 },
			{ request: 'POST /api/v1/reports 201', count: 1 }
		]);
		expect(requestLog.takeCounts()).toEqual([]);
	});

	it('keeps the full line for every other route', () => {
		const other = {
			method: 'GET',
			route: '/[locale=locale]/reports-of-the-year',
			status: 200,
			ms: 4
		};
		expect(requestLog.line(other)).toEqual(other);
		const staff = { method: 'GET', route: '/staff/inbox/[id]', status: 200, ms: 9 };
		expect(requestLog.line(staff)).toEqual(staff);
	});
});
