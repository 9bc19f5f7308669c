// Issue #18 finding 2: the default store on a small disk (a tmpfs DATA_DIR; needs root to mount).
// Filled to below DISK_MIN_FREE_MB, writes are refused with a translated 503 + Retry-After while
// reads and health go on; freed, writes resume, and what was acknowledged before is still there.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawReport } from '../factories/reports.ts';
import * as webServer from '../e2e/server.ts';
import * as strict from './strict-client.ts';

const isRoot = process.getuid?.() === 0;
const MB = 1024 * 1024;
const MIN_FREE_MB = 24;

let dir = '';
let app: webServer.RunningServer | undefined;

beforeAll(async () => {
	if (!isRoot) return;
	dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijs-disk-'));
	execFileSync('mount', ['-t', 'tmpfs', '-o', 'size=100m', 'tmpfs', dir]);
	app = await webServer.start({
		dataDir: dir,
		env: { DISK_MIN_FREE_MB: String(MIN_FREE_MB), LOG_LEVEL: 'info' }
	});
}, 120_000);

afterAll(async () => {
	await app?.stop();
	if (dir) {
		// Lazy: the server log, opened by this process, stays open until the suite ends.
		execFileSync('umount', ['-l', dir]);
		fs.rmSync(dir, { recursive: true, force: true });
	}
});

function free(): number {
	const s = fs.statfsSync(dir);
	return s.bavail * s.bsize;
}

const submit = () =>
	strict.request(`${app!.url}/api/v1/reports`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(rawReport({ text: 'Disk test: the heating is broken.' }))
	});

describe.skipIf(!isRoot)('a nearly full disk under the embedded database', () => {
	it('refuses writes with a translated 503, keeps reads and health, and resumes when space returns', async () => {
		const before = await submit();
		expect(before.status).toBe(201);
		const { receipt } = JSON.parse(before.body) as { receipt: string };

		// Leave less than the threshold (and less than one 16 MB WAL segment) free.
		const filler = path.join(dir, 'filler');
		fs.writeFileSync(filler, Buffer.alloc(Math.max(0, free() - 12 * MB)));
		console.log(`disk: ${(free() / MB).toFixed(1)} MB free of 100 MB, threshold ${MIN_FREE_MB} MB`);

		const started = performance.now();
		const refused = await submit();
		const refusedMs = performance.now() - started;
		expect(refused.status).toBe(503);
		expect(refused.headers['retry-after']).toBe('300');
		expect(JSON.parse(refused.body)).toEqual({ error: 'unavailable', reason: 'disk_low' });

		const form = await strict.request(`${app!.url}/pl/report`, {
			method: 'POST',
			headers: {
				'content-type': 'application/x-www-form-urlencoded',
				'sec-fetch-site': 'same-origin',
				accept: 'text/html'
			},
			body: 'group=work&text=x'
		});
		expect(form.status).toBe(503);
		expect(form.body).toContain('Wegwijs nie może teraz niczego zapisać');

		const health = await strict.request(`${app!.url}/api/health`);
		expect(health.status).toBe(200);
		expect(JSON.parse(health.body)).toMatchObject({ status: 'degraded', reason: 'disk_low' });
		expect((await strict.request(`${app!.url}/pl`)).status).toBe(200);
		const followUp = await strict.request(`${app!.url}/api/v1/reports/follow-up`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ receipt })
		});
		// Follow-up through the API is a POST: refused like any write while the disk is full.
		expect(followUp.status).toBe(503);
		expect(fs.readFileSync(app!.logFile, 'utf8')).toContain(
			'disk almost full: refusing writes until space is freed'
		);

		fs.rmSync(filler);
		const resumed = performance.now();
		const after = await submit();
		console.log(
			`disk: refused in ${refusedMs.toFixed(0)} ms; after freeing space the next report took ${(performance.now() - resumed).toFixed(0)} ms`
		);
		expect(after.status).toBe(201);
		expect(
			(JSON.parse((await strict.request(`${app!.url}/api/health`)).body) as { status: string })
				.status
		).toBe('ok');
		const again = await strict.request(`${app!.url}/api/v1/reports/follow-up`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ receipt })
		});
		expect(again.status).toBe(200);
	}, 120_000);
});
