// Issue #18 finding 1 and #17 finding 6 against the production build on the default store: a body
// of 200 000 repeated fields is refused before it is parsed, large bodies are refused by their
// declared length on routes without photos, and every other request is answered meanwhile.
// Timings go to the output, not into assertions: this machine is shared.
import fs from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawReport } from '../factories/reports.ts';
import * as webServer from '../e2e/server.ts';
import * as strict from './strict-client.ts';

let app: webServer.RunningServer;

const FIELDS = 200_000;
const flood = 'situations=unpaid_wages&'.repeat(FIELDS) + 'group=work';
// As a browser's form post without JavaScript: same origin, asking for a page.
const BROWSER = { 'sec-fetch-site': 'same-origin', accept: 'text/html' };

beforeAll(async () => {
	app = await webServer.start({ env: { LOG_LEVEL: 'info' } });
}, 120_000);

afterAll(async () => {
	await app?.stop();
});

/**
 * Sends the headers and only the first `sent` bytes of `body`, then waits for the status line:
 * an answer that comes while most of the body was never sent was decided before it was parsed.
 */
function partialPost(path: string, type: string, body: string, sent: number): Promise<string> {
	const { port } = new URL(app.url);
	return new Promise((resolve, reject) => {
		const socket = net.connect(Number(port), '127.0.0.1');
		let answer = '';
		socket.setTimeout(30_000, () => socket.destroy(new Error('no answer within 30 s')));
		socket.on('error', reject);
		socket.on('data', (d) => {
			answer += d.toString('latin1');
			const line = answer.split('\r\n')[0];
			if (answer.includes('\r\n')) {
				socket.destroy();
				resolve(line);
			}
		});
		socket.write(
			`POST ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Type: ${type}\r\n` +
				`Content-Length: ${Buffer.byteLength(body)}\r\nSec-Fetch-Site: same-origin\r\nAccept: text/html\r\n\r\n`
		);
		socket.write(body.slice(0, sent));
	});
}

/** Runs `flood` while a steady trickle of other requests is timed; returns their answers. */
async function meanwhile(fn: () => Promise<unknown>) {
	const others: { status: number; ms: number }[] = [];
	let running = true;
	const probes = (async () => {
		const paths = ['/api/health', '/en', '/staff/login', '/api/v1/facilities'];
		for (let i = 0; running; i++) {
			const r = await strict.request(`${app.url}${paths[i % paths.length]}`);
			others.push({ status: r.status, ms: r.ms });
			await new Promise((r) => setTimeout(r, 20));
		}
	})();
	const started = performance.now();
	const result = await fn();
	const ms = performance.now() - started;
	await new Promise((r) => setTimeout(r, 100));
	running = false;
	await probes;
	return { result, ms, others };
}

/** The seeded starter survey's page, so the flood reaches its form action. */
async function openSurvey(): Promise<string> {
	const list = await strict.request(`${app.url}/en/survey`);
	const href = list.body.match(/href="(\/en\/survey\/[^"?#]+)"/)?.[1];
	expect(href, 'an open survey').toBeDefined();
	return href!;
}

function summary(others: { ms: number }[]): string {
	const sorted = others.map((o) => o.ms).sort((a, b) => a - b);
	const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
	return `${others.length} other requests, p50 ${at(0.5).toFixed(0)} ms, max ${at(1).toFixed(0)} ms`;
}

describe('a flood of repeated fields', () => {
	it('the report form refuses 200 000 repeated fields after the first bytes, before the rest is sent', async () => {
		const { result, ms, others } = await meanwhile(() =>
			partialPost(
				'/en/report',
				'application/x-www-form-urlencoded',
				flood,
				64 * 1024 // about 2 700 fields of 200 000: the rest never leaves the client
			)
		);
		console.log(
			`report form, ${FIELDS} fields (${flood.length} bytes): "${result}" in ${ms.toFixed(0)} ms; ${summary(others)}`
		);
		expect(result).toBe('HTTP/1.1 413 Payload Too Large');
		expect(others.length).toBeGreaterThan(0);
		expect(others.every((o) => o.status === 200)).toBe(true);
	}, 60_000);

	it.each([
		['the report form, whole', '/en/report', 'application/x-www-form-urlencoded', flood],
		[
			'the API, multipart',
			'/api/v1/reports',
			'multipart/form-data; boundary=xx',
			Array.from(
				{ length: FIELDS },
				() => '--xx\r\nContent-Disposition: form-data; name="situations"\r\n\r\nunpaid_wages\r\n'
			).join('') + '--xx--\r\n'
		],
		['a survey (no photos: 1 MB)', '/en/survey/any', 'application/x-www-form-urlencoded', flood],
		['feedback (no photos: 1 MB)', '/en/feedback', 'application/x-www-form-urlencoded', flood],
		['staff sign-in (no photos: 1 MB)', '/staff/login', 'application/x-www-form-urlencoded', flood]
	])(
		'%s: 413, while every other request is answered',
		async (name, route, type, body) => {
			const path = route === '/en/survey/any' ? await openSurvey() : route;
			const { result, ms, others } = await meanwhile(() =>
				strict.request(`${app.url}${path}`, {
					method: 'POST',
					headers: { 'content-type': type, ...BROWSER },
					body
				})
			);
			const answer = result as strict.Answer;
			console.log(
				`${name}, ${FIELDS} fields (${body.length} bytes): ${answer.status} in ${ms.toFixed(0)} ms; ${summary(others)}`
			);
			expect(answer.status).toBe(413);
			expect(others.length).toBeGreaterThan(0);
			expect(others.every((o) => o.status === 200)).toBe(true);
		},
		60_000
	);

	it('a route without photos refuses 50 MB by its declared length, before a byte is read', async () => {
		const head = 'comment=' + 'x'.repeat(1024);
		const status = await partialPost(
			'/en/feedback',
			'application/x-www-form-urlencoded',
			head + 'x'.repeat(50 * 1024 * 1024),
			0
		);
		expect(status).toBe('HTTP/1.1 413 Payload Too Large');
	}, 60_000);

	it('the server still takes a report afterwards', async () => {
		const r = await strict.request(`${app.url}/api/v1/reports`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(rawReport({ text: 'After the flood.' }))
		});
		expect(r.status, r.body).toBe(201);
	});
});

describe('uploads that are not what they claim', () => {
	it('an API photo that is not base64 is refused with a field error, not dropped with a 201', async () => {
		const r = await strict.request(`${app.url}/api/v1/reports`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(rawReport({ photos: ['this is not a photo!'] }))
		});
		expect(r.status).toBe(400);
		expect(JSON.parse(r.body)).toEqual({ errors: { photos: 'photo_encoding' } });
	});

	it('an upload the client aborts is logged as an abort, not as an outage', async () => {
		const { port } = new URL(app.url);
		const before = fs.readFileSync(app.logFile, 'utf8').length;
		await new Promise<void>((resolve) => {
			const socket = net.connect(Number(port), '127.0.0.1', () => {
				socket.write(
					`POST /api/v1/reports HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\n` +
						'Content-Type: application/json\r\nContent-Length: 100000\r\n\r\n{"text":"'
				);
				setTimeout(() => {
					socket.destroy();
					resolve();
				}, 300);
			});
		});
		let log = '';
		for (let i = 0; i < 50 && !log.includes('aborted'); i++) {
			await new Promise((r) => setTimeout(r, 100));
			log = fs.readFileSync(app.logFile, 'utf8').slice(before);
		}
		expect(log).toContain('request body aborted by the client');
		expect(log).not.toMatch(/database unavailable|"status":503|unhandled error/);
	});
});
