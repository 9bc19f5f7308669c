import { describe, expect, it } from 'vitest';
import * as totp from './totp';

const key = new Uint8Array(20).fill(1);
const now = new Date('2026-03-29T00:59:45Z');

describe('totp.verify', () => {
	it('accepts the current code and one step of drift either way', () => {
		const c = totp.counterAt(now);
		for (const offset of [-30_000, 0, 30_000]) {
			const code = totp.codeAt(key, new Date(now.getTime() + offset));
			expect(totp.verify(key, code, null, now)).toBe(c + BigInt(offset / 30_000));
		}
	});

	it('refuses codes from further away', () => {
		expect(
			totp.verify(key, totp.codeAt(key, new Date(now.getTime() - 90_000)), null, now)
		).toBeNull();
	});

	it('refuses a code whose counter was already used', () => {
		const code = totp.codeAt(key, now);
		const used = totp.verify(key, code, null, now)!;
		expect(totp.verify(key, code, used, now)).toBeNull();
	});

	it('ignores spaces and refuses anything but six digits', () => {
		const code = totp.codeAt(key, now);
		expect(totp.verify(key, `${code.slice(0, 3)} ${code.slice(3)}`, null, now)).not.toBeNull();
		for (const bad of ['', '12345', '1234567', 'abcdef', '１２３４５６']) {
			expect(totp.verify(key, bad, null, now)).toBeNull();
		}
	});

	it('gives a key URI and a manual key an authenticator app can read', () => {
		expect(totp.keyUri('Wegwijs', 'a@b.test', key)).toMatch(
			/^otpauth:\/\/totp\/Wegwijs:a%40b\.test\?/
		);
		expect(totp.manualKey(key).replace(/ /g, '')).toMatch(/^[A-Z2-7]{32}$/);
	});
});
