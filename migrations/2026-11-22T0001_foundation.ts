// Foundation: regions, gemeenten, partners, staff users, sessions, setup links and the audit log.
// Frozen: never edit after release; add a new migration instead.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('region')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('settings', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('gemeente')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('restrict'))
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('cbs_code', 'text')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();
	await db.schema.createIndex('gemeente_region_idx').on('gemeente').column('region_id').execute();

	await db.schema
		.createTable('partner')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
		.addColumn('slug', 'text', (c) => c.notNull())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('handles', 'jsonb', (c) => c.notNull())
		.addColumn('accepts_anonymous', 'boolean', (c) => c.notNull())
		.addColumn('website', 'text')
		.addColumn('phone', 'text')
		.addColumn('category_groups', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('active', 'boolean', (c) => c.notNull().defaultTo(true))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addUniqueConstraint('partner_region_slug_key', ['region_id', 'slug'])
		.execute();

	await db.schema
		.createTable('staff_user')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('restrict'))
		.addColumn('email', 'text', (c) => c.notNull().unique())
		.addColumn('name', 'text', (c) => c.notNull())
		.addColumn('role', 'text', (c) =>
			c.notNull().check(sql`role in ('admin', 'coordinator', 'handler', 'editor', 'panel')`)
		)
		.addColumn('locale', 'text', (c) => c.notNull().defaultTo('nl'))
		.addColumn('password_hash', 'text')
		.addColumn('totp_key', 'bytea')
		.addColumn('totp_last_counter', 'bigint')
		.addColumn('disabled_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('staff_user_gemeente')
		.addColumn('user_id', 'uuid', (c) =>
			c.notNull().references('staff_user.id').onDelete('cascade')
		)
		.addColumn('gemeente_id', 'text', (c) =>
			c.notNull().references('gemeente.id').onDelete('cascade')
		)
		.addPrimaryKeyConstraint('staff_user_gemeente_pkey', ['user_id', 'gemeente_id'])
		.execute();

	await db.schema
		.createTable('staff_session')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('user_id', 'uuid', (c) =>
			c.notNull().references('staff_user.id').onDelete('cascade')
		)
		.addColumn('secret_hash', 'bytea', (c) => c.notNull())
		.addColumn('two_factor_verified', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull())
		.addColumn('last_seen_at', 'timestamptz', (c) => c.notNull())
		.execute();
	await db.schema
		.createIndex('staff_session_user_idx')
		.on('staff_session')
		.column('user_id')
		.execute();

	await db.schema
		.createTable('setup_link')
		.addColumn('id', 'text', (c) => c.primaryKey())
		.addColumn('secret_hash', 'bytea', (c) => c.notNull())
		// null: the first-admin bootstrap link of an empty database.
		.addColumn('user_id', 'uuid', (c) => c.references('staff_user.id').onDelete('cascade'))
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.addColumn('used_at', 'timestamptz')
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('audit_log')
		.addColumn('id', 'bigserial', (c) => c.primaryKey())
		.addColumn('at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('actor_id', 'uuid')
		.addColumn('action', 'text', (c) => c.notNull())
		.addColumn('object_type', 'text')
		.addColumn('object_id', 'text')
		.addColumn('gemeente_id', 'text')
		.addColumn('detail', 'jsonb', (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
		.execute();
	await db.schema.createIndex('audit_log_at_idx').on('audit_log').column('at').execute();

	// Append-only: a trigger refuses UPDATE, DELETE and TRUNCATE for every role, so it holds on PGlite
	// (one role) and on PostgreSQL alike. Retention of the audit log is a DBA task (drop the trigger).
	await sql`
		create function audit_log_append_only() returns trigger language plpgsql as $$
		begin
			raise exception 'audit_log is append-only';
		end;
		$$`.execute(db);
	await sql`
		create trigger audit_log_no_change before update or delete on audit_log
		for each row execute function audit_log_append_only()`.execute(db);
	await sql`
		create trigger audit_log_no_truncate before truncate on audit_log
		for each statement execute function audit_log_append_only()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('audit_log').execute();
	await sql`drop function audit_log_append_only()`.execute(db);
	await db.schema.dropTable('setup_link').execute();
	await db.schema.dropTable('staff_session').execute();
	await db.schema.dropTable('staff_user_gemeente').execute();
	await db.schema.dropTable('staff_user').execute();
	await db.schema.dropTable('partner').execute();
	await db.schema.dropTable('gemeente').execute();
	await db.schema.dropTable('region').execute();
}
