// Which daily job last ran on which day: with several app instances on one database, the first
// instance to claim a day runs the job and the others skip it.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('job_run')
		.addColumn('job', 'text', (c) => c.notNull())
		.addColumn('day', 'date', (c) => c.notNull())
		.addColumn('started_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addColumn('finished_at', 'timestamptz')
		.addColumn('result', 'jsonb')
		.addPrimaryKeyConstraint('job_run_pkey', ['job', 'day'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('job_run').execute();
}
