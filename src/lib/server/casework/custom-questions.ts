// Questions coordinators add to the catalogue, per region: saved as drafts until every worker
// language is written, offered on cases once complete, retired instead of deleted (answers given
// to them stay readable). Every change is audited.
import { locales } from '../../paraglide/runtime.js';
import * as custom from '../../casework/custom-questions.ts';
import type { AnswerType, Texts } from '../../casework/custom-questions.ts';
import type { Question } from '../../casework/questions.ts';
import * as audit from '../platform/audit.ts';
import type { Db } from '../platform/db/index.ts';
import { isUuid } from '../../shell/uuid.ts';

export interface Stored {
	id: string;
	type: AnswerType;
	texts: Texts;
	retired: boolean;
	/** Languages not written yet; empty: complete, offered on cases unless retired. */
	missing: string[];
}

type Actor = { id: string; regionId: string };

function stored(row: {
	id: string;
	type: AnswerType;
	texts: Texts;
	retired_at: Date | string | null;
}): Stored {
	return {
		id: row.id,
		type: row.type,
		texts: row.texts,
		retired: row.retired_at !== null,
		missing: custom.missing(row.texts, locales)
	};
}

/** The region's questions, newest first, drafts and retired ones included. */
export async function list(db: Db, regionId: string): Promise<Stored[]> {
	const rows = await db
		.selectFrom('custom_question')
		.select(['id', 'type', 'texts', 'retired_at'])
		.where('region_id', '=', regionId)
		.orderBy('created_at', 'desc')
		.orderBy('id')
		.execute();
	return rows.map(stored);
}

/** One question of the region; undefined for another region's, like for none. */
export async function read(db: Db, regionId: string, id: string): Promise<Stored | undefined> {
	if (!isUuid(id)) return undefined;
	const row = await db
		.selectFrom('custom_question')
		.select(['id', 'type', 'texts', 'retired_at'])
		.where('id', '=', id)
		.where('region_id', '=', regionId)
		.executeTakeFirst();
	return row && stored(row);
}

/** The questions a handler may ask on a case of this region: complete and not retired. */
export async function usable(db: Db, regionId: string): Promise<Stored[]> {
	return (await list(db, regionId)).filter((q) => !q.retired && q.missing.length === 0);
}

/** Definitions and texts of the custom questions among `keys` (asked ones: retired included). */
export async function byKeys(db: Db, keys: readonly string[]): Promise<Map<string, Stored>> {
	const ids = keys.map(custom.idOf).filter((id): id is string => id !== null && isUuid(id));
	if (ids.length === 0) return new Map();
	const rows = await db
		.selectFrom('custom_question')
		.select(['id', 'type', 'texts', 'retired_at'])
		.where('id', 'in', ids)
		.execute();
	return new Map(rows.map((r) => [custom.key(r.id), stored(r)]));
}

export function question(q: Stored): Question {
	return custom.toQuestion(q.id, q.type, q.texts);
}

/** The words of `questions` as text-pack entries in `locale`. */
export function pack(questions: Iterable<Stored>, locale: string): Record<string, string> {
	return Object.assign({}, ...[...questions].map((q) => custom.packEntries(q.id, q.texts, locale)));
}

/**
 * Stores a new question under `id`, which the editor form carries from the moment it is shown, so
 * a form sent twice (a retry, a double click) stores one question. False: that id exists already.
 */
export async function create(
	db: Db,
	actor: Actor,
	id: string,
	input: { type: AnswerType; texts: Texts }
): Promise<boolean> {
	if (!isUuid(id)) return false;
	const r = await db
		.insertInto('custom_question')
		.values({
			id,
			region_id: actor.regionId,
			type: input.type,
			texts: JSON.stringify(input.texts),
			created_by: actor.id
		})
		.onConflict((c) => c.column('id').doNothing())
		.executeTakeFirst();
	if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
	await log(db, actor, 'question.add', id, input);
	return true;
}

export type EditResult = { ok: true } | { ok: false; error: 'not_found' | 'in_use' };

/**
 * Rewrites a question's texts. Its answer type and number of options are fixed once it has been
 * asked: stored answers are a type's value or an option's place, and must keep their meaning.
 */
export async function update(
	db: Db,
	actor: Actor,
	id: string,
	input: { type: AnswerType; texts: Texts }
): Promise<EditResult> {
	const current = await read(db, actor.regionId, id);
	if (!current || current.retired) return { ok: false, error: 'not_found' };
	const shape = (q: { type: string; texts: Texts }) =>
		`${q.type}:${q.texts.nl?.options.length ?? 0}`;
	if (shape(current) !== shape(input) && (await asked(db, id)))
		return { ok: false, error: 'in_use' };
	await db
		.updateTable('custom_question')
		.set({ type: input.type, texts: JSON.stringify(input.texts), updated_at: new Date() })
		.where('id', '=', id)
		.where('region_id', '=', actor.regionId)
		.execute();
	await log(db, actor, 'question.edit', id, input);
	return { ok: true };
}

/** No longer offered on cases; questions already asked can still be answered and read. */
export async function retire(db: Db, actor: Actor, id: string): Promise<boolean> {
	if (!isUuid(id)) return false;
	const r = await db
		.updateTable('custom_question')
		.set({ retired_at: new Date() })
		.where('id', '=', id)
		.where('region_id', '=', actor.regionId)
		.where('retired_at', 'is', null)
		.executeTakeFirst();
	if (Number(r.numUpdatedRows) !== 1) return false;
	await log(db, actor, 'question.retire', id);
	return true;
}

/** The audit row of a change to the question `id`; with the `input` written, its type and gaps. */
function log(
	db: Db,
	actor: Actor,
	action: string,
	id: string,
	input?: { type: AnswerType; texts: Texts }
) {
	return audit.record(db, {
		actorId: actor.id,
		action,
		objectType: 'custom_question',
		objectId: id,
		detail: input && { type: input.type, missing: custom.missing(input.texts, locales) }
	});
}

async function asked(db: Db, id: string): Promise<boolean> {
	const row = await db
		.selectFrom('report_question')
		.select('id')
		.where('key', '=', custom.key(id))
		.limit(1)
		.executeTakeFirst();
	return row !== undefined;
}
