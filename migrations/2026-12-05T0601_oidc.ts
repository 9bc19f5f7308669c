// Staff sign-in through a gemeente's OpenID provider (issue #21): the account's link to the
// provider, its last sign-in, how each session began, and the short-lived login attempts.
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.alterTable('staff_user')
		.addColumn('oidc_provider', 'text')
		.addColumn('oidc_subject', 'text')
		.addColumn('last_sign_in_at', 'timestamptz')
		.addColumn('last_sign_in_method', 'text')
		.execute();
	// One provider account belongs to at most one Wegwijs account.
	await db.schema
		.createIndex('staff_user_oidc_idx')
		.unique()
		.on('staff_user')
		.columns(['oidc_provider', 'oidc_subject'])
		.where(sql.ref('oidc_subject'), 'is not', null)
		.execute();
	await db.schema
		.alterTable('staff_session')
		.addColumn('method', 'text', (c) => c.notNull().defaultTo('password'))
		.addColumn('expires_at', 'timestamptz')
		.execute();
	await db.schema
		.createTable('oidc_login')
		.addColumn('state_hash', 'bytea', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
		.addColumn('provider_id', 'text', (c) => c.notNull())
		.addColumn('nonce', 'text', (c) => c.notNull())
		.addColumn('code_verifier', 'text', (c) => c.notNull())
		.addColumn('next', 'text', (c) => c.notNull())
		.addColumn('expires_at', 'timestamptz', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('oidc_login').execute();
	await db.schema
		.alterTable('staff_session')
		.dropColumn('method')
		.dropColumn('expires_at')
		.execute();
	await db.schema.dropIndex('staff_user_oidc_idx').execute();
	await db.schema
		.alterTable('staff_user')
		.dropColumn('oidc_provider')
		.dropColumn('oidc_subject')
		.dropColumn('last_sign_in_at')
		.dropColumn('last_sign_in_method')
		.execute();
}
