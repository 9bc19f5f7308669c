// Spent survey codes are deleted, not marked (issue #17): a code row updated in the response's own
// transaction carried the same xmin as the answers, joining a code to what was answered.
import { type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
	await db.deleteFrom('survey_code').where('spent', '=', true).execute();
}

export async function down(): Promise<void> {
	// Deleted codes cannot come back, and need not: a spent code is refused either way.
}
