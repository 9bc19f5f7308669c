import { describe, expect, it } from 'vitest';
import { decodedPath, isPrivate, isPublicData } from './private-routes';

describe('private routes', () => {
	it('judge a percent-encoded path as the route it reaches', () => {
		for (const path of [
			'/pl/%72eport/follow-up',
			'/pl/r%65port',
			'/%73taff/login',
			'/%61pi/v1/reports',
			'/ro/%73urvey/x'
		]) {
			expect(isPrivate(path), path).toBe(true);
		}
		expect(isPublicData('/api/v1/%66acilities')).toBe(true);
		expect(isPrivate('/pl/guides')).toBe(false);
	});

	it('leave a path that is not valid percent-encoding as it is', () => {
		expect(decodedPath('/pl/%E0%A4%A')).toBe('/pl/%E0%A4%A');
		expect(isPrivate('/pl/%zz')).toBe(false);
	});
});
