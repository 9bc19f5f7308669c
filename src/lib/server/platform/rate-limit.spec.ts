import { describe, expect, it } from 'vitest';
import { Limiter } from './rate-limit';

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
