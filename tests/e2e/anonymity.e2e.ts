// Anonymity as a property we prove: a marker IP address and user agent sent with every request
// appear in no log line, no table and no file the server writes (the database's own files and WAL
// included). The server trusts X-Forwarded-For here, so the app really sees the marker address.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import * as database from '../../src/lib/server/platform/db/index.ts';
import { rowsAsText } from '../integration/dump.ts';
import * as server from './server';

const IP = '203.0.113.199';
const UA = 'MarkerAgent/9.9 (canary-ua)';

function filesUnder(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		return e.isDirectory() ? filesUnder(p) : e.isFile() ? [p] : [];
	});
}

test('a marker IP address and user agent end up in no log line, no table and no file', async ({
	playwright
}) => {
	test.setTimeout(120_000);
	const s = await server.start({ env: { ADDRESS_HEADER: 'x-forwarded-for', LOG_LEVEL: 'debug' } });
	try {
		const api = await playwright.request.newContext({
			baseURL: s.url,
			extraHTTPHeaders: { 'x-forwarded-for': IP, 'user-agent': UA }
		});
		for (const p of [
			'/',
			'/pl',
			'/pl/report',
			'/pl/report/follow-up',
			'/staff/login',
			'/api/health',
			'/nope'
		]) {
			await api.get(p);
		}
		const created = await api.post('/api/v1/reports', {
			data: {
				submission_key: 'anonymity-marker-key-1-for-the-log-check',
				group: 'housing',
				situations: ['overcrowded'],
				gemeente: 'tiel',
				text: 'marker test'
			}
		});
		expect(created.status()).toBe(201);
		const { receipt } = await created.json();
		const form = await api.post('/pl/report', {
			headers: { origin: s.url },
			multipart: {
				submission_key: 'anonymity-marker-key-2-for-the-log-check',
				group: 'work',
				situations: 'underpaid',
				gemeente: 'buren',
				text: 'x'
			}
		});
		expect(form.status()).toBe(200);
		await api.post('/api/v1/reports/follow-up', { data: { receipt } });
		await api.post('/pl/report/follow-up?/open', { headers: { origin: s.url }, form: { receipt } });
		await api.post('/staff/login', {
			headers: { origin: s.url },
			form: { email: 'x@example.test', password: 'wrong password' }
		});
		await api.dispose();
	} finally {
		await s.stop();
	}

	const log = fs.readFileSync(s.logFile, 'utf8');
	// Reporter routes write no request line at all (issue #17); staff routes still do.
	expect(log).toContain('"route":"/staff/login"');
	expect(log).not.toContain('"route":"/api/v1/reports"');
	for (const line of log.split('\n')) {
		expect(line).not.toContain(IP);
		expect(line).not.toContain('MarkerAgent');
		expect(line).not.toMatch(/receipt=|\?\//);
	}

	const { db } = database.create({ pgliteDir: path.join(s.dataDir, 'pglite') });
	try {
		const dump = await rowsAsText(db);
		expect(dump).toContain('overcrowded');
		expect(dump).not.toContain(IP);
		expect(dump).not.toContain('MarkerAgent');
	} finally {
		await db.destroy();
	}
	for (const file of filesUnder(s.dataDir)) {
		const bytes = fs.readFileSync(file);
		expect(bytes.includes(Buffer.from(IP)), file).toBe(false);
		expect(bytes.includes(Buffer.from('MarkerAgent')), file).toBe(false);
	}
});
