// Fingerprints of the keys the data was sealed with, so a start with other keys is refused.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('key_fingerprint')
		.addColumn('name', 'text', (c) => c.primaryKey())
		.addColumn('fingerprint', 'text', (c) => c.notNull())
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('key_fingerprint').execute();
}
