// The klankbordgroep's side: comments per question while reviewing results, and the "You said,
// we did" note a coordinator publishes for workers, written in every worker language.
import { randomUUID } from 'node:crypto';
import * as audit from '../platform/audit.ts';
import type { Db } from '../platform/db/index.ts';
import { clean, length } from '../../shell/text.ts';

export const MAX_COMMENT = 2000;
export const MAX_NOTE = 1000;

export async function comment(
	db: Db,
	actor: { id: string },
	surveyId: string,
	questionKey: string,
	text: string
): Promise<'ok' | 'empty' | 'too_long'> {
	const body = clean(text);
	if (!body) return 'empty';
	if (length(body) > MAX_COMMENT) return 'too_long';
	await db
		.insertInto('survey_comment')
		.values({
			id: randomUUID(),
			survey_id: surveyId,
			question_key: questionKey.slice(0, 40),
			author_id: actor.id,
			body
		})
		.execute();
	return 'ok';
}

export function comments(db: Db, surveyId: string) {
	return db
		.selectFrom('survey_comment as c')
		.leftJoin('staff_user as u', 'u.id', 'c.author_id')
		.select(['c.id', 'c.question_key', 'c.body', 'c.created_at', 'u.name'])
		.where('c.survey_id', '=', surveyId)
		.orderBy('c.created_at')
		.execute();
}

export function validateNote(
	texts: Record<string, string>,
	locales: readonly string[]
):
	| { ok: true; texts: Record<string, string> }
	| { ok: false; error: 'incomplete' | 'too_long'; missing: string[] } {
	const out: Record<string, string> = {};
	const missing: string[] = [];
	for (const l of locales) {
		const t = clean(texts[l] ?? '');
		if (!t) missing.push(l);
		else if (length(t) > MAX_NOTE) return { ok: false, error: 'too_long', missing: [l] };
		out[l] = t;
	}
	return missing.length > 0
		? { ok: false, error: 'incomplete', missing }
		: { ok: true, texts: out };
}

export async function publish(
	db: Db,
	actor: { id: string; regionId: string },
	texts: Record<string, string>
): Promise<void> {
	const id = randomUUID();
	await db
		.insertInto('yousaid_note')
		.values({ id, region_id: actor.regionId, texts: JSON.stringify(texts), created_by: actor.id })
		.execute();
	await audit.record(db, {
		actorId: actor.id,
		action: 'yousaid.publish',
		objectType: 'yousaid_note',
		objectId: id
	});
}

/** The newest note in `locale`, or null. */
export async function latest(db: Db, regionId: string, locale: string): Promise<string | null> {
	const row = await db
		.selectFrom('yousaid_note')
		.select('texts')
		.where('region_id', '=', regionId)
		.orderBy('published_at', 'desc')
		.limit(1)
		.executeTakeFirst();
	return row?.texts[locale] ?? null;
}
