// Helpers for the JSON API: bounded body reading and error answers that never carry a stack.
import { json } from '@sveltejs/kit';
import * as body from './body.ts';

export function problem(status: number, error: string): Response {
	return json({ error }, { status });
}

type Body<T> = { ok: true; value: T } | { ok: false; status: 400 | 413 | 415; error: string };

/** Reads at most `limit` bytes of JSON; deeper than 20 levels or not an object is refused. */
export async function readJson(
	request: Request,
	limit: number
): Promise<Body<Record<string, unknown>>> {
	if (!(request.headers.get('content-type') ?? '').startsWith('application/json')) {
		return { ok: false, status: 415, error: 'content_type' };
	}
	const text = await body.readText(request, { bytes: limit, fields: 0 });
	if (!text.ok) return { ok: false, status: text.status, error: apiError(text.error) };
	let value: unknown;
	try {
		value = JSON.parse(text.value);
	} catch {
		return { ok: false, status: 400, error: 'json' };
	}
	if (!value || typeof value !== 'object' || Array.isArray(value) || depth(value) > 20) {
		return { ok: false, status: 400, error: 'json' };
	}
	return { ok: true, value: value as Record<string, unknown> };
}

function apiError(refusal: body.Refusal): string {
	if (refusal === 'body_too_large') return 'too_large';
	if (refusal === 'body_too_many_fields') return 'too_many_fields';
	if (refusal === 'body_aborted') return 'aborted';
	return 'form';
}

function depth(value: unknown, level = 0): number {
	if (level > 20 || !value || typeof value !== 'object') return level;
	let max = level;
	for (const v of Object.values(value)) max = Math.max(max, depth(v, level + 1));
	return max;
}

// RFC 4648 section 4, padded or not; whitespace (line breaks of MIME-style base64) is allowed.
const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** A report from JSON (photos as base64 strings) or multipart/form-data (photos as files). */
export async function readReportBody(
	request: Request
): Promise<
	| { ok: true; raw: Record<string, unknown>; files: Uint8Array[] }
	| { ok: false; status: 400 | 413 | 415; error: string; errors?: Record<string, string> }
> {
	const type = request.headers.get('content-type') ?? '';
	if (type.startsWith('multipart/form-data')) {
		const form = await body.readForm(request, body.PHOTOS);
		if (!form.ok) return { ok: false, status: form.status, error: apiError(form.error) };
		const files: Uint8Array[] = [];
		for (const file of form.value.files.photos ?? []) {
			files.push(new Uint8Array(await file.arrayBuffer()));
		}
		return { ok: true, raw: form.value.fields, files };
	}
	const json = await readJson(request, body.PHOTOS.bytes);
	if (!json.ok) return json;
	const list = json.value.photos;
	const files: Uint8Array[] = [];
	if (list !== undefined) {
		if (!Array.isArray(list) || list.some((p) => typeof p !== 'string')) {
			return { ok: false, status: 400, error: 'photos' };
		}
		for (const p of list as string[]) {
			// Buffer.from skips what is not base64: a broken photo must be refused, not dropped.
			const compact = p.replace(/\s+/g, '');
			if (compact.length === 0 || compact.length % 4 === 1 || !BASE64.test(compact)) {
				return { ok: false, status: 400, error: 'photos', errors: { photos: 'photo_encoding' } };
			}
			files.push(new Uint8Array(Buffer.from(compact, 'base64')));
		}
	}
	// JSON numbers and booleans for the consent level and pin are accepted like form strings.
	const raw: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(json.value)) {
		if (k === 'photos') continue;
		raw[k] = typeof v === 'number' ? String(v) : v;
	}
	return { ok: true, raw, files };
}
