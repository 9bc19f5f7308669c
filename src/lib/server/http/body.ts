// Request bodies read in linear time under a per-route cap on bytes and fields, checked before parsing.
import { error } from '@sveltejs/kit';
import { log } from '../platform/log.ts';

export interface Limits {
	/** largest body in bytes */
	bytes: number;
	/** most form fields (parts of a multipart body, pairs of a urlencoded one) */
	fields: number;
}

/**
 * Every route that takes no photos: about 1 MB is far more than any of its forms can hold. The
 * survey builder sends a text per question, option and locale (20 questions × 7 options × 13
 * locales ≈ 2 000 fields): 5 000 leaves it room.
 */
export const DEFAULT: Limits = { bytes: 1024 * 1024, fields: 5_000 };

/** Routes that take photos: the server-wide limit (`BODY_SIZE_LIMIT`, 60 MB by default). */
export const PHOTOS: Limits = { bytes: 60 * 1024 * 1024, fields: 200 };

/** The facilities import takes one CSV or GeoJSON file of at most 10 MB. */
export const IMPORT: Limits = { bytes: 10 * 1024 * 1024 + 64 * 1024, fields: 20 };

// OWASP ASVS 5.0 V2.4 (anti-automation): large bodies only where photos or imports are taken.
const BY_ROUTE: Record<string, Limits> = {
	'/[locale=locale]/report': PHOTOS,
	'/[locale=locale]/report/follow-up': PHOTOS,
	'/api/v1/reports': PHOTOS,
	'/staff/facilities': IMPORT
};

export function limitsFor(routeId: string | null): Limits {
	return (routeId && BY_ROUTE[routeId]) || DEFAULT;
}

export type Refusal = 'body_malformed' | 'body_too_large' | 'body_too_many_fields' | 'body_aborted';

export type Read<T> = { ok: true; value: T } | { ok: false; status: 400 | 413; error: Refusal };

/** A declared length above the cap is refused before a byte of the body is read (RFC 9110 15.5.14). */
export function declaredTooLarge(request: Request, limits: Limits): boolean {
	const declared = Number(request.headers.get('content-length') ?? 0);
	return Number.isFinite(declared) && declared > limits.bytes;
}

export interface Form {
	/** text fields; a repeated name gathers its values in order */
	fields: Record<string, string | string[]>;
	/** non-empty files by field name */
	files: Record<string, File[]>;
}

/**
 * Reads a urlencoded or multipart form. Counts fields while the bytes arrive and stops reading at
 * the first field or byte over the cap, so a flood of repeated fields is refused before any
 * parsing; what is parsed is bounded, so it cannot hold the event loop.
 */
export async function formData(request: Request, limits: Limits): Promise<Read<FormData>> {
	const type = request.headers.get('content-type') ?? '';
	const counter = fieldCounter(type);
	if (!counter) return { ok: false, status: 400, error: 'body_malformed' };
	const bytes = await readCapped(request, limits, counter);
	if (!bytes.ok) return bytes;
	try {
		const form = await new Response(bytes.value, { headers: { 'content-type': type } }).formData();
		return { ok: true, value: form };
	} catch {
		return { ok: false, status: 400, error: 'body_malformed' };
	}
}

/** `formData` for forms that show no message of their own: a refusal is the error page. */
export async function formOrError(request: Request, limits = DEFAULT): Promise<FormData> {
	const form = await formData(request, limits);
	if (!form.ok) error(form.status, form.error);
	return form.value;
}

/** `formData` with repeated names gathered in order (pushed, never re-copied: linear). */
export async function readForm(request: Request, limits: Limits): Promise<Read<Form>> {
	const form = await formData(request, limits);
	if (!form.ok) return form;
	const fields: Form['fields'] = {};
	const files: Form['files'] = {};
	for (const [name, value] of form.value) {
		if (typeof value === 'string') {
			const prev = fields[name];
			if (prev === undefined) fields[name] = value;
			else if (Array.isArray(prev)) prev.push(value);
			else fields[name] = [prev, value];
		} else if (value.size > 0) {
			(files[name] ??= []).push(value);
		}
	}
	return { ok: true, value: { fields, files } };
}

/** The body as bytes, at most `limits.bytes`, with fields counted by `counter` as they arrive. */
async function readCapped(
	request: Request,
	limits: Limits,
	counter?: (chunk: Uint8Array) => number
): Promise<Read<Uint8Array<ArrayBuffer>>> {
	const reader = request.body?.getReader();
	if (declaredTooLarge(request, limits)) {
		if (reader) discard(reader);
		return { ok: false, status: 413, error: 'body_too_large' };
	}
	if (!reader) return { ok: true, value: new Uint8Array(0) };
	const chunks: Uint8Array[] = [];
	let size = 0;
	let fields = 0;
	try {
		for (;;) {
			const { done, value } = await reader.read();
			if (done) break;
			size += value.length;
			if (size > limits.bytes) {
				discard(reader);
				return { ok: false, status: 413, error: 'body_too_large' };
			}
			if (counter) {
				fields += counter(value);
				if (fields > limits.fields) {
					discard(reader);
					return { ok: false, status: 413, error: 'body_too_many_fields' };
				}
			}
			chunks.push(value);
		}
	} catch {
		// The client went away mid-upload: no outage, and nobody is left to read the answer.
		log.info('request body aborted by the client');
		return { ok: false, status: 400, error: 'body_aborted' };
	}
	return { ok: true, value: Buffer.concat(chunks, size) };
}

/**
 * Lets the rest of a refused body flow by unread and unkept. Cancelling would destroy the socket
 * before the answer is out: the client would see a reset instead of the 413.
 */
function discard(reader: ReadableStreamDefaultReader<Uint8Array>): void {
	void (async () => {
		try {
			while (!(await reader.read()).done);
		} catch {
			// the client gave up: nothing to drain
		}
	})();
}

/** Reads at most `limits.bytes` of a body as UTF-8 text. */
export async function readText(request: Request, limits: Limits): Promise<Read<string>> {
	const bytes = await readCapped(request, limits);
	if (!bytes.ok) return bytes;
	return { ok: true, value: Buffer.from(bytes.value).toString('utf8') };
}

/** Counts separators per chunk in linear time; undefined for a type that is not a form. */
function fieldCounter(contentType: string): ((chunk: Uint8Array) => number) | undefined {
	const [essence = '', ...params] = contentType.split(';').map((p) => p.trim());
	const mime = essence.toLowerCase();
	if (mime === 'application/x-www-form-urlencoded') {
		let first = true;
		return (chunk) => {
			let n = first && chunk.length > 0 ? 1 : 0;
			if (chunk.length > 0) first = false;
			for (let i = chunk.indexOf(0x26); i !== -1; i = chunk.indexOf(0x26, i + 1)) n++;
			return n;
		};
	}
	if (mime !== 'multipart/form-data') return undefined;
	const param = params.find((p) => p.toLowerCase().startsWith('boundary='));
	const boundary = param?.slice('boundary='.length).replace(/^"(.*)"$/, '$1') ?? '';
	// RFC 2046 5.1.1: 1–70 characters.
	if (boundary.length < 1 || boundary.length > 70) return undefined;
	const delimiter = Buffer.from(`--${boundary}`, 'latin1');
	let carry: Buffer = Buffer.alloc(0);
	return (chunk) => {
		// Keep the tail of the last chunk so a delimiter split across two chunks is counted once.
		const data = Buffer.concat([carry, chunk]);
		let n = 0;
		let last = -1;
		for (let i = data.indexOf(delimiter); i !== -1; i = data.indexOf(delimiter, i + 1)) {
			n++;
			last = i;
		}
		const keepFrom = Math.max(data.length - (delimiter.length - 1), last + delimiter.length, 0);
		carry = data.subarray(keepFrom);
		return n;
	};
}
