// Regions, their gemeenten and partner organisations. Added with data (seed, CLI), never with code.
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import type { Gemeente, Partner, Region } from '../platform/db/schema.ts';
import * as contacts from '../partners/contacts.ts';
import type { RegionSeed } from './types.ts';

export function list(db: Db): Promise<Region[]> {
	return db.selectFrom('region').selectAll().orderBy('name').execute();
}

export function read(db: Db, id: string): Promise<Region | undefined> {
	return db.selectFrom('region').selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * Who the privacy statement names as controller (AVG art. 4(7), art. 13(1)(a)):
 * `settings.controller` when the region set it (e.g. "het college van B&W van Tiel"), else the
 * region by its name.
 */
export function controller(region: Pick<Region, 'name' | 'settings'>): string {
	const set = (region.settings as { controller?: unknown }).controller;
	return typeof set === 'string' && set.trim() !== '' ? set.trim() : region.name;
}

export function gemeenten(db: Db, regionId: string): Promise<Gemeente[]> {
	return db
		.selectFrom('gemeente')
		.selectAll()
		.where('region_id', '=', regionId)
		.orderBy('name')
		.execute();
}

export function partners(db: Db, regionId: string): Promise<Partner[]> {
	return db
		.selectFrom('partner')
		.selectAll()
		.where('region_id', '=', regionId)
		.where('active', '=', true)
		.orderBy('name')
		.execute();
}

/**
 * Inserts or updates a region with its gemeenten and partners. Idempotent: running it again
 * changes nothing, and it never deletes what an admin added.
 */
export async function upsert(db: Db, seed: RegionSeed): Promise<void> {
	await database.transaction(db, async (trx) => {
		await trx
			.insertInto('region')
			.values({ id: seed.slug, name: seed.name, settings: JSON.stringify(seed.settings ?? {}) })
			.onConflict((oc) => oc.column('id').doUpdateSet({ name: seed.name }))
			.execute();
		for (const g of seed.gemeenten) {
			await addGemeente(trx, seed.slug, g);
		}
		for (const p of seed.partners) {
			await trx
				.insertInto('partner')
				.values({
					id: `${seed.slug}:${p.slug}`,
					region_id: seed.slug,
					slug: p.slug,
					name: p.name,
					kind: p.kind,
					handles: JSON.stringify(p.handles),
					accepts_anonymous: p.acceptsAnonymous,
					website: p.website,
					phone: p.phone,
					category_groups: p.categoryGroups,
					referral_emails: p.referralEmails ?? [],
					languages: p.languages ?? ['nl']
				})
				.onConflict((oc) => oc.column('id').doNothing())
				.execute();
		}
	});
}

export async function addGemeente(
	db: Db,
	regionId: string,
	g: { slug: string; name: string; cbsCode?: string | null }
): Promise<void> {
	await db
		.insertInto('gemeente')
		.values({ id: g.slug, region_id: regionId, name: g.name, cbs_code: g.cbsCode ?? null })
		.onConflict((oc) => oc.column('id').doUpdateSet({ name: g.name, cbs_code: g.cbsCode ?? null }))
		.execute();
}

/** Checks an imported region file before anything is written; returns a problem or null. */
export function validateSeed(seed: RegionSeed): string | null {
	const slug = /^[a-z0-9-]{2,60}$/;
	if (!seed || typeof seed !== 'object') return 'the file must hold one region object';
	if (!slug.test(seed.slug ?? '')) return 'slug: lowercase letters, digits and dashes';
	if (!seed.name) return 'name is required';
	if (!Array.isArray(seed.gemeenten) || seed.gemeenten.length === 0)
		return 'gemeenten: at least one';
	for (const g of seed.gemeenten) {
		if (!slug.test(g.slug ?? '') || !g.name)
			return `gemeente ${JSON.stringify(g)}: slug and name required`;
	}
	if (!Array.isArray(seed.partners)) return 'partners: a list (may be empty)';
	for (const p of seed.partners) {
		if (!slug.test(p.slug ?? '') || !p.name || !p.kind || !p.handles?.nl || !p.handles?.en) {
			return `partner ${p.slug ?? '?'}: slug, name, kind and handles.nl/en required`;
		}
		if (typeof p.acceptsAnonymous !== 'boolean')
			return `partner ${p.slug}: acceptsAnonymous true/false`;
		if (contacts.validate(p.referralEmails ?? [], p.languages ?? ['nl'])) {
			return `partner ${p.slug}: referralEmails must be e-mail addresses, languages nl and/or en`;
		}
	}
	return null;
}
