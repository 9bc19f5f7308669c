// Standard replies coordinators add to the built-in ones. A reply is only usable once it exists in
// every worker language, so a reporter always reads it in their own language (issue #4); until then
// it is kept as a draft and never offered on a case (issue #19).
import { locales } from '../../paraglide/runtime.js';
import * as audit from '../platform/audit.ts';
import type { Updateable } from 'kysely';
import type { Db } from '../platform/db/index.ts';
import type { ReplyTemplateTable } from '../platform/db/schema.ts';
import { clean, length } from '../../shell/text.ts';
import { isUuid } from '../../shell/uuid.ts';

export const MAX_TEXT = 2000;

export type TemplateError = 'title' | 'dutch' | 'too_long';

/** The typed reply cleaned, with the languages still missing (any: a draft). Dutch is required. */
export function validate(
	input: { title: string; texts: Record<string, string> },
	locales: readonly string[]
):
	| { ok: true; title: string; texts: Record<string, string>; missing: string[] }
	| { ok: false; error: TemplateError; missing: string[] } {
	const title = clean(input.title).replace(/\s+/g, ' ');
	if (!title || length(title) > 120) return { ok: false, error: 'title', missing: [] };
	const texts: Record<string, string> = {};
	const missing: string[] = [];
	for (const l of locales) {
		const t = clean(input.texts[l] ?? '');
		if (!t) missing.push(l);
		else if (length(t) > MAX_TEXT) return { ok: false, error: 'too_long', missing: [l] };
		else texts[l] = t;
	}
	if (missing.includes('nl')) return { ok: false, error: 'dutch', missing };
	return { ok: true, title, texts, missing };
}

/** The worker languages a stored reply is not written in yet; any: a draft. */
export function missing(texts: Record<string, string>): string[] {
	return locales.filter((l) => !texts[l]);
}

/** The region's replies; `usableOnly`: switched on and written in every language. */
export async function list(db: Db, regionId: string, usableOnly = false) {
	let q = db
		.selectFrom('reply_template')
		.selectAll()
		.where('region_id', '=', regionId)
		.orderBy('title');
	if (usableOnly) q = q.where('active', '=', true);
	const rows = await q.execute();
	return usableOnly ? rows.filter((t) => missing(t.texts).length === 0) : rows;
}

type Actor = { id: string; regionId: string };

type Checked = { title: string; texts: Record<string, string>; missing: string[] };

/**
 * Stores a new reply under `id`, which the form carries from the moment it is shown, so the same
 * form sent twice stores one reply. False: that id exists already.
 */
export async function create(db: Db, actor: Actor, id: string, input: Checked): Promise<boolean> {
	if (!isUuid(id)) return false;
	const r = await db
		.insertInto('reply_template')
		.values({
			id,
			region_id: actor.regionId,
			title: input.title,
			texts: JSON.stringify(input.texts),
			created_by: actor.id
		})
		.onConflict((c) => c.column('id').doNothing())
		.executeTakeFirst();
	if (Number(r.numInsertedOrUpdatedRows ?? 0) !== 1) return false;
	await log(db, actor, 'template.add', id, { missing: input.missing });
	return true;
}

/** Rewrites a reply of the region; a draft becomes usable once no language is missing. */
export async function update(db: Db, actor: Actor, id: string, input: Checked): Promise<boolean> {
	const values = { title: input.title, texts: JSON.stringify(input.texts) };
	if (!(await change(db, actor, id, values))) return false;
	await log(db, actor, 'template.edit', id, { missing: input.missing });
	return true;
}

export async function setActive(
	db: Db,
	actor: Actor,
	id: string,
	active: boolean
): Promise<boolean> {
	if (!(await change(db, actor, id, { active }))) return false;
	await log(db, actor, active ? 'template.enable' : 'template.disable', id);
	return true;
}

/** Writes `values` to the region's reply `id`; false when it has no such reply. */
async function change(
	db: Db,
	actor: Actor,
	id: string,
	values: Updateable<ReplyTemplateTable>
): Promise<boolean> {
	if (!isUuid(id)) return false;
	const r = await db
		.updateTable('reply_template')
		.set(values)
		.where('id', '=', id)
		.where('region_id', '=', actor.regionId)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

/** The audit row of a change to the reply `id`. */
function log(db: Db, actor: Actor, action: string, id: string, detail?: Record<string, unknown>) {
	return audit.record(db, {
		actorId: actor.id,
		action,
		objectType: 'reply_template',
		objectId: id,
		detail
	});
}

export async function read(db: Db, regionId: string, id: string) {
	if (!isUuid(id)) return undefined;
	return db
		.selectFrom('reply_template')
		.selectAll()
		.where('id', '=', id)
		.where('region_id', '=', regionId)
		.executeTakeFirst();
}

/** The text of each custom template used in `ids`, in `locale` (falling back to Dutch). */
export async function texts(
	db: Db,
	ids: string[],
	locale: string
): Promise<Record<string, string>> {
	const valid = ids.filter((id) => isUuid(id));
	if (valid.length === 0) return {};
	const rows = await db
		.selectFrom('reply_template')
		.select(['id', 'texts'])
		.where('id', 'in', valid)
		.execute();
	return Object.fromEntries(rows.map((r) => [r.id, r.texts[locale] ?? r.texts.nl ?? '']));
}
