// Unread replies per staff member: the report remembers the sequence number of the reporter's
// latest message, each staff member the sequence number they last read. Sequence, not time:
// reporter-side times are stored to the hour, so two messages may share one.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema.alterTable('report').addColumn('reporter_seq', 'bigint').execute();
	await sql`update report r set reporter_seq = m.seq
		from (select report_id, max(seq) as seq from report_message where author = 'reporter'
			group by report_id) m
		where m.report_id = r.id`.execute(db);
	await db.schema
		.createTable('report_read')
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('staff_user_id', 'uuid', (c) =>
			c.notNull().references('staff_user.id').onDelete('cascade')
		)
		.addColumn('seq', 'bigint', (c) => c.notNull())
		.addPrimaryKeyConstraint('report_read_pk', ['report_id', 'staff_user_id'])
		.execute();
	await db.schema
		.createIndex('report_read_user_idx')
		.on('report_read')
		.column('staff_user_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('report_read').execute();
	await db.schema.alterTable('report').dropColumn('reporter_seq').execute();
}
