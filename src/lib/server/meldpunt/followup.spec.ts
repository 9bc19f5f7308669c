import { describe, expect, it } from 'vitest';
import * as followup from './followup';

describe('follow-up cookie', () => {
	it('carries the __Host- prefix on https, and the plain name on http (development, tests)', () => {
		expect(followup.cookieName(new URL('https://wegwijs.example.nl/pl/report/follow-up'))).toBe(
			'__Host-wegwijs_followup'
		);
		expect(followup.cookieName(new URL('http://localhost:3000/pl/report/follow-up'))).toBe(
			'wegwijs_followup'
		);
	});
});
