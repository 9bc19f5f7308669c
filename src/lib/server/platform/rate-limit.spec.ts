import { describe, expect, it } from 'vitest';
import { Limiter, clientKey } from './rate-limit';

describe('Limiter', () => {
	it('allows `max` attempts per window, then refuses until the window ends', () => {
		const l = new Limiter('test', 3, 1000);
		const t = 1_000_000;
		expect([1, 2, 3].map(() => l.consume('203.0.113.9', t))).toEqual([true, true, true]);
		expect(l.consume('203.0.113.9', t + 10)).toBe(false);
		expect(l.retryAfterSeconds('203.0.113.9', t + 10)).toBe(1);
		expect(l.consume('198.51.100.1', t + 10)).toBe(true);
		expect(l.consume('203.0.113.9', t + 1001)).toBe(true);
	});

	it('keeps no address in memory, only keyed hashes', () => {
		const l = new Limiter('test', 3, 1000);
		l.consume('203.0.113.77');
		const inside = JSON.stringify([
			...(l as unknown as { windows: Map<string, unknown> }).windows.keys()
		]);
		expect(inside).not.toContain('203.0.113.77');
		expect(inside).toMatch(/[A-Za-z0-9_-]{43}/);
	});
});

describe('clientKey', () => {
	it('names an IPv6 client by its /64, however the address is written', () => {
		expect(clientKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
		expect(clientKey('2001:0DB8:0001:0002:ffff:ffff:ffff:ffff')).toBe('2001:db8:1:2::/64');
		expect(clientKey('2001:db8::1')).toBe('2001:db8:0:0::/64');
		expect(clientKey('fe80::1%eth0')).toBe('fe80:0:0:0::/64');
		expect(clientKey('2001:db8:1:3::1')).not.toBe(clientKey('2001:db8:1:2::1'));
	});

	it('counts an IPv4-mapped address as its IPv4 address and keeps other values', () => {
		expect(clientKey('::ffff:203.0.113.9')).toBe('203.0.113.9');
		expect(clientKey('::ffff:cb00:7109')).toBe('203.0.113.9');
		expect(clientKey('203.0.113.9')).toBe('203.0.113.9');
		expect(clientKey('all')).toBe('all');
	});

	it('makes every address of one /64 share a single window', () => {
		const l = new Limiter('test', 3, 1000);
		const t = 1_000_000;
		for (let i = 1; i <= 3; i++) expect(l.consume(`2001:db8:7:7::${i.toString(16)}`, t)).toBe(true);
		expect(l.consume('2001:db8:7:7:dead:beef:0:1', t)).toBe(false);
		expect(l.consume('2001:db8:7:8::1', t)).toBe(true);
	});
});
