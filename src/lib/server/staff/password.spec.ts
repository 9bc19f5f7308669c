import { describe, expect, it } from 'vitest';
import * as password from './password';

describe('password.check', () => {
	it('asks only for a length of 8 to 128 characters', () => {
		expect(password.check('short')).toBe('too_short');
		expect(password.check('eightchr')).toBeNull();
		expect(password.check('alllowercaseisfine')).toBeNull();
		expect(password.check('x'.repeat(128))).toBeNull();
		expect(password.check('x'.repeat(129))).toBe('too_long');
	});

	it('counts characters, not bytes', () => {
		expect(password.check('😀😀😀😀😀😀😀😀')).toBeNull();
		expect(password.check('😀😀😀😀')).toBe('too_short');
	});
});

describe('password.hash', () => {
	it('uses argon2id with at least 19 MiB and 2 passes, and verifies', async () => {
		const h = await password.hash('correct horse');
		expect(h).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		expect(await password.verify(h, 'correct horse')).toBe(true);
		expect(await password.verify(h, 'wrong horse')).toBe(false);
	});
});
