// Structured questions a handler asks a reporter. The question is stored as its catalogue key (the
// reporter reads it in their own language); the answer is a sealed reporter message, so it is
// kept and deleted with the thread. One answer per question: answered_at is set once.
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('report_question')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		// The order asked: several questions asked at once share one time.
		.addColumn('seq', 'bigserial', (c) => c.notNull())
		.addColumn('report_id', 'uuid', (c) => c.notNull().references('report.id').onDelete('cascade'))
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('asked_by', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('asked_at', 'timestamptz', (c) => c.notNull())
		.addColumn('answered_at', 'timestamptz')
		.addColumn('answer_message_id', 'uuid', (c) =>
			c.references('report_message.id').onDelete('set null')
		)
		.addColumn('withdrawn_at', 'timestamptz')
		.execute();
	await db.schema
		.createIndex('report_question_report_idx')
		.on('report_question')
		.column('report_id')
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	await db.schema.dropTable('report_question').execute();
}
