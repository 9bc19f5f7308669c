// News: an editor (keeping content current is their job) writes a short story for one gemeente in
// one or more languages; each language shows on the home page in that language, and that
// gemeente's subscribers in that language get a push that only says there is news (the item
// itself never leaves the server in a push). Stories can be corrected and removed.
import { randomUUID } from 'node:crypto';
import { clean, cleanLine, length } from '../../shell/text.ts';
import * as audit from '../platform/audit.ts';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import * as push from '../push/push.ts';
import type { Role } from '../../staff/roles.ts';
import * as welcome from './welcome.ts';

export const MAX_TITLE = 80;
export const MAX_BODY = 500;

export type PostError = 'gemeente' | 'locale' | 'title' | 'body' | 'empty' | 'stale';

export interface Item {
	id: string;
	gemeenteId: string;
	gemeente: string;
	locale: string;
	title: string;
	body: string;
	createdAt: Date;
}

/** One story: its language versions, edited and removed together. */
export interface Story {
	id: string;
	gemeenteId: string;
	gemeente: string;
	version: number;
	createdAt: Date;
	texts: Record<string, { title: string; body: string }>;
}

export interface StoryInput {
	/** absent for a new story */
	story?: string;
	/** the version the edit form was filled in on */
	version?: number;
	gemeente: string;
	texts: Record<string, { title: unknown; body: unknown }>;
}

type Actor = { id: string; role: Role; regionId: string; gemeenten: string[] };

/**
 * Checks a story: a gemeente the actor may write for, and at least one language with both a
 * title and a text; a language with only one of the two is refused rather than half-published.
 */
function check(
	input: StoryInput,
	locales: readonly string[],
	gemeenten: string[]
):
	| { ok: true; texts: Record<string, { title: string; body: string }> }
	| { ok: false; error: PostError; locale?: string } {
	if (!gemeenten.includes(input.gemeente)) return { ok: false, error: 'gemeente' };
	const texts: Record<string, { title: string; body: string }> = {};
	for (const [locale, text] of Object.entries(input.texts)) {
		const title = cleanLine(text.title);
		const body = clean(text.body);
		if (!title && !body) continue;
		if (!locales.includes(locale)) return { ok: false, error: 'locale', locale };
		if (!title || length(title) > MAX_TITLE) return { ok: false, error: 'title', locale };
		if (!body || length(body) > MAX_BODY) return { ok: false, error: 'body', locale };
		texts[locale] = { title, body };
	}
	if (Object.keys(texts).length === 0) return { ok: false, error: 'empty' };
	return { ok: true, texts };
}

/**
 * Posts a new story or saves an edited one. Every language new to the story sends the news push
 * to that gemeente's subscribers in that language; a corrected text sends none again.
 */
export async function save(
	db: Db,
	actor: Actor,
	input: StoryInput,
	locales: readonly string[]
): Promise<{ ok: true; id: string } | { ok: false; error: PostError; locale?: string }> {
	const allowed = (await welcome.editable(db, actor)).map((g) => g.id);
	const checked = check(input, locales, allowed);
	if (!checked.ok) return checked;
	const id = input.story ?? randomUUID();
	const result = await database.transaction(db, async (trx) => {
		const before = input.story ? await storyRows(trx, actor.regionId, input.story) : [];
		if (input.story) {
			const version = before[0]?.version;
			// Gone, or changed since the form was filled in: refuse, the form keeps what was typed.
			if (version === undefined || version !== input.version) return 'stale' as const;
			if (!allowed.includes(before[0].gemeente_id)) return 'gemeente' as const;
		}
		const version = (before[0]?.version ?? 0) + 1;
		const kept = Object.keys(checked.texts);
		if (before.length > 0)
			await trx
				.deleteFrom('news_item')
				.where('story_id', '=', id)
				.where('locale', 'not in', kept)
				.execute();
		for (const [locale, text] of Object.entries(checked.texts)) {
			const old = before.find((r) => r.locale === locale);
			if (old) {
				await trx
					.updateTable('news_item')
					.set({ ...text, gemeente_id: input.gemeente, version })
					.where('id', '=', old.id)
					.execute();
			} else {
				await trx
					.insertInto('news_item')
					.values({
						id: randomUUID(),
						story_id: id,
						version,
						gemeente_id: input.gemeente,
						locale,
						...text,
						created_by: actor.id
					})
					.execute();
				// Queued with the item: a failed post sends nothing.
				await push.onNews(trx, { gemeenteId: input.gemeente, locale });
			}
		}
		await trx.updateTable('news_item').set({ version }).where('story_id', '=', id).execute();
		await audit.record(trx, {
			actorId: actor.id,
			action: input.story ? 'news.edit' : 'news.post',
			objectType: 'news_item',
			objectId: id,
			gemeenteId: input.gemeente,
			detail: { locales: kept }
		});
		return null;
	});
	if (result) return { ok: false, error: result };
	return { ok: true, id };
}

/** Removes a story in every language; false when it is not there (or not the actor's to remove). */
export async function remove(db: Db, actor: Actor, story: string): Promise<boolean> {
	const allowed = (await welcome.editable(db, actor)).map((g) => g.id);
	return database.transaction(db, async (trx) => {
		const rows = await storyRows(trx, actor.regionId, story);
		if (rows.length === 0 || !allowed.includes(rows[0].gemeente_id)) return false;
		await trx.deleteFrom('news_item').where('story_id', '=', story).execute();
		await audit.record(trx, {
			actorId: actor.id,
			action: 'news.remove',
			objectType: 'news_item',
			objectId: story,
			gemeenteId: rows[0].gemeente_id,
			detail: { locales: rows.map((r) => r.locale) }
		});
		return true;
	});
}

function storyRows(db: Db, regionId: string, story: string) {
	return db
		.selectFrom('news_item as n')
		.innerJoin('gemeente as g', 'g.id', 'n.gemeente_id')
		.select(['n.id', 'n.locale', 'n.version', 'n.gemeente_id'])
		.where('n.story_id', '=', story)
		.where('g.region_id', '=', regionId)
		.forUpdate()
		.execute();
}

/** One story with all its languages, for the edit form. */
export async function story(db: Db, regionId: string, id: string): Promise<Story | undefined> {
	return (await stories(db, regionId, { id }))[0];
}

/** The region's recent stories for the staff page, newest first, every language together. */
export async function stories(
	db: Db,
	regionId: string,
	opts: { id?: string; limit?: number } = {}
): Promise<Story[]> {
	let q = db
		.selectFrom('news_item as n')
		.innerJoin('gemeente as g', 'g.id', 'n.gemeente_id')
		.select(['n.story_id', 'n.gemeente_id', 'g.name', 'n.locale', 'n.title', 'n.body'])
		.select(['n.version', 'n.created_at'])
		.where('g.region_id', '=', regionId)
		.orderBy('n.created_at', 'desc')
		.orderBy('n.locale');
	if (opts.id) q = q.where('n.story_id', '=', opts.id);
	const out = new Map<string, Story>();
	for (const r of await q.limit(opts.id ? 100 : 20 * 13).execute()) {
		let s = out.get(r.story_id);
		if (!s) {
			s = {
				id: r.story_id,
				gemeenteId: r.gemeente_id,
				gemeente: r.name,
				version: r.version,
				createdAt: r.created_at,
				texts: {}
			};
			out.set(r.story_id, s);
		}
		s.texts[r.locale] = { title: r.title, body: r.body };
	}
	return [...out.values()].slice(0, opts.limit ?? 20);
}

/** The newest items in a language, across the region's gemeenten. */
export async function latest(db: Db, regionId: string, locale: string, limit = 3): Promise<Item[]> {
	const rows = await db
		.selectFrom('news_item as n')
		.innerJoin('gemeente as g', 'g.id', 'n.gemeente_id')
		.select(['n.id', 'n.gemeente_id as gemeenteId', 'g.name as gemeente', 'n.locale'])
		.select(['n.title', 'n.body', 'n.created_at'])
		.where('g.region_id', '=', regionId)
		.where('n.locale', '=', locale)
		.orderBy('n.created_at', 'desc')
		.limit(limit)
		.execute();
	return rows.map(({ created_at, ...r }) => ({ ...r, createdAt: created_at }));
}

/** How many devices get news of each gemeente, per language (counts only). */
export async function subscriberCounts(db: Db, regionId: string) {
	const rows = await db
		.selectFrom('push_subscription as s')
		.innerJoin('gemeente as g', 'g.id', 's.gemeente_id')
		.select(['g.id as gemeente', 's.locale', (eb) => eb.fn.countAll<string>().as('n')])
		.where('s.topic', '=', 'news')
		.where('g.region_id', '=', regionId)
		.groupBy(['g.id', 's.locale'])
		.execute();
	return rows.map((r) => ({ gemeente: r.gemeente, locale: r.locale, count: Number(r.n) }));
}
