// Headers per class of route, and a CSRF matrix over every form action and state-changing
// endpoint declared in the route table: cross-site POSTs in every content type are refused.
import { expect, test } from '@playwright/test';
import { RULES } from '../../src/lib/server/staff/route-access.ts';

const CONTENT_TYPES: Array<[string, (r: RequestInit) => RequestInit]> = [
	[
		'form',
		(r) => ({
			...r,
			body: 'a=1',
			headers: { ...r.headers, 'content-type': 'application/x-www-form-urlencoded' }
		})
	],
	[
		'multipart',
		(r) => ({
			...r,
			body: (() => {
				const f = new FormData();
				f.set('a', '1');
				return f;
			})()
		})
	],
	[
		'text/plain',
		(r) => ({ ...r, body: 'a=1', headers: { ...r.headers, 'content-type': 'text/plain' } })
	],
	[
		'text/plain;charset=utf-8',
		(r) => ({
			...r,
			body: '{"a":1}',
			headers: { ...r.headers, 'content-type': 'text/plain;charset=UTF-8' }
		})
	],
	[
		'json',
		(r) => ({
			...r,
			body: '{"a":1}',
			headers: { ...r.headers, 'content-type': 'application/json' }
		})
	]
];

const ORIGINS: Array<[string, Record<string, string>]> = [
	['foreign Origin', { origin: 'https://evil.example' }],
	['null Origin', { origin: 'null' }],
	['cross-site fetch', { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' }],
	['same-site fetch', { 'sec-fetch-site': 'same-site' }],
	['missing Origin', {}]
];

function concrete(id: string): string {
	return id
		.replace('[locale=locale]', 'en')
		.replace('[id=uuid]', '00000000-0000-4000-8000-000000000000')
		.replace('[photo=uuid]', '00000000-0000-4000-8000-000000000001')
		.replace('[referral=uuid]', '00000000-0000-4000-8000-000000000002')
		.replace('[token]', 'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb');
}

test('every form action and state-changing endpoint refuses cross-site requests of every content type', async ({
	baseURL
}) => {
	let sent = 0;
	for (const [id, rule] of Object.entries(RULES)) {
		const targets: string[] = Object.keys(rule.actions ?? {}).map((a) => `${concrete(id)}?/${a}`);
		if (rule.methods?.POST) targets.push(concrete(id));
		for (const target of targets) {
			const machineApi = target.startsWith('/api/v1/');
			for (const [origin, headers] of ORIGINS) {
				// The machine API serves non-browser clients, which send no Origin at all (README).
				if (machineApi && origin === 'missing Origin') continue;
				for (const [type, withBody] of CONTENT_TYPES) {
					const r = await fetch(
						baseURL + target,
						withBody({ method: 'POST', headers, redirect: 'manual' })
					);
					expect(r.status, `${origin} ${type} POST ${target}`).toBe(403);
					sent++;
				}
			}
		}
	}
	expect(sent).toBeGreaterThan(200);
});

test('headers are exact per class of route', async ({ request }) => {
	const common = {
		'referrer-policy': 'no-referrer',
		'x-content-type-options': 'nosniff',
		'x-frame-options': 'DENY',
		'cross-origin-opener-policy': 'same-origin'
	};
	const worker = (await request.get('/en')).headers();
	expect(worker).toMatchObject(common);
	expect(worker['content-security-policy']).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
	expect(worker['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
	expect(worker['cache-control']).toBeUndefined();
	expect(worker['permissions-policy']).toContain('geolocation=()');

	const report = (await request.get('/en/report')).headers();
	expect(report).toMatchObject({ ...common, 'cache-control': 'no-store' });
	expect(report['permissions-policy']).toContain('geolocation=(self)');
	expect(report['permissions-policy']).toContain('camera=()');

	const followUp = (await request.get('/en/report/follow-up')).headers();
	expect(followUp).toMatchObject({ ...common, 'cache-control': 'no-store' });
	expect(followUp['permissions-policy']).toContain('geolocation=()');

	const staff = (await request.get('/staff/login')).headers();
	expect(staff).toMatchObject({ ...common, 'cache-control': 'no-store' });
	expect(staff['content-security-policy']).toContain("frame-ancestors 'none'");

	const api = (await request.get('/api/health')).headers();
	expect(api).toMatchObject({
		...common,
		'cache-control': 'no-store',
		'content-security-policy': "default-src 'none'; frame-ancestors 'none'; sandbox"
	});
	expect(api['content-type']).toContain('application/json');

	const sw = await request.get('/service-worker.js');
	expect(sw.status()).toBe(200);
	expect(sw.headers()['content-type']).toContain('javascript');

	// No page is prerendered with a meta CSP (which cannot carry frame-ancestors).
	for (const p of ['/en', '/pl/report', '/staff/login', '/en/offline']) {
		const html = await (await request.get(p)).text();
		expect(html, p).not.toMatch(/http-equiv=["']?content-security-policy/i);
	}
});
