// Voorzieningen (issue #5): validation of one facility record, the worker's published list, the
// editors' scoped CRUD, all-or-nothing imports, exports, and the demo set. Every change is audited.
import { dutchDate } from '../../shell/dutch-date.ts';
import { randomUUID } from 'node:crypto';
import * as audit from '../platform/audit.ts';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import type { Facility } from '../platform/db/schema.ts';
import * as v from 'valibot';
import { CATEGORIES, type Category } from '../../facilities/categories.ts';
import { formatExceptions, formatWeekly, type OpeningHours } from '../../facilities/hours.ts';
import { locales } from '../../paraglide/runtime.js';
import * as schema from './schema.ts';
import { cleanLine } from '../../shell/text.ts';
import { can, wholeRegion, type Role } from '../../staff/roles.ts';
import { NL } from '../../shell/nl.ts';
import { isUuid } from '../../shell/uuid.ts';

export { NL };

export const NOTE_FIELDS = locales.map((l) => `note_${l}`);
/** Columns of a CSV file and properties of a GeoJSON feature, in export order. */
export const FIELDS = [
	'id',
	'gemeente',
	'category',
	'name',
	'address',
	'postcode',
	'place',
	'lat',
	'lng',
	'phone',
	'website',
	'email',
	'hours',
	'exceptions',
	'languages',
	'accepts_rni',
	'new_patients',
	'appointment',
	'cost',
	'wheelchair',
	'published',
	'verified_on',
	...NOTE_FIELDS
];
export const REQUIRED = ['gemeente', 'category', 'name', 'lat', 'lng'];
export const ATTRIBUTES = [
	'accepts_rni',
	'new_patients',
	'appointment',
	'wheelchair',
	'published'
] as const;

export type Reason =
	| 'required'
	| 'too_long'
	| 'gemeente'
	| 'category'
	| 'number'
	| 'outside_nl'
	| 'hours'
	| 'exceptions'
	| 'date'
	| 'phone'
	| 'website'
	| 'email'
	| 'language'
	| 'yes_no'
	| 'cost'
	| 'unknown_id'
	| 'unknown_column'
	| 'missing_column'
	| 'cells'
	| 'geometry';

export interface FieldError {
	field: string;
	reason: Reason;
}

export interface Input {
	id: string | null;
	gemeenteId: string;
	category: Category;
	name: string;
	address: string;
	postcode: string;
	place: string;
	lat: number;
	lng: number;
	phone: string | null;
	website: string | null;
	email: string | null;
	hours: OpeningHours;
	languages: string[];
	notes: Record<string, string>;
	acceptsRni: boolean | null;
	newPatients: boolean | null;
	appointment: boolean | null;
	cost: 'free' | 'paid' | null;
	wheelchair: boolean | null;
	published: boolean;
	verifiedOn: string | null;
}

/**
 * Checks one record as editors type it (all values strings, as in a form or a CSV row) against the
 * gemeenten the editor may use, with the schema in schema.ts. Returns every error, not only the
 * first: one per field, in column order.
 */
export function validate(
	raw: Record<string, string | undefined>,
	gemeenten: ReadonlySet<string>
): { ok: true; value: Input } | { ok: false; errors: FieldError[] } {
	const result = v.safeParse(schema.record(gemeenten), raw);
	const errors: FieldError[] = [];
	for (const issue of result.issues ?? []) {
		const field = String(issue.path?.[0]?.key ?? '');
		if (!errors.some((e) => e.field === field))
			errors.push({ field, reason: issue.message as Reason });
	}
	// Both coordinates read as numbers: each must lie in the box around the Netherlands.
	const out = result.output as Partial<v.InferOutput<ReturnType<typeof schema.record>>>;
	const { lat, lng } = out;
	if (typeof lat === 'number' && typeof lng === 'number') {
		const at = FIELDS.indexOf('lat');
		const outside: FieldError[] = [];
		if (lat < NL.south || lat > NL.north) outside.push({ field: 'lat', reason: 'outside_nl' });
		if (lng < NL.west || lng > NL.east) outside.push({ field: 'lng', reason: 'outside_nl' });
		const before = errors.filter((e) => FIELDS.indexOf(e.field) < at);
		errors.splice(0, errors.length, ...before, ...outside, ...errors.slice(before.length));
	}
	if (!result.success || errors.length > 0) return { ok: false, errors };
	const r = result.output;
	const notes: Record<string, string> = {};
	for (const l of locales) {
		const note = (r as Record<string, unknown>)[`note_${l}`];
		if (typeof note === 'string' && note) notes[l] = note;
	}
	return {
		ok: true,
		value: {
			id: r.id,
			gemeenteId: r.gemeente,
			category: r.category,
			name: r.name,
			address: r.address,
			postcode: r.postcode,
			place: r.place,
			lat: r.lat as number,
			lng: r.lng as number,
			phone: r.phone,
			website: r.website,
			email: r.email,
			hours: { weekly: r.hours, exceptions: r.exceptions },
			languages: r.languages,
			notes,
			acceptsRni: r.accepts_rni,
			newPatients: r.new_patients,
			appointment: r.appointment,
			cost: r.cost,
			wheelchair: r.wheelchair,
			published: r.published ?? false,
			verifiedOn: r.verified_on
		}
	};
}

/** A stored facility as the flat strings of a form, a CSV row or GeoJSON properties. */
export function toRecord(f: Facility): Record<string, string> {
	const yn = (v: boolean | null) => (v === null ? '' : v ? 'yes' : 'no');
	const out: Record<string, string> = {
		id: f.id,
		gemeente: f.gemeente_id,
		category: f.category,
		name: f.name,
		address: f.address,
		postcode: f.postcode,
		place: f.place,
		lat: String(f.lat),
		lng: String(f.lng),
		phone: f.phone ?? '',
		website: f.website ?? '',
		email: f.email ?? '',
		hours: formatWeekly(f.hours.weekly),
		exceptions: formatExceptions(f.hours.exceptions),
		languages: f.languages.join(' '),
		accepts_rni: yn(f.accepts_rni),
		new_patients: yn(f.new_patients),
		appointment: yn(f.appointment),
		cost: f.cost ?? '',
		wheelchair: yn(f.wheelchair),
		published: yn(f.published),
		verified_on: f.verified_on ?? ''
	};
	for (const l of locales) out[`note_${l}`] = f.notes[l] ?? '';
	return out;
}

function columns(input: Input) {
	return {
		gemeente_id: input.gemeenteId,
		category: input.category,
		name: input.name,
		address: input.address,
		postcode: input.postcode,
		place: input.place,
		lat: input.lat,
		lng: input.lng,
		phone: input.phone,
		website: input.website,
		email: input.email,
		hours: JSON.stringify(input.hours),
		languages: input.languages,
		notes: JSON.stringify(input.notes),
		accepts_rni: input.acceptsRni,
		new_patients: input.newPatients,
		appointment: input.appointment,
		cost: input.cost,
		wheelchair: input.wheelchair,
		published: input.published,
		verified_on: input.verifiedOn
	};
}

// --- the worker side ---------------------------------------------------------------------------

export interface Filters {
	gemeente?: string;
	category?: string;
}

/** Published facilities of a region, optionally of one gemeente and category. */
export function published(db: Db, regionId: string, filters: Filters = {}): Promise<Facility[]> {
	let q = db
		.selectFrom('facility')
		.selectAll()
		.where('region_id', '=', regionId)
		.where('published', '=', true)
		.orderBy('name')
		.orderBy('id');
	if (filters.gemeente) q = q.where('gemeente_id', '=', filters.gemeente);
	if (filters.category) q = q.where('category', '=', filters.category);
	return q.execute();
}

export function readPublished(db: Db, regionId: string, id: string) {
	if (!isUuid(id)) return Promise.resolve(undefined);
	return db
		.selectFrom('facility')
		.selectAll()
		.where('id', '=', id)
		.where('region_id', '=', regionId)
		.where('published', '=', true)
		.executeTakeFirst();
}

/** Changes whenever a facility of the region is added, changed or removed (ETag, freshness). */
export async function version(db: Db, regionId: string): Promise<{ key: string; at: Date | null }> {
	// Raised by a trigger on every change (migration 0008), so a read is one primary-key lookup.
	const r = await db
		.selectFrom('facility_version')
		.select(['version', 'changed_at'])
		.where('region_id', '=', regionId)
		.executeTakeFirst();
	return { key: r ? String(r.version) : '0', at: r ? new Date(r.changed_at) : null };
}

// --- the editor side ---------------------------------------------------------------------------

export interface Actor {
	id: string;
	role: Role;
	regionId: string;
	gemeenten: string[];
}

/**
 * Gemeenten an actor may change. Coordinators and admins: the whole region. An editor: the
 * gemeenten linked to them only (another gemeente's facility is "not found"); none when none is.
 */
export async function editableGemeenten(db: Db, actor: Actor): Promise<Set<string>> {
	const rows = await db
		.selectFrom('gemeente')
		.select('id')
		.where('region_id', '=', actor.regionId)
		.execute();
	const all = rows.map((r) => r.id);
	if (wholeRegion(actor.role)) return new Set(all);
	if (!can(actor.role, 'content')) return new Set();
	return new Set(all.filter((g) => actor.gemeenten.includes(g)));
}

export async function list(
	db: Db,
	actor: Actor,
	filters: Filters & { demo?: boolean } = {}
): Promise<Facility[]> {
	const scope = [...(await editableGemeenten(db, actor))];
	if (scope.length === 0) return [];
	let q = db
		.selectFrom('facility')
		.selectAll()
		.where('region_id', '=', actor.regionId)
		.where('gemeente_id', 'in', scope)
		.orderBy('gemeente_id')
		.orderBy('name')
		.orderBy('id');
	if (filters.gemeente) q = q.where('gemeente_id', '=', filters.gemeente);
	if (filters.category) q = q.where('category', '=', filters.category);
	if (filters.demo !== undefined) q = q.where('demo', '=', filters.demo);
	return q.execute();
}

/** One facility the actor may edit, or undefined (the route answers 404 either way). */
export async function read(db: Db, actor: Actor, id: string): Promise<Facility | undefined> {
	if (!isUuid(id)) return undefined;
	const f = await db
		.selectFrom('facility')
		.selectAll()
		.where('id', '=', id)
		.where('region_id', '=', actor.regionId)
		.executeTakeFirst();
	if (!f || !(await editableGemeenten(db, actor)).has(f.gemeente_id)) return undefined;
	return f;
}

export async function create(db: Db, actor: Actor, input: Input, demo = false): Promise<string> {
	const id = input.id ?? randomUUID();
	await database.transaction(db, async (trx) => {
		await trx
			.insertInto('facility')
			.values({ id, region_id: actor.regionId, demo, updated_at: new Date(), ...columns(input) })
			.execute();
		await audit.record(trx, {
			actorId: actor.id,
			action: 'facility.create',
			objectType: 'facility',
			objectId: id,
			gemeenteId: input.gemeenteId
		});
	});
	return id;
}

/** Saves an edit; false when the facility is not the actor's to change. */
export async function update(db: Db, actor: Actor, id: string, input: Input): Promise<boolean> {
	return database.transaction(db, async (trx) => {
		if (!(await read(trx, actor, id))) return false;
		// An editor who saves a demo row makes it their own data: it is no longer demo.
		await trx
			.updateTable('facility')
			.set({ ...columns(input), demo: false, updated_at: new Date() })
			.where('id', '=', id)
			.execute();
		await audit.record(trx, {
			actorId: actor.id,
			action: 'facility.update',
			objectType: 'facility',
			objectId: id,
			gemeenteId: input.gemeenteId
		});
		return true;
	});
}

export type Change = 'publish' | 'unpublish' | 'verify' | 'delete';

export async function change(
	db: Db,
	actor: Actor,
	id: string,
	what: Change,
	today = new Date()
): Promise<boolean> {
	return database.transaction(db, async (trx) => {
		const f = await read(trx, actor, id);
		if (!f) return false;
		const q = trx.updateTable('facility').where('id', '=', id);
		if (what === 'delete') await trx.deleteFrom('facility').where('id', '=', id).execute();
		else if (what === 'verify')
			await q.set({ verified_on: dutchDate(today), demo: false, updated_at: new Date() }).execute();
		else await q.set({ published: what === 'publish', updated_at: new Date() }).execute();
		await audit.record(trx, {
			actorId: actor.id,
			action: `facility.${what}`,
			objectType: 'facility',
			objectId: id,
			gemeenteId: f.gemeente_id
		});
		return true;
	});
}

export interface RowError extends FieldError {
	/** line in the CSV file (header = 1) or feature number in a GeoJSON file */
	line: number;
}

export const MAX_ROWS = 5000;

/**
 * Validates every row first; writes only when none has an error, in one transaction: all rows or
 * none. A row with an id updates that facility (it must be the actor's), without one adds a new one.
 */
export async function importRows(
	db: Db,
	actor: Actor,
	rows: Array<{ line: number; record: Record<string, string> }>
): Promise<{ ok: true; created: number; updated: number } | { ok: false; errors: RowError[] }> {
	const gemeenten = await editableGemeenten(db, actor);
	const errors: RowError[] = [];
	const valid: Input[] = [];
	for (const { line, record } of rows) {
		const r = validate(record, gemeenten);
		if (r.ok) valid.push(r.value);
		else errors.push(...r.errors.map((e) => ({ line, ...e })));
	}
	const ids = valid.map((v) => v.id).filter((id): id is string => id !== null);
	const existing = new Set(
		ids.length === 0
			? []
			: (
					await db
						.selectFrom('facility')
						.select(['id', 'gemeente_id'])
						.where('id', 'in', ids)
						.where('region_id', '=', actor.regionId)
						.execute()
				)
					.filter((f) => gemeenten.has(f.gemeente_id))
					.map((f) => f.id)
	);
	const seen = new Set<string>();
	rows.forEach(({ line, record }) => {
		const id = cleanLine(record.id ?? '').toLowerCase();
		if (!id || !isUuid(id)) return;
		if (!existing.has(id) || seen.has(id)) errors.push({ line, field: 'id', reason: 'unknown_id' });
		seen.add(id);
	});
	if (errors.length > 0) {
		errors.sort((a, b) => a.line - b.line);
		return { ok: false, errors };
	}
	let created = 0;
	let updated = 0;
	await database.transaction(db, async (trx) => {
		const now = new Date();
		for (const input of valid) {
			if (input.id) {
				await trx
					.updateTable('facility')
					.set({ ...columns(input), demo: false, updated_at: now })
					.where('id', '=', input.id)
					.execute();
				updated++;
			} else {
				await trx
					.insertInto('facility')
					.values({
						id: randomUUID(),
						region_id: actor.regionId,
						updated_at: now,
						...columns(input)
					})
					.execute();
				created++;
			}
		}
		await audit.record(trx, {
			actorId: actor.id,
			action: 'facility.import',
			objectType: 'facility',
			detail: { created, updated }
		});
	});
	return { ok: true, created, updated };
}

/** Deletes the demo facilities the actor may edit, in one go. */
export async function removeDemo(db: Db, actor: Actor): Promise<number> {
	const scope = [...(await editableGemeenten(db, actor))];
	if (scope.length === 0) return 0;
	return database.transaction(db, async (trx) => {
		const r = await trx
			.deleteFrom('facility')
			.where('region_id', '=', actor.regionId)
			.where('demo', '=', true)
			.where('gemeente_id', 'in', scope)
			.executeTakeFirst();
		const n = Number(r.numDeletedRows);
		await audit.record(trx, {
			actorId: actor.id,
			action: 'facility.demo_remove',
			objectType: 'facility',
			detail: { removed: n }
		});
		return n;
	});
}

export async function recordExport(db: Db, actor: Actor, format: string, n: number) {
	await audit.record(db, {
		actorId: actor.id,
		action: 'facility.export',
		objectType: 'facility',
		detail: { format, rows: n }
	});
}

export { CATEGORIES };
