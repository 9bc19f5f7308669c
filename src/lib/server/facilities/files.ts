// Facility files: CSV (RFC 4180, UTF-8) and GeoJSON, read into rows for facilities.importRows and
// written from stored facilities. A file with a wrong encoding, a wrong column or a broken shape
// is refused as a whole, before any row is looked at.
import * as v from 'valibot';
import * as csv from '../platform/csv.ts';
import type { Facility } from '../platform/db/schema.ts';
import * as schema from './schema.ts';
import { FIELDS, MAX_ROWS, REQUIRED, toRecord, type RowError } from './facilities.ts';

/** Largest file an editor may import. The request limit (BODY_SIZE_LIMIT) is higher on purpose. */
export const MAX_BYTES = 10 * 1024 * 1024;

export type Rows = Array<{ line: number; record: Record<string, string> }>;
export type FileError =
	'too_large' | 'encoding' | 'empty' | 'too_many_rows' | 'format' | 'column' | 'missing_column';

export type Parsed =
	{ ok: true; rows: Rows } | { ok: false; error: FileError; errors?: RowError[] };

/** Strict UTF-8 (a BOM is allowed); anything else — Latin-1, UTF-16 — is refused. */
export function decode(bytes: Uint8Array): string | null {
	if (bytes[0] === 0xff || bytes[0] === 0xfe) return null;
	try {
		return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
	} catch {
		return null;
	}
}

/** RFC 4180 records with the line each starts on; `;` is accepted as the separator (Dutch Excel). */
export function records(text: string): Array<{ line: number; cells: string[] }> {
	const firstLine = text.slice(0, text.search(/\r?\n|$/));
	const sep =
		(firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
	const out: Array<{ line: number; cells: string[] }> = [];
	let cells: string[] = [];
	let cell = '';
	let quoted = false;
	let line = 1;
	let start = 1;
	for (let i = 0; i < text.length; i++) {
		const c = text[i];
		if (quoted) {
			if (c === '"' && text[i + 1] === '"') {
				cell += '"';
				i++;
			} else if (c === '"') quoted = false;
			else {
				if (c === '\n') line++;
				cell += c;
			}
		} else if (c === '"' && cell === '') quoted = true;
		else if (c === sep) {
			cells.push(cell);
			cell = '';
		} else if (c === '\n' || c === '\r') {
			if (c === '\r' && text[i + 1] === '\n') i++;
			cells.push(cell);
			if (cells.some((x) => x !== '')) out.push({ line: start, cells });
			cells = [];
			cell = '';
			line++;
			start = line;
		} else cell += c;
	}
	cells.push(cell);
	if (cells.some((x) => x !== '')) out.push({ line: start, cells });
	return out;
}

export function parseCsv(bytes: Uint8Array): Parsed {
	if (bytes.length > MAX_BYTES) return { ok: false, error: 'too_large' };
	const text = decode(bytes);
	if (text === null) return { ok: false, error: 'encoding' };
	const all = records(text);
	if (all.length < 2) return { ok: false, error: 'empty' };
	if (all.length - 1 > MAX_ROWS) return { ok: false, error: 'too_many_rows' };
	const header = all[0].cells.map((h) => h.trim().toLowerCase());
	const unknown = header.filter(
		(h) => !FIELDS.includes(h) || header.indexOf(h) !== header.lastIndexOf(h)
	);
	if (unknown.length > 0)
		return {
			ok: false,
			error: 'column',
			errors: unknown.map((field) => ({ line: 1, field, reason: 'unknown_column' as const }))
		};
	const missing = REQUIRED.filter((f) => !header.includes(f));
	if (missing.length > 0)
		return {
			ok: false,
			error: 'missing_column',
			errors: missing.map((field) => ({ line: 1, field, reason: 'missing_column' as const }))
		};
	const rows: Rows = [];
	const errors: RowError[] = [];
	for (const r of all.slice(1)) {
		if (r.cells.length !== header.length) {
			errors.push({ line: r.line, field: '', reason: 'cells' });
			continue;
		}
		// A cell our export escaped (OWASP CSV injection) comes back as it was stored.
		const cells = r.cells.map(csv.unescape);
		rows.push({ line: r.line, record: Object.fromEntries(header.map((h, i) => [h, cells[i]])) });
	}
	if (errors.length > 0) return { ok: false, error: 'format', errors };
	return { ok: true, rows };
}

export function parseGeoJson(bytes: Uint8Array): Parsed {
	if (bytes.length > MAX_BYTES) return { ok: false, error: 'too_large' };
	const text = decode(bytes);
	if (text === null) return { ok: false, error: 'encoding' };
	let doc: unknown;
	try {
		doc = JSON.parse(text);
	} catch {
		return { ok: false, error: 'format' };
	}
	const d = doc as { type?: unknown; features?: unknown };
	if (!d || d.type !== 'FeatureCollection' || !Array.isArray(d.features))
		return { ok: false, error: 'format' };
	if (d.features.length === 0) return { ok: false, error: 'empty' };
	if (d.features.length > MAX_ROWS) return { ok: false, error: 'too_many_rows' };
	const rows: Rows = [];
	const errors: RowError[] = [];
	d.features.forEach((feature: unknown, i: number) => {
		const line = i + 1;
		const f = v.safeParse(schema.PointFeature, feature);
		if (!f.success) {
			errors.push({ line, field: 'geometry', reason: 'geometry' });
			return;
		}
		const coords = f.output.geometry.coordinates;
		const props = f.output.properties ?? {};
		const record: Record<string, string> = {};
		for (const [k, v] of Object.entries(props)) {
			if (!FIELDS.includes(k) || k === 'lat' || k === 'lng') {
				errors.push({ line, field: k, reason: 'unknown_column' });
				continue;
			}
			record[k] = v === null || v === undefined ? '' : Array.isArray(v) ? v.join(' ') : String(v);
		}
		record.lng = String(coords[0]);
		record.lat = String(coords[1]);
		rows.push({ line, record });
	});
	if (errors.length > 0) return { ok: false, error: 'column', errors };
	return { ok: true, rows };
}

/** By the file's name, then by its first character. */
export function parse(name: string, bytes: Uint8Array): Parsed {
	const lower = name.toLowerCase();
	const geo =
		lower.endsWith('.geojson') ||
		lower.endsWith('.json') ||
		(!lower.endsWith('.csv') && String.fromCharCode(bytes[0] ?? 0) === '{');
	return geo ? parseGeoJson(bytes) : parseCsv(bytes);
}

/** The columns an import reads, so an export can be edited and imported again. */
export function toCsv(facilities: Facility[]): string {
	return csv.write([
		FIELDS,
		...facilities.map((f) => {
			const r = toRecord(f);
			return FIELDS.map((k) => r[k]);
		})
	]);
}

export function toGeoJson(facilities: Facility[]) {
	return {
		type: 'FeatureCollection',
		features: facilities.map((f) => {
			const { lat, lng, ...properties } = toRecord(f);
			return {
				type: 'Feature',
				geometry: { type: 'Point', coordinates: [Number(lng), Number(lat)] },
				properties
			};
		})
	};
}
