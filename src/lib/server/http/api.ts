// Helpers for the JSON API: bounded body reading and error answers that never carry a stack.
import { json } from '@sveltejs/kit';
import * as photos from '../meldpunt/photos.ts';

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
	const text = await readText(request, limit);
	if (text === null) return { ok: false, status: 413, error: 'too_large' };
	let value: unknown;
	try {
		value = JSON.parse(text);
	} catch {
		return { ok: false, status: 400, error: 'json' };
	}
	if (!value || typeof value !== 'object' || Array.isArray(value) || depth(value) > 20) {
		return { ok: false, status: 400, error: 'json' };
	}
	return { ok: true, value: value as Record<string, unknown> };
}

async function readText(request: Request, limit: number): Promise<string | null> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	if (declared > limit) return null;
	const reader = request.body?.getReader();
	if (!reader) return '';
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.length;
		if (size > limit) {
			await reader.cancel();
			return null;
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

function depth(value: unknown, level = 0): number {
	if (level > 20 || !value || typeof value !== 'object') return level;
	let max = level;
	for (const v of Object.values(value)) max = Math.max(max, depth(v, level + 1));
	return max;
}

const MAX_REPORT_BODY = photos.MAX_PHOTOS * photos.MAX_BYTES * 1.4 + 1_000_000;

/** A report from JSON (photos as base64 strings) or multipart/form-data (photos as files). */
export async function readReportBody(
	request: Request
): Promise<
	| { ok: true; raw: Record<string, unknown>; files: Uint8Array[] }
	| { ok: false; status: 400 | 413 | 415; error: string }
> {
	const type = request.headers.get('content-type') ?? '';
	if (type.startsWith('multipart/form-data')) {
		let form: FormData;
		try {
			form = await request.formData();
		} catch {
			return { ok: false, status: 400, error: 'form' };
		}
		const raw: Record<string, unknown> = {};
		const files: Uint8Array[] = [];
		for (const [name, value] of form) {
			if (typeof value !== 'string') {
				if (name === 'photos' && value.size > 0)
					files.push(new Uint8Array(await value.arrayBuffer()));
				continue;
			}
			const prev = raw[name];
			raw[name] = prev === undefined ? value : ([] as unknown[]).concat(prev, value);
		}
		return { ok: true, raw, files };
	}
	const body = await readJson(request, MAX_REPORT_BODY);
	if (!body.ok) return body;
	const list = body.value.photos;
	const files: Uint8Array[] = [];
	if (list !== undefined) {
		if (!Array.isArray(list) || list.some((p) => typeof p !== 'string')) {
			return { ok: false, status: 400, error: 'photos' };
		}
		for (const p of list as string[]) files.push(new Uint8Array(Buffer.from(p, 'base64')));
	}
	// JSON numbers and booleans for the consent level and pin are accepted like form strings.
	const raw: Record<string, unknown> = {};
	for (const [k, v] of Object.entries(body.value)) {
		if (k === 'photos') continue;
		raw[k] = typeof v === 'number' ? String(v) : v;
	}
	return { ok: true, raw, files };
}
