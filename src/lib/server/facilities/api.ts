// GET /api/v1/facilities: published facilities as a GeoJSON FeatureCollection in one language.
// The body is built once per data version and filter, then answered from memory; the ETag is that
// version, so a client that has it gets 304 without the database building anything.
import { createHash } from 'node:crypto';
import { gzipSync } from 'node:zlib';
import type { Db } from '../platform/db/index.ts';
import type { Facility } from '../platform/db/schema.ts';
import * as facilities from './facilities.ts';
import { pack } from '../i18n/messages.ts';

export interface Query {
	gemeente?: string;
	category?: string;
	lang: string;
}

/** The note in the reader's language, else English, else Dutch. */
export function note(f: Pick<Facility, 'notes'>, lang: string): string | null {
	return f.notes[lang] ?? f.notes.en ?? f.notes.nl ?? null;
}

export function feature(f: Facility, lang: string, names: Record<string, string>) {
	return {
		type: 'Feature' as const,
		id: f.id,
		geometry: { type: 'Point' as const, coordinates: [f.lng, f.lat] },
		properties: {
			name: f.name,
			category: f.category,
			category_name: names[`facility_category_${f.category}`] ?? f.category,
			gemeente: f.gemeente_id,
			address: f.address,
			postcode: f.postcode,
			place: f.place,
			phone: f.phone,
			website: f.website,
			email: f.email,
			hours: { weekly: f.hours.weekly ?? {}, exceptions: f.hours.exceptions ?? [] },
			languages: f.languages,
			note: note(f, lang),
			accepts_rni: f.accepts_rni,
			new_patients: f.new_patients,
			appointment: f.appointment,
			cost: f.cost,
			wheelchair: f.wheelchair,
			verified_on: f.verified_on,
			demo: f.demo,
			url: `/${lang}/places/${f.id}`
		}
	};
}

export interface Body {
	plain: Uint8Array<ArrayBuffer>;
	/** the same bytes gzipped once, for the clients that accept it (nearly all) */
	gzip: Uint8Array<ArrayBuffer>;
}

const cache = new Map<string, Body>();
const MAX_CACHED = 64;

export async function collection(
	db: Db,
	regionId: string,
	q: Query
): Promise<{ etag: string; body: () => Promise<Body> }> {
	const v = await facilities.version(db, regionId);
	const key = `${regionId}|${v.key}|${q.gemeente ?? ''}|${q.category ?? ''}|${q.lang}`;
	const etag = `"${createHash('sha256').update(key).digest('base64url').slice(0, 27)}"`;
	return {
		etag,
		body: async () => {
			const hit = cache.get(key);
			if (hit) return hit;
			const rows = await facilities.published(db, regionId, q);
			const names = pack(q.lang, ['facility_category_']);
			const plain = new TextEncoder().encode(
				JSON.stringify({
					type: 'FeatureCollection',
					features: rows.map((f) => feature(f, q.lang, names))
				})
			);
			const body = { plain, gzip: new Uint8Array(gzipSync(plain, { level: 6 })) };
			if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
			cache.set(key, body);
			return body;
		}
	};
}
