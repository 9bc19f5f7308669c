// The welkomstpakket each gemeente writes for newcomers: contacts (language-neutral: names, phone
// numbers, hours) and texts per locale (welcome, waste, parking, noise). Editors write plain text —
// never HTML — and the page renders it as text. A locale an editor has not written yet falls back
// to English, then Dutch, and the page says so.
import * as audit from '../platform/audit.ts';
import type { Db } from '../platform/db/index.ts';
import { clean, cleanLine, length } from '../../shell/text.ts';
import { wholeRegion, type Role } from '../../staff/roles.ts';

import {
	CONTACT_KINDS,
	FALLBACKS,
	FIELDS,
	type Field,
	type WelcomeContact,
	type WorkerPack,
	type WorkerText
} from '../../guides/welcome.ts';

export { CONTACT_KINDS, FIELDS };
export type { Field, WorkerPack, WorkerText };
export const MAX_TEXT = 3000;

export type Editor = { id: string; role: Role; regionId: string; gemeenten: string[] };

/** The gemeenten an editor may change: their own ones (none when none is linked). */
export async function editable(db: Db, user: Editor) {
	let q = db
		.selectFrom('gemeente')
		.select(['id', 'name'])
		.where('region_id', '=', user.regionId)
		.orderBy('name');
	if (!wholeRegion(user.role)) {
		if (user.gemeenten.length === 0) return [];
		q = q.where('id', 'in', user.gemeenten);
	}
	return q.execute();
}

export async function mayEdit(db: Db, user: Editor, gemeenteId: string): Promise<boolean> {
	return (await editable(db, user)).some((g) => g.id === gemeenteId);
}

async function ensure(db: Db, gemeenteId: string): Promise<void> {
	await db
		.insertInto('welcome_pack')
		.values({ gemeente_id: gemeenteId, contacts: JSON.stringify([]) })
		.onConflict((oc) => oc.column('gemeente_id').doNothing())
		.execute();
}

/** What a worker sees; undefined when the gemeente is not in the region. */
export async function forWorker(
	db: Db,
	regionId: string,
	gemeenteId: string,
	locale: string
): Promise<WorkerPack | undefined> {
	const gemeente = await db
		.selectFrom('gemeente')
		.select(['id', 'name'])
		.where('id', '=', gemeenteId)
		.where('region_id', '=', regionId)
		.executeTakeFirst();
	if (!gemeente) return undefined;
	const pack = await db
		.selectFrom('welcome_pack')
		.selectAll()
		.where('gemeente_id', '=', gemeenteId)
		.executeTakeFirst();
	const empty = { welcome: null, waste: null, parking: null, noise: null };
	if (!pack?.published_at) return { gemeente, published: false, contacts: [], texts: empty };
	const rows = await db
		.selectFrom('welcome_text')
		.selectAll()
		.where('gemeente_id', '=', gemeenteId)
		.where('locale', 'in', [locale, ...FALLBACKS])
		.execute();
	const byLocale = new Map(rows.map((r) => [r.locale, r]));
	const texts = { ...empty } as Record<Field, WorkerText | null>;
	for (const field of FIELDS) {
		const own = byLocale.get(locale)?.[field];
		if (own) {
			texts[field] = { text: own, fallback: null };
			continue;
		}
		const fb = FALLBACKS.find((l) => byLocale.get(l)?.[field]);
		texts[field] = fb ? { text: byLocale.get(fb)![field], fallback: fb } : null;
	}
	return { gemeente, published: true, contacts: pack.contacts, texts };
}

export async function gemeenten(db: Db, regionId: string) {
	return db
		.selectFrom('gemeente')
		.leftJoin('welcome_pack', 'welcome_pack.gemeente_id', 'gemeente.id')
		.select(['gemeente.id', 'gemeente.name', 'welcome_pack.published_at'])
		.where('gemeente.region_id', '=', regionId)
		.orderBy('gemeente.name')
		.execute();
}

export type Coverage = 'complete' | 'partial' | 'missing';

/**
 * Per locale: complete when every field written in Dutch (the gemeente's own language) is also
 * written in that locale; partial when some are; missing when none are.
 */
export function coverage(
	rows: Array<Record<Field, string> & { locale: string }>,
	locales: readonly string[]
): Record<string, Coverage> {
	const nl = rows.find((r) => r.locale === 'nl');
	const wanted = FIELDS.filter((f) => (nl ? nl[f] : f === 'welcome'));
	const out: Record<string, Coverage> = {};
	for (const l of locales) {
		const row = rows.find((r) => r.locale === l);
		const have = wanted.filter((f) => row?.[f]).length;
		out[l] = have === 0 ? 'missing' : have === wanted.length ? 'complete' : 'partial';
	}
	return out;
}

export async function forEditor(db: Db, gemeenteId: string) {
	const pack = await db
		.selectFrom('welcome_pack')
		.selectAll()
		.where('gemeente_id', '=', gemeenteId)
		.executeTakeFirst();
	const texts = await db
		.selectFrom('welcome_text')
		.selectAll()
		.where('gemeente_id', '=', gemeenteId)
		.execute();
	return {
		contacts: pack?.contacts ?? [],
		publishedAt: pack?.published_at ?? null,
		texts
	};
}

export type TextErrors = Partial<Record<Field, 'required' | 'too_long'>>;

export function validateTexts(
	input: Record<string, unknown>
): { ok: true; texts: Record<Field, string> } | { ok: false; errors: TextErrors } {
	const texts = {} as Record<Field, string>;
	const errors: TextErrors = {};
	for (const f of FIELDS) {
		const v = clean(input[f]);
		if (length(v) > MAX_TEXT) errors[f] = 'too_long';
		texts[f] = v;
	}
	if (!texts.welcome) errors.welcome = 'required';
	return Object.keys(errors).length > 0 ? { ok: false, errors } : { ok: true, texts };
}

export async function saveTexts(
	db: Db,
	actorId: string,
	gemeenteId: string,
	locale: string,
	texts: Record<Field, string>
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await ensure(trx, gemeenteId);
		await trx
			.insertInto('welcome_text')
			.values({ gemeente_id: gemeenteId, locale, ...texts })
			.onConflict((oc) =>
				oc.columns(['gemeente_id', 'locale']).doUpdateSet({ ...texts, updated_at: new Date() })
			)
			.execute();
		await audit.record(trx, {
			actorId,
			action: 'welcome.texts',
			objectType: 'gemeente',
			objectId: gemeenteId,
			gemeenteId,
			detail: { locale }
		});
	});
}

export type ContactField = 'name' | 'address' | 'phone' | 'hours' | 'website';
export type ContactErrors = Array<
	Partial<Record<ContactField, 'too_long' | 'invalid' | 'required'>>
>;

const LIMITS: Record<ContactField, number> = {
	name: 120,
	address: 200,
	phone: 30,
	hours: 300,
	website: 300
};

/** A link a worker can safely open: http(s) only, no credentials, a real host name. */
export function safeUrl(value: string): boolean {
	try {
		const u = new URL(value);
		return (
			(u.protocol === 'https:' || u.protocol === 'http:') &&
			!u.username &&
			!u.password &&
			/^[a-z0-9-]+(\.[a-z0-9-]+)+$/i.test(u.hostname)
		);
	} catch {
		return false;
	}
}

export function validateContacts(
	input: Array<Record<string, unknown>>
): { ok: true; contacts: WelcomeContact[] } | { ok: false; errors: ContactErrors } {
	const contacts: WelcomeContact[] = [];
	const errors: ContactErrors = [];
	let failed = false;
	for (const [i, raw] of input.entries()) {
		const kind = raw.kind as WelcomeContact['kind'];
		const c = {
			kind,
			name: cleanLine(raw.name),
			address: cleanLine(raw.address),
			phone: cleanLine(raw.phone),
			hours: clean(raw.hours),
			website: cleanLine(raw.website)
		};
		const e: ContactErrors[number] = {};
		for (const f of Object.keys(LIMITS) as ContactField[])
			if (length(c[f]) > LIMITS[f]) e[f] = 'too_long';
		if (c.phone && !e.phone && !/^\+?[0-9][0-9 ()-]{1,28}$/.test(c.phone)) e.phone = 'invalid';
		if (c.website && !e.website && !safeUrl(c.website)) e.website = 'invalid';
		const used = c.address || c.phone || c.hours || c.website;
		if (used && !c.name) e.name = 'required';
		errors[i] = e;
		if (!CONTACT_KINDS.includes(kind)) return { ok: false, errors: [{ name: 'invalid' }] };
		if (Object.keys(e).length > 0) failed = true;
		else if (c.name) contacts.push(c);
	}
	return failed ? { ok: false, errors } : { ok: true, contacts };
}

export async function saveContacts(
	db: Db,
	actorId: string,
	gemeenteId: string,
	contacts: WelcomeContact[]
): Promise<void> {
	await db.transaction().execute(async (trx) => {
		await ensure(trx, gemeenteId);
		await trx
			.updateTable('welcome_pack')
			.set({ contacts: JSON.stringify(contacts), updated_by: actorId, updated_at: new Date() })
			.where('gemeente_id', '=', gemeenteId)
			.execute();
		await audit.record(trx, {
			actorId,
			action: 'welcome.contacts',
			objectType: 'gemeente',
			objectId: gemeenteId,
			gemeenteId,
			detail: { count: contacts.length }
		});
	});
}

/** Publishing needs a Dutch welcome text, so every fallback has something to fall back to. */
export async function setPublished(
	db: Db,
	actorId: string,
	gemeenteId: string,
	published: boolean
): Promise<{ ok: true } | { ok: false; error: 'no_text' }> {
	if (published) {
		const nl = await db
			.selectFrom('welcome_text')
			.select('welcome')
			.where('gemeente_id', '=', gemeenteId)
			.where('locale', '=', 'nl')
			.executeTakeFirst();
		if (!nl?.welcome) return { ok: false, error: 'no_text' };
	}
	await db.transaction().execute(async (trx) => {
		await ensure(trx, gemeenteId);
		await trx
			.updateTable('welcome_pack')
			.set({ published_at: published ? new Date() : null, updated_by: actorId })
			.where('gemeente_id', '=', gemeenteId)
			.execute();
		await audit.record(trx, {
			actorId,
			action: published ? 'welcome.publish' : 'welcome.unpublish',
			objectType: 'gemeente',
			objectId: gemeenteId,
			gemeenteId
		});
	});
	return { ok: true };
}

/**
 * A starting welkomstpakket for a gemeente of the model region, published so workers find it.
 * Only confirmed facts (see seed/welcome-packs.ts); an editor replaces or unpublishes it. Never
 * overwrites what an editor wrote.
 */
export async function seedDemo(
	db: Db,
	gemeenteId: string,
	demo: { contacts: WelcomeContact[]; texts: Record<string, Record<Field, string>> }
): Promise<void> {
	const existing = await db
		.selectFrom('welcome_pack')
		.select('gemeente_id')
		.where('gemeente_id', '=', gemeenteId)
		.executeTakeFirst();
	if (existing) return;
	await db.transaction().execute(async (trx) => {
		await trx
			.insertInto('welcome_pack')
			.values({
				gemeente_id: gemeenteId,
				contacts: JSON.stringify(demo.contacts),
				published_at: new Date()
			})
			.execute();
		for (const [locale, t] of Object.entries(demo.texts))
			await trx
				.insertInto('welcome_text')
				.values({ gemeente_id: gemeenteId, locale, ...t })
				.execute();
	});
}

/** The editor's gemeenten with publication state and translation coverage per locale. */
export async function overview(db: Db, user: Editor, locales: readonly string[]) {
	const list = await editable(db, user);
	if (list.length === 0) return [];
	const ids = list.map((g) => g.id);
	const packs = await db
		.selectFrom('welcome_pack')
		.select(['gemeente_id', 'published_at'])
		.where('gemeente_id', 'in', ids)
		.execute();
	const texts = await db
		.selectFrom('welcome_text')
		.selectAll()
		.where('gemeente_id', 'in', ids)
		.execute();
	return list.map((g) => ({
		id: g.id,
		name: g.name,
		publishedAt: packs.find((p) => p.gemeente_id === g.id)?.published_at ?? null,
		coverage: coverage(
			texts.filter((t) => t.gemeente_id === g.id),
			locales
		)
	}));
}
