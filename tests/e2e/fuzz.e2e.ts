import { randomBytes } from 'node:crypto';
// Property-based tests over HTTP against the production build: whatever a client sends to the
// report form action, the intake API, the survey and feedback actions or the map's queries, the
// answer is never a 5xx; valid reports round-trip.
import { expect, test } from '@playwright/test';
import fc from 'fast-check';
import { GROUPS, SITUATIONS, situationsOf, type Group } from '../../src/lib/report/catalogue.ts';
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
