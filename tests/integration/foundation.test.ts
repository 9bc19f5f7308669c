import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import * as migrate from '../../src/lib/server/platform/db/migrate.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';
import * as seed from '../../src/lib/server/app/seed/index.ts';
import * as audit from '../../src/lib/server/platform/audit.ts';
import * as database from '../../src/lib/server/platform/db/index.ts';
import * as health from '../../src/lib/server/http/health.ts';
import * as jobs from '../../src/lib/server/app/jobs.ts';
import { fresh, onBothDatabases } from './databases.ts';

for (const kind of ['pglite', 'postgres'] as const) {
	describe(`migrations (${kind})`, () => {
		it('apply on an empty database, roll back completely, and apply again', async () => {
			const { db, drop } = await fresh(kind);
			try {
				const total = await migrate.latest(db);
				expect(total).toBeGreaterThanOrEqual(1);
				expect(await migrate.applied(db)).toBe(total);
				const m = migrate.migrator(db);
				for (let i = 0; i < total; i++) {
					const { error } = await m.migrateDown();
					expect(error).toBeUndefined();
				}
				expect(await migrate.applied(db)).toBe(0);
				const tables = await sql<{ n: number }>`
					select count(*)::int as n from information_schema.tables
					where table_schema = 'public' and table_name not like 'kysely_%'`.execute(db);
				expect(tables.rows[0].n).toBe(0);
				expect(await migrate.latest(db)).toBe(total);
			} finally {
				await drop();
			}
		});
	});
}

onBothDatabases('model region seed', (ctx) => {
	it('holds Rivierenland with its 8 gemeenten', async () => {
		const gs = await regions.gemeenten(ctx.db, 'rivierenland');
		expect(gs.map((g) => g.name).sort()).toEqual([
			'Buren',
			'Culemborg',
			'Maasdriel',
			'Neder-Betuwe',
			'Tiel',
			'West Betuwe',
			'West Maas en Waal',
			'Zaltbommel'
		]);
	});

	it('holds the referral partners, each with what it handles in Dutch and English', async () => {
		const ps = await regions.partners(ctx.db, 'rivierenland');
		const slugs = ps.map((p) => p.slug);
		for (const s of [
			'nla',
			'snf',
			'fairwork',
			'huurcommissie',
			'juridisch-loket',
			'politie',
			'comensha',
			'adv',
			'sncu',
			'opvang'
		]) {
			expect(slugs).toContain(s);
		}
		for (const p of ps) {
			expect(p.handles.nl.length).toBeGreaterThan(20);
			expect(p.handles.en.length).toBeGreaterThan(20);
		}
		expect(ps.find((p) => p.slug === 'snf')?.accepts_anonymous).toBe(false);
	});

	it('is idempotent: seeding again changes no counts', async () => {
		const before = await ctx.db
			.selectFrom('partner')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		await seed.run(ctx.db);
		await seed.run(ctx.db);
		const after = await ctx.db
			.selectFrom('partner')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.executeTakeFirstOrThrow();
		expect(Number(after.n)).toBe(Number(before.n));
		expect((await regions.gemeenten(ctx.db, 'rivierenland')).length).toBe(8);
	});

	it('adds a second region with data only', async () => {
		await regions.upsert(ctx.db, {
			slug: 'test-regio',
			name: 'Testregio',
			gemeenten: [{ slug: 'testdorp', name: 'Testdorp', cbsCode: 'GM9999' }],
			partners: []
		});
		expect((await regions.gemeenten(ctx.db, 'test-regio')).map((g) => g.id)).toEqual(['testdorp']);
	});
});

onBothDatabases('audit log', (ctx) => {
	it('accepts new rows but refuses UPDATE, DELETE and TRUNCATE', async () => {
		await audit.record(ctx.db, { actorId: null, action: 'test.event', detail: { a: 1 } });
		const rows = await audit.recent(ctx.db, 5);
		expect(rows[0].action).toBe('test.event');
		await expect(
			ctx.db.updateTable('audit_log').set({ action: 'changed' }).execute()
		).rejects.toThrow(/append-only/);
		await expect(ctx.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
		await expect(sql`truncate audit_log`.execute(ctx.db)).rejects.toThrow(/append-only/);
		expect((await audit.recent(ctx.db, 5))[0].action).toBe('test.event');
	});
});

describe('health', () => {
	it('answers error with the same shape when the database cannot be reached', async () => {
		const previous = database.get();
		database.use(database.create({ url: 'postgres://postgres@127.0.0.1:1/nothing' }));
		try {
			expect(await health.check()).toEqual({
				status: 'error',
				database: 'postgres',
				migrations: 0
			});
		} finally {
			await database.close();
			database.use(previous);
		}
	});

	it('answers ok with the database kind and the number of migrations applied', async () => {
		const { db, drop } = await fresh('pglite');
		const previous = database.get();
		database.use({ db, kind: 'pglite' });
		try {
			const applied = await migrate.latest(db);
			expect(await health.check()).toEqual({
				status: 'ok',
				database: 'pglite',
				migrations: applied
			});
		} finally {
			database.use(previous);
			await drop();
		}
	});
});

onBothDatabases('daily jobs', (ctx) => {
	it('run once per day, also when two instances try at the same moment', async () => {
		const day = new Date('2030-01-02T03:00:00Z');
		const [a, b] = await Promise.all([jobs.runDaily(ctx.db, day), jobs.runDaily(ctx.db, day)]);
		expect([...a, ...b].sort()).toEqual(Object.keys(jobs.DAILY).sort());
		expect(await jobs.runDaily(ctx.db, new Date('2030-01-02T23:00:00Z'))).toEqual([]);
		expect((await jobs.runDaily(ctx.db, new Date('2030-01-03T00:30:00Z'))).sort()).toEqual(
			Object.keys(jobs.DAILY).sort()
		);
		const runs = await ctx.db
			.selectFrom('job_run')
			.selectAll()
			.where('day', '=', '2030-01-02')
			.execute();
		expect(runs.every((r) => r.finished_at !== null)).toBe(true);
	});
});
