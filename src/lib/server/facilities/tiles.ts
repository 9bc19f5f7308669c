// Map tiles from our own origin (issue #5): the worker's browser never talks to the tile server, so
// it learns nothing about who looks at which street. Tiles are fetched from the configured source
// with a short timeout, kept in a bounded disk cache under DATA_DIR/tiles, and when the source is
// down we stop asking for a while and answer 503 at once (the map then shows a plain background).
import fs from 'node:fs/promises';
import path from 'node:path';
import { config } from '../platform/config.ts';

const TIMEOUT_MS = 4000;
const BACKOFF_MS = 30_000;
const MAX_TILE_BYTES = 512 * 1024;
const MAX_IN_FLIGHT = 6;

export const MAX_ZOOM = 19;

export function valid(z: number, x: number, y: number): boolean {
	if (![z, x, y].every(Number.isInteger) || z < 0 || z > MAX_ZOOM) return false;
	const n = 2 ** z;
	return x >= 0 && y >= 0 && x < n && y < n;
}

const dir = () => path.join(config.dataDir, 'tiles');
const file = (z: number, x: number, y: number) =>
	path.join(dir(), String(z), String(x), `${y}.png`);

let downUntil = 0;
let inFlight = 0;
let cacheBytes: number | null = null;
let evicting = false;

async function walk(d: string): Promise<Array<{ p: string; size: number; mtime: number }>> {
	const out: Array<{ p: string; size: number; mtime: number }> = [];
	let entries;
	try {
		entries = await fs.readdir(d, { withFileTypes: true });
	} catch {
		return out;
	}
	for (const e of entries) {
		const p = path.join(d, e.name);
		if (e.isDirectory()) out.push(...(await walk(p)));
		else {
			const s = await fs.stat(p).catch(() => null);
			if (s) out.push({ p, size: s.size, mtime: s.mtimeMs });
		}
	}
	return out;
}

/** Least recently used tiles go first once the cache is over its size, down to 80 %. */
async function evict(): Promise<void> {
	const max = config.tileCacheMb * 1024 * 1024;
	if (evicting || cacheBytes === null || cacheBytes <= max) return;
	evicting = true;
	try {
		const files = (await walk(dir())).sort((a, b) => a.mtime - b.mtime);
		let total = files.reduce((n, f) => n + f.size, 0);
		for (const f of files) {
			if (total <= max * 0.8) break;
			await fs.rm(f.p, { force: true });
			total -= f.size;
		}
		cacheBytes = total;
	} finally {
		evicting = false;
	}
}

async function cached(z: number, x: number, y: number): Promise<Buffer | null> {
	const p = file(z, x, y);
	try {
		const bytes = await fs.readFile(p);
		const now = new Date();
		await fs.utimes(p, now, now).catch(() => undefined);
		return bytes;
	} catch {
		return null;
	}
}

async function store(z: number, x: number, y: number, bytes: Buffer): Promise<void> {
	if (config.tileCacheMb <= 0) return;
	cacheBytes ??= (await walk(dir())).reduce((n, f) => n + f.size, 0);
	const p = file(z, x, y);
	await fs.mkdir(path.dirname(p), { recursive: true });
	// Write then rename, so a reader never sees half a tile.
	const tmp = `${p}.${process.pid}.tmp`;
	await fs.writeFile(tmp, bytes);
	await fs.rename(tmp, p);
	cacheBytes += bytes.length;
	await evict();
}

export type Result = { ok: true; bytes: Buffer; from: 'cache' | 'source' } | { ok: false };

export async function get(z: number, x: number, y: number, now = Date.now()): Promise<Result> {
	const hit = await cached(z, x, y);
	if (hit) return { ok: true, bytes: hit, from: 'cache' };
	if (now < downUntil || inFlight >= MAX_IN_FLIGHT) return { ok: false };
	inFlight++;
	try {
		const url = config.tileSource
			.replace('{z}', String(z))
			.replace('{x}', String(x))
			.replace('{y}', String(y));
		// No cookies, no referrer, nothing about the worker: the source sees only our server.
		const r = await fetch(url, {
			signal: AbortSignal.timeout(TIMEOUT_MS),
			redirect: 'error',
			referrerPolicy: 'no-referrer'
		});
		if (r.status === 404) return { ok: false };
		const type = r.headers.get('content-type') ?? '';
		if (!r.ok || !/^image\/(png|jpeg)/.test(type)) throw new Error(`tile source ${r.status}`);
		const bytes = Buffer.from(await r.arrayBuffer());
		if (bytes.length > MAX_TILE_BYTES) throw new Error('tile too large');
		await store(z, x, y, bytes).catch(() => undefined);
		return { ok: true, bytes, from: 'source' };
	} catch {
		downUntil = Date.now() + BACKOFF_MS;
		return { ok: false };
	} finally {
		inFlight--;
	}
}
