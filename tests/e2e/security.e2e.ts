// Headers per class of route, and a CSRF matrix over every form action and state-changing
// endpoint declared in the route table: cross-site POSTs in every content type are refused.
import { expect, test } from '@playwright/test';
import { RULES } from '../../src/lib/server/staff/route-access.ts';
import { signIn } from './staff';

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

test('the access guard’s redirects and refusals carry the security headers, and never data', async ({
	browser,
	baseURL
}) => {
	const guarded = async (r: import('@playwright/test').APIResponse, what: string) => {
		const h = r.headers();
		expect(h['x-frame-options'], what).toBe('DENY');
		expect(h['x-content-type-options'], what).toBe('nosniff');
		expect(h['referrer-policy'], what).toBe('no-referrer');
		expect(h['content-security-policy'], what).toContain("frame-ancestors 'none'");
		expect(h['cache-control'], what).toBe('no-store');
	};
	const anonymous = await browser.newContext();
	const page = await anonymous.request.get(`${baseURL}/staff/users`, { maxRedirects: 0 });
	expect(page.status()).toBe(303);
	expect(page.headers().location).toBe('/staff/login?next=%2Fstaff%2Fusers');
	await guarded(page, 'redirect to sign-in');
	const data = await anonymous.request.get(`${baseURL}/staff/users/__data.json`, {
		maxRedirects: 0
	});
	expect(await data.json()).toEqual({
		type: 'redirect',
		location: '/staff/login?next=%2Fstaff%2Fusers'
	});
	await guarded(data, 'data redirect');
	const post = await anonymous.request.post(`${baseURL}/staff/users?/add`, {
		headers: { origin: baseURL!, 'sec-fetch-site': 'same-origin', accept: 'text/html' },
		form: { email: 'x@example.test' },
		maxRedirects: 0
	});
	expect(post.status()).toBe(401);
	await guarded(post, 'refused form action');
	await anonymous.close();

	// Signed in without the permission: the same 404 page as an unknown address, with headers.
	const panel = await browser.newPage();
	await signIn(panel, 'panel');
	const refused = await panel.request.get(`${baseURL}/staff/users`, { maxRedirects: 0 });
	const unknown = await panel.request.get(`${baseURL}/staff/no-such-page`, { maxRedirects: 0 });
	expect(refused.status()).toBe(404);
	expect(unknown.status()).toBe(404);
	await guarded(refused, 'guard 404');
	const stripNonce = (s: string) => s.replace(/nonce="[^"]*"/g, '');
	expect(stripNonce(await refused.text())).toBe(stripNonce(await unknown.text()));

	// Logging out clears the session's speculative copies, never cookies, storage or cache.
	const out = await panel.request.post(`${baseURL}/staff/logout`, {
		headers: { origin: baseURL!, 'sec-fetch-site': 'same-origin', accept: 'text/html' },
		form: {},
		maxRedirects: 0
	});
	expect(out.status()).toBe(303);
	expect(out.headers()['clear-site-data']).toBe('"prefetchCache", "prerenderCache"');
	await panel.close();
});

test('leaving follow-up clears its speculative copies and keeps the language and offline app', async ({
	request,
	baseURL
}) => {
	const left = await request.post(`${baseURL}/pl/report/follow-up?/leave`, {
		headers: { origin: baseURL!, 'sec-fetch-site': 'same-origin', accept: 'text/html' },
		form: {},
		maxRedirects: 0
	});
	expect(left.status()).toBe(303);
	const clear = left.headers()['clear-site-data'];
	expect(clear).toBe('"prefetchCache", "prerenderCache"');
	expect(clear).not.toMatch(/cookies|storage|"cache"|\*/);
	const exit = await request.get(`${baseURL}/pl/today`);
	expect(exit.headers()['clear-site-data']).toBe('"prefetchCache", "prerenderCache"');
});
