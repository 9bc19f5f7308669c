// Issue #17: with DATABASE_OWNER_URL the app's own role cannot rewrite, truncate or un-trigger the
// audit log. Runs on the test PostgreSQL with two fresh roles: an owner and the app.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import * as audit from '../../src/lib/server/platform/audit.ts';
import * as database from '../../src/lib/server/platform/db/index.ts';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as startup from '../../src/lib/server/app/startup.ts';
import { rawReport } from '../factories/reports.ts';
import { staffUser } from '../factories/staff.ts';
import { otherRegion } from '../factories/regions.ts';
import { onBothDatabases } from './databases.ts';

describe('two database roles (postgres)', () => {
	const tag = randomBytes(4).toString('hex');
	const names = { owner: `owner_${tag}`, app: `app_${tag}`, db: `roles_${tag}` };
	let app: database.Db;
	let admin: pg.Client;

	beforeAll(async () => {
		admin = new pg.Client({ connectionString: inject('pgUrl') });
		await admin.connect();
		await admin.query(`create role ${names.owner} login`);
		await admin.query(`create role ${names.app} login`);
		await admin.query(`create database ${names.db} owner ${names.owner}`);
		const url = (role: string) =>
			inject('pgUrl')
				.replace(/\/\/postgres@/, `//${role}@`)
				.replace(/\/postgres$/, `/${names.db}`);
		app = database.create({ url: url(names.app), poolSize: 2 }).db;
		await startup.prepare(app, url(names.owner));
	}, 60_000);

	afterAll(async () => {
		await app?.destroy();
		await admin.query(`drop database if exists ${names.db} with (force)`);
		await admin.query(`drop role if exists ${names.app}`);
		await admin.query(`drop role if exists ${names.owner}`);
		await admin.end();
	});

	it('lets the app write and read the audit log, and nothing more', async () => {
		await audit.record(app, { actorId: null, action: 'roles.test', detail: {} });
		expect((await audit.recent(app, 1))[0].action).toBe('roles.test');
		const refused = [
			sql`update audit_log set action = 'changed'`,
			sql`delete from audit_log`,
			sql`truncate audit_log`,
			sql`alter table audit_log disable trigger audit_log_no_change`,
			sql`drop trigger audit_log_no_change on audit_log`,
			sql`drop table audit_log`,
			sql`insert into kysely_migration (name, timestamp) values ('x', 'y')`
		];
		for (const statement of refused) {
			await expect(statement.execute(app)).rejects.toThrow(/permission denied|must be owner/);
		}
		expect((await audit.recent(app, 1))[0].action).toBe('roles.test');
	});

	it('still does all its own work as the app role: a report is stored', async () => {
		const r = await intake.submit(app, rawReport(), [], {
			regionId: 'rivierenland',
			locale: 'pl',
			channel: 'web',
			client: '192.0.2.200'
		});
		expect(r.ok).toBe(true);
	});
});

onBothDatabases('the audit page', (ctx) => {
	it('shows admins and coordinators only their own region’s rows', async () => {
		await otherRegion(ctx.db);
		const here = await staffUser(ctx.db, { role: 'coordinator' });
		const there = await staffUser(ctx.db, { role: 'coordinator', regionId: 'elsewhere' });
		await audit.record(ctx.db, { actorId: here.id, action: 'scope.here' });
		await audit.record(ctx.db, { actorId: there.id, action: 'scope.there' });
		await audit.record(ctx.db, { actorId: null, action: 'scope.tiel', gemeenteId: 'tiel' });
		const seen = await audit.search(ctx.db, {
			regionId: 'rivierenland',
			action: 'scope.',
			limit: 50
		});
		expect(seen.map((r) => r.action).sort()).toEqual(['scope.here', 'scope.tiel']);
	});
});
