// News items: a coordinator writes a short item for one gemeente in one language; it shows on the
// home page in that language, and that gemeente's subscribers in that language get a push that
// only says there is news (the item itself never leaves the server in a push).
import { randomUUID } from 'node:crypto';
import { clean, cleanLine, length } from '../../shell/text.ts';
import * as audit from '../platform/audit.ts';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import * as push from '../push/push.ts';

export const MAX_TITLE = 80;
export const MAX_BODY = 500;

export type PostError = 'gemeente' | 'locale' | 'title' | 'body';

export interface Item {
	id: string;
	gemeenteId: string;
	gemeente: string;
	locale: string;
	title: string;
	body: string;
	createdAt: Date;
}

export async function post(
	db: Db,
	actor: { id: string; regionId: string },
	input: { gemeente: string; locale: string; title: unknown; body: unknown },
	locales: readonly string[]
): Promise<{ ok: true; id: string } | { ok: false; error: PostError }> {
	const title = cleanLine(input.title);
	const body = clean(input.body);
	const gemeente = await db
		.selectFrom('gemeente')
		.select('id')
		.where('id', '=', input.gemeente)
		.where('region_id', '=', actor.regionId)
		.executeTakeFirst();
	if (!gemeente) return { ok: false, error: 'gemeente' };
	if (!locales.includes(input.locale)) return { ok: false, error: 'locale' };
	if (!title || length(title) > MAX_TITLE) return { ok: false, error: 'title' };
	if (!body || length(body) > MAX_BODY) return { ok: false, error: 'body' };
	const id = randomUUID();
	await database.transaction(db, async (trx) => {
		await trx
			.insertInto('news_item')
			.values({
				id,
				gemeente_id: gemeente.id,
				locale: input.locale,
				title,
				body,
				created_by: actor.id
			})
			.execute();
		await audit.record(trx, {
			actorId: actor.id,
			action: 'news.post',
			objectType: 'news_item',
			objectId: id,
			gemeenteId: gemeente.id,
			detail: { locale: input.locale }
		});
		// Queued with the item: a failed post sends nothing.
		await push.onNews(trx, { gemeenteId: gemeente.id, locale: input.locale });
	});
	return { ok: true, id };
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

/** Recent items of the region for the staff page, any language. */
export async function recent(db: Db, regionId: string, limit = 20): Promise<Item[]> {
	const rows = await db
		.selectFrom('news_item as n')
		.innerJoin('gemeente as g', 'g.id', 'n.gemeente_id')
		.select(['n.id', 'n.gemeente_id as gemeenteId', 'g.name as gemeente', 'n.locale'])
		.select(['n.title', 'n.body', 'n.created_at'])
		.where('g.region_id', '=', regionId)
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
