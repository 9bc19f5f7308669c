// Brings texts an earlier version seeded to today's wording (issue #16: the informal voice, and a
// welkomstpakket and a demo address that stated what no source confirmed). A stored text still
// equal to a former seeded wording (former-wordings.ts) was never edited and is replaced; anything
// an editor wrote stays. Runs with every seed: once replaced, a text equals no former wording, so
// each changes once. Every update repeats its comparison, so an edit saved meanwhile is kept.
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';
import { FIELDS, type Field, type WelcomeContact } from '../../../guides/welcome.ts';
import type { RegionSeed } from '../../regions/types.ts';
import * as demoFacilities from './facilities.ts';
import * as former from './former-wordings.ts';
import * as starterSurvey from './starter-survey.ts';
import * as welcomePacks from './welcome-packs.ts';

type Texts = Record<string, string>;

export interface Reworded {
	survey: number;
	welcome: number;
	facilities: number;
}

export async function run(db: Db, region: RegionSeed): Promise<Reworded> {
	return {
		survey: await survey(db, region.slug),
		welcome: await welcome(db, region.gemeenten),
		facilities: await facilities(db)
	};
}

/**
 * Per locale: today's text where the stored one is a former wording of the same text, else the
 * stored one. `changed` counts the replaced locales.
 */
export function replace(
	stored: Texts,
	formerByLocale: Record<string, string[]> | undefined,
	today: Texts
): { texts: Texts; changed: number } {
	let changed = 0;
	const texts = { ...stored };
	for (const [locale, text] of Object.entries(stored))
		if (today[locale] !== undefined && formerByLocale?.[locale]?.includes(text)) {
			texts[locale] = today[locale];
			changed++;
		}
	return { texts, changed };
}

const sameJson = (column: string, value: unknown) =>
	sql<boolean>`${sql.ref(column)} = ${JSON.stringify(value)}::jsonb`;

/**
 * The starter survey's title and current questions. Changed in place, not as a new version: the
 * question asks the same, only the form of address differs, and a new version would split its
 * results in two. Retired versions keep the wording their answers were given to.
 */
async function survey(db: Db, regionId: string): Promise<number> {
	const s = await db
		.selectFrom('survey')
		.select(['id', 'title', 'titles'])
		.where('region_id', '=', regionId)
		.where('series', '=', starterSurvey.SERIES)
		.executeTakeFirst();
	if (!s) return 0;
	const today = starterSurvey.wording();
	let n = 0;
	const titles = replace(s.titles, former.starterSurvey.title, today.title);
	const title = former.starterSurvey.title.nl?.includes(s.title) ? today.title.nl : s.title;
	if (titles.changed > 0 || title !== s.title) {
		const r = await db
			.updateTable('survey')
			.set({ title, titles: JSON.stringify(titles.texts) })
			.where('id', '=', s.id)
			.where('title', '=', s.title)
			.where(sameJson('titles', s.titles))
			.executeTakeFirst();
		if (r.numUpdatedRows > 0n) n += titles.changed + (title === s.title ? 0 : 1);
	}
	const rows = await db
		.selectFrom('survey_question')
		.select(['id', 'key', 'texts'])
		.where('survey_id', '=', s.id)
		.where('retired_at', 'is', null)
		.execute();
	for (const q of rows) {
		const todayTexts = today.questions[q.key];
		if (!todayTexts) continue;
		const next = replace(q.texts, former.starterSurvey[q.key], todayTexts);
		if (next.changed === 0) continue;
		const r = await db
			.updateTable('survey_question')
			.set({ texts: JSON.stringify(next.texts) })
			.where('id', '=', q.id)
			.where(sameJson('texts', q.texts))
			.executeTakeFirst();
		if (r.numUpdatedRows > 0n) n += next.changed;
	}
	return n;
}

const sameRow = (a: Record<Field, string>, b: Record<Field, string> | undefined) =>
	b !== undefined && FIELDS.every((f) => a[f] === b[f]);

/**
 * Each gemeente's welkomstpakket, a locale's row at a time (an editor saves all its fields at
 * once). A pack of seeded rows only also gets the locales the seed has since added: Tiel's first
 * demo had nl and en.
 */
async function welcome(db: Db, gemeenten: RegionSeed['gemeenten']): Promise<number> {
	let n = 0;
	for (const g of gemeenten) {
		const pack = await db
			.selectFrom('welcome_pack')
			.select('contacts')
			.where('gemeente_id', '=', g.slug)
			.executeTakeFirst();
		if (!pack) continue;
		const today = welcomePacks.texts(g.name);
		const formerRows = (locale: string) =>
			(former.welcomeTexts[locale] ?? []).map(
				(row) =>
					Object.fromEntries(FIELDS.map((f) => [f, row[f].replaceAll('{name}', g.name)])) as Record<
						Field,
						string
					>
			);
		const rows = await db
			.selectFrom('welcome_text')
			.select(['locale', ...FIELDS])
			.where('gemeente_id', '=', g.slug)
			.execute();
		let seededOnly = rows.length > 0;
		for (const row of rows) {
			const isFormer = formerRows(row.locale).some((f) => sameRow(row, f));
			seededOnly &&= isFormer || sameRow(row, today[row.locale]);
			if (!isFormer || !today[row.locale]) continue;
			let q = db
				.updateTable('welcome_text')
				.set({ ...today[row.locale], updated_at: new Date() })
				.where('gemeente_id', '=', g.slug)
				.where('locale', '=', row.locale);
			for (const f of FIELDS) q = q.where(f, '=', row[f]);
			const r = await q.executeTakeFirst();
			if (r.numUpdatedRows > 0n) n++;
		}
		if (seededOnly) {
			const have = new Set(rows.map((r) => r.locale));
			const missing = Object.entries(today).filter(([locale]) => !have.has(locale));
			if (missing.length > 0) {
				const r = await db
					.insertInto('welcome_text')
					.values(missing.map(([locale, t]) => ({ gemeente_id: g.slug, locale, ...t })))
					.onConflict((oc) => oc.columns(['gemeente_id', 'locale']).doNothing())
					.executeTakeFirst();
				n += Number(r.numInsertedOrUpdatedRows ?? 0n);
			}
		}
		n += await contacts(db, g.slug, pack.contacts);
	}
	return n;
}

async function contacts(db: Db, gemeente: string, stored: WelcomeContact[]): Promise<number> {
	const was = (former.welcomeContacts[gemeente] ?? []).find(
		(list) => JSON.stringify(list) === JSON.stringify(stored.map(inOrder))
	);
	if (!was) return 0;
	const r = await db
		.updateTable('welcome_pack')
		.set({ contacts: JSON.stringify(welcomePacks.contacts(gemeente)), updated_at: new Date() })
		.where('gemeente_id', '=', gemeente)
		.where(sameJson('contacts', was))
		.executeTakeFirst();
	return r.numUpdatedRows > 0n ? 1 : 0;
}

/** jsonb keeps its own key order; the former lists are written in the type's order. */
const inOrder = (c: WelcomeContact): WelcomeContact => ({
	kind: c.kind,
	name: c.name,
	address: c.address,
	phone: c.phone,
	hours: c.hours,
	website: c.website
});

/** Demo facilities nobody saved yet (an editor's save clears `demo`). */
async function facilities(db: Db): Promise<number> {
	let n = 0;
	for (const [key, fields] of Object.entries(former.facilities)) {
		const today = demoFacilities.DEMO.find((d) => d.key === key);
		if (!today) continue;
		for (const [field, values] of Object.entries(fields) as Array<
			['address' | 'postcode', string[]]
		>) {
			const r = await db
				.updateTable('facility')
				.set({ [field]: today[field], updated_at: new Date() })
				.where('id', '=', demoFacilities.demoId(key))
				.where('demo', '=', true)
				.where(field, 'in', values)
				.executeTakeFirst();
			n += Number(r.numUpdatedRows);
		}
	}
	return n;
}
