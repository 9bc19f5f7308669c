import { randomBytes } from 'node:crypto';
// Property-based tests over HTTP against the production build: whatever a client sends to the
// report form action, the intake API, the survey and feedback actions or the map's queries, the
// answer is never a 5xx; valid reports round-trip.
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { GROUPS, SITUATIONS, situationsOf, type Group } from '../../src/lib/report/catalogue.ts';
import { RULES } from '../../src/lib/server/staff/route-access.ts';
import { signIn } from './staff';
import * as state from './state';

const FIELDS = [
	'submission_key',
	'group',
	'situations',
	'subject_type',
	'subject_name',
	'gemeente',
	'address',
	'pin_lat',
	'pin_lng',
	'occurred',
	'affected',
	'text',
	'consent',
	'contact_wanted',
	'contact',
	'locale',
	'photos'
];

const weirdString = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 200 }),
	fc.string({ unit: 'binary', maxLength: 200 }),
	fc.constantFrom(
		'\u202E\u200B',
		'<script>alert(1)</script>',
		'../../etc/passwd',
		'%00',
		'null',
		'1e309',
		'-0',
		'𝕏'.repeat(3000)
	),
	fc.stringMatching(/^[A-Za-z0-9_-]{16,40}$/)
);
const value: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
	v: fc.oneof(
		{ depthSize: 'small' },
		weirdString,
		fc.integer(),
		fc.double(),
		fc.boolean(),
		fc.constant(null),
		fc.array(tie('v'), { maxLength: 4 }),
		fc.dictionary(weirdString, tie('v'), { maxKeys: 3 })
	)
})).v;
const body = fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), weirdString), value, {
	maxKeys: 12
});

test('the intake API never answers 5xx, whatever JSON it gets', async ({ request }) => {
	test.setTimeout(120_000);
	await fc.assert(
		fc.asyncProperty(body, async (data) => {
			const r = await request.post('/api/v1/reports', { data });
			expect(r.status()).toBeLessThan(500);
			expect([200, 201, 400, 413, 415, 429]).toContain(r.status());
		}),
		{ numRuns: 80 }
	);
	const deep = '{"a":'.repeat(5000) + '{}' + '}'.repeat(5000);
	const r = await request.post('/api/v1/reports', {
		headers: { 'content-type': 'application/json' },
		data: deep
	});
	expect(r.status()).toBe(400);
	const broken = await request.post('/api/v1/reports', {
		headers: { 'content-type': 'application/json' },
		data: '{"a":'
	});
	expect(broken.status()).toBe(400);
});

test('the report form action never answers 5xx, whatever fields it gets', async ({ request }) => {
	test.setTimeout(120_000);
	const origin = state.read().url;
	await fc.assert(
		fc.asyncProperty(
			fc.dictionary(fc.oneof(fc.constantFrom(...FIELDS), weirdString), weirdString, {
				maxKeys: 12
			}),
			async (fields) => {
				const r = await request.post('/pl/report', {
					headers: { origin, accept: 'text/html' },
					multipart: fields
				});
				expect(r.status()).toBeLessThan(500);
			}
		),
		{ numRuns: 60 }
	);
});

const validReport = fc.constantFrom(...GROUPS).chain((group: Group) =>
	fc.record({
		// A fresh random key per report, as a client makes one: a key is only repeated for a retry.
		submission_key: fc.nat().map(() => randomBytes(32).toString('base64url')),
		group: fc.constant(group),
		situations: fc.subarray(
			situationsOf(group).map((s) => s.code),
			{ minLength: 1 }
		),
		gemeente: fc.constantFrom('tiel', 'buren', 'unknown', 'zaltbommel'),
		text: fc
			.string({ minLength: 1, maxLength: 300 })
			.filter((t) => t.trim().length > 0 && !/\p{Cc}/u.test(t)),
		consent: fc.constantFrom(1, 2, 3),
		locale: fc.constantFrom('pl', 'ro', 'bg', 'nl')
	})
);

test('valid reports from the API round-trip: a receipt that opens a report with status new', async ({
	request
}) => {
	test.setTimeout(120_000);
	expect(SITUATIONS.length).toBeGreaterThan(20);
	await fc.assert(
		fc.asyncProperty(validReport, async (report) => {
			const r = await request.post('/api/v1/reports', { data: report });
			expect([200, 201]).toContain(r.status());
			const { receipt } = await r.json();
			const again = await request.post('/api/v1/reports', { data: report });
			expect((await again.json()).receipt).toBe(receipt);
			const f = await request.post('/api/v1/reports/follow-up', { data: { receipt } });
			expect(f.status()).toBe(200);
			expect((await f.json()).status).toBe('new');
		}),
		{ numRuns: 25 }
	);
});

/** The form fields a page really has, so the fuzzer hits them as well as made-up ones. */
async function fieldsOf(request: import('@playwright/test').APIRequestContext, path: string) {
	const html = await (await request.get(path)).text();
	return [
		...new Set(
			[...html.matchAll(/<(?:input|textarea|select)[^>]*\sname="([^"]+)"/g)].map((m) => m[1])
		)
	];
}

test('the survey and feedback form actions never answer 5xx, whatever fields they get', async ({
	request
}) => {
	test.setTimeout(180_000);
	const origin = state.read().url;
	const list = await (await request.get('/pl/survey')).text();
	const surveyPath = list.match(/href="(\/pl\/survey\/[^"?#]+)"/)?.[1];
	expect(surveyPath, 'the starter survey is open').toBeTruthy();
	const surveyFields = await fieldsOf(request, surveyPath!);
	expect(surveyFields.length).toBeGreaterThan(5);
	const feedbackFields = ['page', 'helpful', 'comment', 'submission_key'];
	for (const [path, known] of [
		[surveyPath!, surveyFields],
		['/pl/feedback', feedbackFields]
	] as const) {
		await fc.assert(
			fc.asyncProperty(
				fc.dictionary(fc.oneof(fc.constantFrom(...known), weirdString), weirdString, {
					maxKeys: 14
				}),
				async (fields) => {
					const r = await request.post(path, {
						headers: { origin, accept: 'text/html' },
						form: fields
					});
					expect(r.status(), path).toBeLessThan(500);
					// Whatever was sent comes back as text, never as markup.
					expect(await r.text()).not.toContain('<script>alert(1)</script>');
				}
			),
			{ numRuns: 40 }
		);
	}
});

test('the map, its points and the facilities API never answer 5xx, whatever the query', async ({
	request
}) => {
	test.setTimeout(120_000);
	const known = ['category', 'gemeente', 'language', 'open', 'rni', 'page', 'lang'];
	await fc.assert(
		fc.asyncProperty(
			fc.dictionary(fc.oneof(fc.constantFrom(...known), weirdString), weirdString, {
				maxKeys: 6
			}),
			async (query) => {
				const qs = new URLSearchParams(query).toString();
				for (const path of ['/pl/map', '/pl/map/points.json', '/api/v1/facilities']) {
					const r = await request.get(`${path}?${qs}`);
					expect(r.status(), `${path}?${qs}`).toBeLessThan(500);
					if (path === '/pl/map') {
						expect(await r.text()).not.toContain('<script>alert(1)</script>');
					}
				}
			}
		),
		{ numRuns: 30 }
	);
});

// Issue #18 finding 8: bodies that are not a whole form, sent to every form action there is.
const MALFORMED: { name: string; type: string; data: string }[] = [
	{ name: 'text/plain', type: 'text/plain', data: 'text=hello&group=work' },
	{ name: 'multipart without a boundary', type: 'multipart/form-data', data: 'text=hello' },
	{
		name: 'truncated multipart',
		type: 'multipart/form-data; boundary=zz',
		data: '--zz\r\nContent-Disposition: form-data; name="text"\r\n\r\nhello'
	},
	{
		name: 'multipart with a broken header',
		type: 'multipart/form-data; boundary=zz',
		data: '--zz\r\nContent-Disposition: form-data; name="text\r\n\r\n\r\n--zz--\r\n'
	}
];

/** Every form action of every route, as a URL with made-up parameters. */
function formActions(): { route: string; url: string }[] {
	const out: { route: string; url: string }[] = [];
	for (const [route, rule] of Object.entries(RULES)) {
		const path = route
			.replace('[locale=locale]', 'pl')
			.replace('[gemeente]', 'tiel')
			.replace(/\[[^\]]+\]/g, 'nonexistent');
		for (const name of Object.keys(rule.actions ?? {})) {
			out.push({ route, url: name === 'default' ? path : `${path}?/${name}` });
		}
	}
	return out;
}

// Worker actions and staff sign-in must show their own page again with the message; the rest may
// show the translated error page. None may answer 5xx.
const KEEPS_FORM = new Set([
	'/[locale=locale]/report',
	'/[locale=locale]/report/follow-up',
	'/[locale=locale]/feedback',
	'/staff/login'
]);

test('every form action answers a malformed body with 4xx, never 5xx, and worker forms show their page', async ({
	page,
	request
}) => {
	test.setTimeout(180_000);
	await signIn(page, 'admin');
	const logBefore = state.log().length;
	const actions = formActions();
	expect(actions.length).toBeGreaterThan(40);
	const origin = state.read().url;
	for (const { route, url } of actions) {
		for (const body of MALFORMED) {
			// Worker forms and sign-in as a stranger would send them; the rest as a signed-in admin.
			const client = KEEPS_FORM.has(route) ? request : page.request;
			const r = await client.post(url, {
				headers: {
					'content-type': body.type,
					'sec-fetch-site': 'same-origin',
					origin,
					accept: 'text/html'
				},
				data: body.data,
				maxRedirects: 0
			});
			const where = `${body.name} → ${url}`;
			expect(r.status(), where).toBeLessThan(500);
			// Reply and answer need an open follow-up session: without one they go back to the form.
			const needsSession = ['?/leave', '?/reply', '?/answer'].some((a) => url.endsWith(a));
			if (KEEPS_FORM.has(route) && !needsSession) {
				expect(r.status(), where).toBe(400);
				expect(await r.text(), where).toContain('<form');
			}
		}
	}
	expect(state.log().slice(logBefore)).not.toMatch(/unhandled error/);
});
