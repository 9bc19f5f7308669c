// Enquête, klankbordgroep and page feedback (issue #7). Responses carry no IP address, user agent,
// session or exact time: only the ISO week they arrived in. Questions are versioned: a question
// edited after its survey opened becomes a new row, and answers keep the row they answered.
import { type Kysely, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.schema
		.createTable('survey')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
		.addColumn('title', 'text', (c) => c.notNull())
		// Rounds of one survey share a series; results compare them.
		.addColumn('series', 'text', (c) => c.notNull())
		.addColumn('titles', 'jsonb', (c) => c.notNull())
		.addColumn('locales', sql`text[]`, (c) => c.notNull())
		.addColumn('gemeenten', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('opens_on', 'date')
		.addColumn('closes_on', 'date')
		.addColumn('state', 'text', (c) => c.notNull().defaultTo('draft'))
		.addColumn('requires_code', 'boolean', (c) => c.notNull().defaultTo(false))
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.addCheckConstraint('survey_state', sql`state in ('draft', 'open', 'closed')`)
		.execute();
	await db.schema
		.createIndex('survey_region_series')
		.on('survey')
		.columns(['region_id', 'series'])
		.execute();

	await db.schema
		.createTable('survey_question')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
		.addColumn('key', 'text', (c) => c.notNull())
		.addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
		.addColumn('position', 'integer', (c) => c.notNull())
		.addColumn('kind', 'text', (c) => c.notNull())
		.addColumn('texts', 'jsonb', (c) => c.notNull())
		.addColumn('options', 'jsonb', (c) => c.notNull().defaultTo(sql`'[]'::jsonb`))
		.addColumn('show_if', 'jsonb')
		.addColumn('background', 'text')
		.addColumn('retired_at', 'timestamptz')
		.addCheckConstraint(
			'survey_question_kind',
			sql`kind in ('single', 'multiple', 'scale', 'yesno', 'text')`
		)
		.execute();
	await sql`create unique index survey_question_current on survey_question (survey_id, key)
		where retired_at is null`.execute(db);

	await db.schema
		.createTable('survey_response')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
		// Monday of the ISO week; nothing finer is kept.
		.addColumn('week', 'date', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('gemeente', 'text')
		.addColumn('stay', 'text')
		.addColumn('sector', 'text')
		// HMAC of the form's one-off key: a retried submission is recognised, never stored twice.
		.addColumn('submission_hash', 'bytea', (c) => c.notNull().unique())
		.execute();
	await db.schema
		.createIndex('survey_response_survey')
		.on('survey_response')
		.column('survey_id')
		.execute();

	// One row per chosen option (scale: '1'…'10'), with the response's breakdown columns, for
	// analyses the tallies below cannot answer (answers of one question against another).
	await db.schema
		.createTable('survey_answer')
		.addColumn('response_id', 'uuid', (c) =>
			c.notNull().references('survey_response.id').onDelete('cascade')
		)
		.addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
		.addColumn('question_id', 'uuid', (c) =>
			c.notNull().references('survey_question.id').onDelete('cascade')
		)
		.addColumn('choice', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('gemeente', 'text')
		.addColumn('stay', 'text')
		.addColumn('sector', 'text')
		.execute();
	await db.schema
		.createIndex('survey_answer_survey')
		.on('survey_answer')
		.columns(['survey_id', 'question_id'])
		.execute();

	// Running counts per question × option × language × gemeente × length of stay, kept up to date
	// in the same transaction as each response. Results read these (a few thousand rows) instead of
	// scanning every answer: 100 000 responses × 20 questions stay well under 300 ms. '' = unknown.
	await db.schema
		.createTable('survey_tally')
		.addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
		.addColumn('question_id', 'uuid', (c) =>
			c.notNull().references('survey_question.id').onDelete('cascade')
		)
		.addColumn('choice', 'text', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('gemeente', 'text', (c) => c.notNull())
		.addColumn('stay', 'text', (c) => c.notNull())
		.addColumn('n', 'integer', (c) => c.notNull())
		.addPrimaryKeyConstraint('survey_tally_pk', [
			'survey_id',
			'question_id',
			'choice',
			'locale',
			'gemeente',
			'stay'
		])
		.execute();

	// Open answers are kept apart from the response they came with, so a moderated text can never
	// be joined back to the other answers of the same person.
	await db.schema
		.createTable('survey_text')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
		.addColumn('question_id', 'uuid', (c) =>
			c.notNull().references('survey_question.id').onDelete('cascade')
		)
		.addColumn('week', 'date', (c) => c.notNull())
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('moderated_by', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addCheckConstraint('survey_text_state', sql`state in ('pending', 'approved', 'rejected')`)
		.execute();
	await db.schema
		.createIndex('survey_text_state')
		.on('survey_text')
		.columns(['survey_id', 'state'])
		.execute();

	// One-time codes from welkomstpakket flyers. Only an HMAC is stored; spending one sets a flag,
	// never a time and never a link to the response.
	await db.schema
		.createTable('survey_code')
		.addColumn('code_hash', 'bytea', (c) => c.primaryKey())
		.addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
		.addColumn('spent', 'boolean', (c) => c.notNull().defaultTo(false))
		.execute();

	await db.schema
		.createTable('survey_comment')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('survey_id', 'uuid', (c) => c.notNull().references('survey.id').onDelete('cascade'))
		.addColumn('question_key', 'text', (c) => c.notNull())
		.addColumn('author_id', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('body', 'text', (c) => c.notNull())
		.addColumn('created_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('yousaid_note')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
		.addColumn('texts', 'jsonb', (c) => c.notNull())
		.addColumn('created_by', 'uuid', (c) => c.references('staff_user.id').onDelete('set null'))
		.addColumn('published_at', 'timestamptz', (c) => c.notNull().defaultTo(sql`now()`))
		.execute();

	await db.schema
		.createTable('feedback')
		.addColumn('id', 'uuid', (c) => c.primaryKey())
		.addColumn('region_id', 'text', (c) => c.notNull().references('region.id').onDelete('cascade'))
		.addColumn('page', 'text', (c) => c.notNull())
		.addColumn('helpful', 'boolean')
		.addColumn('locale', 'text', (c) => c.notNull())
		.addColumn('week', 'date', (c) => c.notNull())
		.addColumn('body', 'text')
		.addColumn('flags', sql`text[]`, (c) => c.notNull().defaultTo(sql`'{}'`))
		.addColumn('state', 'text', (c) => c.notNull().defaultTo('pending'))
		.addColumn('submission_hash', 'bytea', (c) => c.notNull().unique())
		.addCheckConstraint('feedback_state', sql`state in ('pending', 'approved', 'rejected')`)
		.execute();
	await db.schema
		.createIndex('feedback_region_page')
		.on('feedback')
		.columns(['region_id', 'page'])
		.execute();
}

export async function down(db: Kysely<any>): Promise<void> {
	for (const t of [
		'feedback',
		'yousaid_note',
		'survey_comment',
		'survey_code',
		'survey_text',
		'survey_tally',
		'survey_answer',
		'survey_response',
		'survey_question',
		'survey'
	])
		await db.schema.dropTable(t).execute();
}
