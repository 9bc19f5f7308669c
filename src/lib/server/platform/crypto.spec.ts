import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import * as crypto from './crypto';
import type { Secrets } from './secrets';

const s1: Secrets = {
	masterKey: randomBytes(32),
	previousMasterKey: null,
	hmacPepper: randomBytes(32)
};

describe('envelope encryption', () => {
	it('round-trips and leaves no plaintext in the sealed bytes', () => {
		const { key, wrapped } = crypto.newDataKey('r1', s1);
		const sealed = crypto.seal(key, Buffer.from('CANARY-ZEBRA-42'), 'report:1');
		expect(sealed.includes(Buffer.from('CANARY'))).toBe(false);
		expect(
			crypto.open(crypto.unwrapDataKey(wrapped, 'r1', s1), sealed, 'report:1').toString()
		).toBe('CANARY-ZEBRA-42');
	});

	it('detects tampering and a wrong context', () => {
		const key = randomBytes(32);
		const sealed = crypto.seal(key, Buffer.from('hello'), 'a');
		expect(() => crypto.open(key, sealed, 'b')).toThrow();
		sealed[sealed.length - 1] ^= 1;
		expect(() => crypto.open(key, sealed, 'a')).toThrow();
	});

	it('rotates the master key: old wraps still open with the previous key, and rewrap moves them', () => {
		const { key, wrapped } = crypto.newDataKey('r1', s1);
		const s2: Secrets = {
			masterKey: randomBytes(32),
			previousMasterKey: s1.masterKey,
			hmacPepper: s1.hmacPepper
		};
		expect(crypto.unwrapDataKey(wrapped, 'r1', s2).equals(key)).toBe(true);
		const rewrapped = crypto.rewrapDataKey(wrapped, 'r1', s2);
		const s3: Secrets = { ...s2, previousMasterKey: null };
		expect(crypto.unwrapDataKey(rewrapped, 'r1', s3).equals(key)).toBe(true);
		expect(() => crypto.unwrapDataKey(wrapped, 'r1', s3)).toThrow(/unknown master key/);
	});

	it('binds a wrapped data key to its record: copied onto another record it does not open', () => {
		const { key, wrapped } = crypto.newDataKey('report-a', s1);
		expect(crypto.unwrapDataKey(wrapped, 'report-a', s1).equals(key)).toBe(true);
		expect(() => crypto.unwrapDataKey(wrapped, 'report-b', s1)).toThrow();
	});

	it('still opens a key wrapped before binding, and rewrapping binds it to its record', () => {
		const key = randomBytes(32);
		// The earlier format: the same envelope with the bare associated data 'dek'.
		const legacy = crypto.sealWithMaster(key, 'dek', s1);
		expect(crypto.unwrapDataKey(legacy, 'report-a', s1).equals(key)).toBe(true);
		expect(crypto.isCurrentDataKey(legacy, 'report-a', s1)).toBe(false);
		const bound = crypto.rewrapDataKey(legacy, 'report-a', s1);
		expect(crypto.isCurrentDataKey(bound, 'report-a', s1)).toBe(true);
		expect(() => crypto.unwrapDataKey(bound, 'report-b', s1)).toThrow();
	});
});

describe('hmac', () => {
	it('separates purposes and depends on the pepper', () => {
		expect(crypto.hmac('a', 'x', s1).equals(crypto.hmac('b', 'x', s1))).toBe(false);
		const other = { ...s1, hmacPepper: randomBytes(32) };
		expect(crypto.hmac('a', 'x', s1).equals(crypto.hmac('a', 'x', other))).toBe(false);
	});
});
