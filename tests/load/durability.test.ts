// Issue #18 finding 6: on the default store an acknowledged report is on the disk. strace counts
// the fsync calls the app makes while it acknowledges 50 reports; PGlite used to make none.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawReport } from '../factories/reports.ts';
import * as webServer from '../e2e/server.ts';
import * as strict from './strict-client.ts';

const hasStrace = spawnSync('strace', ['-V']).status === 0;
const REPORTS = 50;

let app: webServer.RunningServer | undefined;

beforeAll(async () => {
	if (hasStrace) app = await webServer.start({ env: { LOG_LEVEL: 'warn' } });
}, 120_000);

afterAll(async () => {
	await app?.stop();
});

describe.skipIf(!hasStrace)('durability of the embedded database', () => {
	it('acknowledging 50 reports makes at least 50 real fsync calls (strace)', async () => {
		const trace = path.join(app!.dataDir, 'fsync.trace');
		// PGlite runs PostgreSQL on the main thread: its fsync calls are that thread's.
		const strace = spawn(
			'strace',
			['-p', String(app!.process.pid), '-e', 'trace=fsync,fdatasync', '-o', trace],
			{
				stdio: ['ignore', 'ignore', 'pipe']
			}
		);
		await new Promise<void>((resolve, reject) => {
			strace.stderr.on('data', (d: Buffer) => d.toString().includes('attached') && resolve());
			strace.once('exit', (code) => reject(new Error(`strace exited: ${code}`)));
		});
		const started = performance.now();
		for (let i = 0; i < REPORTS; i++) {
			const r = await strict.request(`${app!.url}/api/v1/reports`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify(rawReport({ text: `Durability ${i}: no heating.` }))
			});
			expect(r.status).toBe(201);
		}
		const ms = performance.now() - started;
		await new Promise<void>((resolve) => {
			strace.once('exit', () => resolve());
			strace.kill('SIGINT');
		});
		const calls = fs
			.readFileSync(trace, 'utf8')
			.split('\n')
			.filter((l) => /^(fsync|fdatasync)\(\d+\)\s+=\s+0/.test(l)).length;
		console.log(
			`durability: ${calls} fsync calls for ${REPORTS} acknowledged reports (${(calls / REPORTS).toFixed(1)} per report), ${(ms / REPORTS).toFixed(1)} ms per report`
		);
		expect(calls).toBeGreaterThanOrEqual(REPORTS);
	}, 120_000);
});
