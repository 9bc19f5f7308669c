import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { config } from '../platform/config';
import * as tiles from './tiles';

// A real tile source on the loopback that counts what it is asked for.
let asked: string[] = [];
const source = http.createServer((req, res) => {
	asked.push(req.url ?? '');
	if (req.url?.startsWith('/missing/')) return void res.writeHead(404).end();
	const size = req.url?.startsWith('/big/') ? 300 * 1024 : 100;
	res.writeHead(200, { 'content-type': 'image/png' }).end(Buffer.alloc(size, 1));
});
let base = '';
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tiles-'));
const later = () => Date.now() + 120_000;

beforeAll(async () => {
	await new Promise<void>((r) => source.listen(0, '127.0.0.1', r));
	base = `http://127.0.0.1:${(source.address() as AddressInfo).port}`;
	config.dataDir = dir;
});
afterAll(() => {
	source.close();
	fs.rmSync(dir, { recursive: true, force: true });
});

describe('the tile proxy', () => {
	it('accepts only tiles that exist at their zoom level', () => {
		expect(tiles.valid(0, 0, 0)).toBe(true);
		expect(tiles.valid(3, 7, 7)).toBe(true);
		expect(tiles.valid(3, 8, 0)).toBe(false);
		expect(tiles.valid(20, 0, 0)).toBe(false);
		expect(tiles.valid(-1, 0, 0)).toBe(false);
		expect(tiles.valid(1.5, 0, 0)).toBe(false);
	});

	it('fetches a tile once, then answers it from the disk cache', async () => {
		config.tileSource = `${base}/ok/{z}/{x}/{y}.png`;
		asked = [];
		const first = await tiles.get(10, 526, 339, later());
		const second = await tiles.get(10, 526, 339, later());
		expect(first).toMatchObject({ ok: true, from: 'source' });
		expect(second).toMatchObject({ ok: true, from: 'cache' });
		expect(asked).toEqual(['/ok/10/526/339.png']);
		expect(fs.existsSync(path.join(dir, 'tiles', '10', '526', '339.png'))).toBe(true);
	});

	it('keeps the disk cache under its size by dropping the least recently used tiles', async () => {
		config.tileSource = `${base}/big/{z}/{x}/{y}.png`;
		config.tileCacheMb = 1;
		for (let x = 0; x < 6; x++) expect((await tiles.get(12, x, 5, later())).ok).toBe(true);
		const files = fs
			.readdirSync(dir, { recursive: true })
			.filter((f) => String(f).endsWith('.png'));
		const bytes = files.reduce((n, f) => n + fs.statSync(path.join(dir, String(f))).size, 0);
		expect(bytes).toBeLessThanOrEqual(1024 * 1024);
		// The newest tile is kept.
		expect(fs.existsSync(path.join(dir, 'tiles', '12', '5', '5.png'))).toBe(true);
	});

	it('stops asking an unreachable source for a while and answers at once', async () => {
		config.tileSource = 'http://127.0.0.1:9/{z}/{x}/{y}.png';
		expect(await tiles.get(5, 1, 1, later())).toEqual({ ok: false });
		config.tileSource = `${base}/ok/{z}/{x}/{y}.png`;
		asked = [];
		// Within the back-off the source is not asked, even though it is back.
		expect(await tiles.get(5, 2, 2)).toEqual({ ok: false });
		expect(asked).toEqual([]);
		expect(await tiles.get(5, 2, 2, later())).toMatchObject({ ok: true });
	});
});
