import { expect, it } from 'vitest';
import * as database from '../../src/lib/server/platform/db/index.ts';
import { SharedLimiter } from '../../src/lib/server/platform/rate-limit.ts';
import { onBothDatabases } from './databases.ts';

onBothDatabases('account throttling shared by all instances', (ctx) => {
	it('allows exactly the limit, even when attempts arrive at once through two instances', async () => {
		const limiter = new SharedLimiter('test-burst', 10, 60_000);
		// A second connection pool stands in for a second app instance (PGlite has one process).
		const other =
			ctx.kind === 'postgres' ? database.create({ url: ctx.url, poolSize: 5 }).db : ctx.db;
		try {
			const results = await Promise.all(
				Array.from({ length: 30 }, (_, i) =>
					limiter.consume(i % 2 ? other : ctx.db, 'someone@example.test')
				)
			);
			expect(results.filter(Boolean)).toHaveLength(10);
			expect(await limiter.consume(ctx.db, 'someone-else@example.test')).toBe(true);
		} finally {
			if (other !== ctx.db) await other.destroy();
		}
	});

	it('opens again when the window ends, and a reset clears it at once', async () => {
		const limiter = new SharedLimiter('test-window', 2, 60_000);
		const t0 = new Date('2026-11-22T10:00:00Z');
		expect(await limiter.consume(ctx.db, 'a', t0)).toBe(true);
		expect(await limiter.consume(ctx.db, 'a', t0)).toBe(true);
		expect(await limiter.consume(ctx.db, 'a', t0)).toBe(false);
		expect(await limiter.consume(ctx.db, 'a', new Date(t0.getTime() + 61_000))).toBe(true);
		await limiter.reset(ctx.db, 'a');
		expect(await limiter.consume(ctx.db, 'a', t0)).toBe(true);
	});

	it('stores a keyed hash, never the account, and purges ended windows', async () => {
		const limiter = new SharedLimiter('test-store', 5, 1_000);
		await limiter.consume(ctx.db, 'visible@example.test', new Date('2026-01-01T00:00:00Z'));
		const rows = await ctx.db.selectFrom('rate_limit').select('key').execute();
		expect(rows.length).toBeGreaterThan(0);
		expect(rows.some((r) => r.key.includes('visible'))).toBe(false);
		await SharedLimiter.purge(ctx.db, new Date('2026-01-01T00:00:05Z'));
		const left = await ctx.db.selectFrom('rate_limit').select('key').execute();
		expect(left.length).toBe(rows.length - 1);
	});
});
