import { describe, expect, it } from 'vitest';
import * as tokens from './tokens';

describe('tokens', () => {
	it('have a secret of at least 128 bits and store only its hash', () => {
		const t = tokens.create();
		// base32: 5 bits per character
		expect(t.secret.length * 5).toBeGreaterThanOrEqual(128);
		expect(t.token).toBe(`${t.id}.${t.secret}`);
		expect(t.secretHash.equals(tokens.hashSecret(t.secret))).toBe(true);
		expect(t.secretHash.toString('utf8')).not.toContain(t.secret);
	});

	it('are never the same twice', () => {
		const seen = new Set(Array.from({ length: 1000 }, () => tokens.create().token));
		expect(seen.size).toBe(1000);
	});

	it('parse only well-formed values', () => {
		const t = tokens.create();
		expect(tokens.parse(t.token)).toEqual({ id: t.id, secret: t.secret });
		for (const bad of [
			undefined,
			null,
			'',
			'abc',
			`${t.token}.x`,
			t.token.toUpperCase(),
			`${t.id}.${t.secret}1`,
			'a'.repeat(300)
		]) {
			expect(tokens.parse(bad)).toBeNull();
		}
	});

	it('match only the right secret', () => {
		const t = tokens.create();
		expect(tokens.matches(t.secret, t.secretHash)).toBe(true);
		expect(tokens.matches(tokens.create().secret, t.secretHash)).toBe(false);
	});
});
