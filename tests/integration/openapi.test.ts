// The served OpenAPI document against real requests and answers: every body the tests send and
// every answer the handlers give is checked with a JSON Schema validator against the document
// GET /api/v1/openapi.json serves, so a schema that drifts from the handlers fails here.
import { createECDH, randomBytes, randomUUID } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as openapiRoute from '../../src/routes/api/v1/openapi.json/+server.ts';
import * as reportsRoute from '../../src/routes/api/v1/reports/+server.ts';
import * as followUpRoute from '../../src/routes/api/v1/reports/follow-up/+server.ts';
import * as answersRoute from '../../src/routes/api/v1/reports/follow-up/answers/+server.ts';
import * as custom from '../../src/lib/server/casework/custom-questions.ts';
import * as followup from '../../src/lib/server/meldpunt/followup.ts';
import * as questions from '../../src/lib/server/casework/questions.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import { check as checkQuestion, key } from '../../src/lib/casework/custom-questions.ts';
import { template } from '../../src/lib/report/texts.ts';
import { WORKER } from '../../src/lib/server/i18n/messages.ts';
import { actor } from '../factories/staff.ts';
import * as facilitiesRoute from '../../src/routes/api/v1/facilities/+server.ts';
import * as healthRoute from '../../src/routes/api/health/+server.ts';
import * as keyRoute from '../../src/routes/api/v1/push/key/+server.ts';
import * as subscriptionsRoute from '../../src/routes/api/v1/push/subscriptions/+server.ts';
import * as queryRoute from '../../src/routes/api/v1/push/subscriptions/query/+server.ts';
import { rawReport } from '../factories/reports.ts';
import { asAppDatabase, onBothDatabases } from './databases.ts';

type Handler = (event: RequestEvent) => Response | Promise<Response>;
type Json = Record<string, unknown>;

const DOC_ID = 'https://wegwijs.invalid/api/v1/openapi.json';

/** Only what the API handlers read of a RequestEvent; each call comes from its own address. */
function event(method: string, path: string, body?: unknown): RequestEvent {
	const url = new URL(path, 'http://localhost');
	const request = new Request(url, {
		method,
		headers: body === undefined ? {} : { 'content-type': 'application/json' },
		body: body === undefined ? undefined : JSON.stringify(body)
	});
	const client = `192.0.2.${Math.floor(Math.random() * 250) + 1}`;
	const cookies = { get: () => undefined };
	return { request, url, params: {}, getClientAddress: () => client, cookies } as never;
}

async function call(handler: Handler, method: string, path: string, body?: unknown) {
	const response = await handler(event(method, path, body));
	const type = response.headers.get('content-type') ?? '';
	const payload = type.includes('json') ? ((await response.json()) as unknown) : undefined;
	return { status: response.status, type: type.split(';')[0], body: payload };
}

function pointer(...parts: string[]): string {
	return parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');
}

onBothDatabases('the served OpenAPI document', (ctx) => {
	let doc: Json;
	let ajv: Ajv2020;
	const loopback = process.env.WEGWIJS_PUSH_ALLOW_LOOPBACK;

	/** Validates `value` against the schema at a path of the served document; returns the errors. */
	function check(value: unknown, ...path: string[]): string[] {
		const validate = ajv.getSchema(`${DOC_ID}#/${pointer(...path)}`);
		if (!validate) throw new Error(`no schema at ${path.join(' › ')}`);
		return validate(value)
			? []
			: (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
	}

	function answer(path: string, method: string, status: number, type: string, value: unknown) {
		return check(
			value,
			'paths',
			path,
			method,
			'responses',
			String(status),
			'content',
			type,
			'schema'
		);
	}

	function request(path: string, method: string, value: unknown) {
		return check(
			value,
			'paths',
			path,
			method,
			'requestBody',
			'content',
			'application/json',
			'schema'
		);
	}

	asAppDatabase(ctx);
	beforeAll(async () => {
		// The push endpoint below is on loopback; only tests may allow that (see push.ts).
		process.env.WEGWIJS_PUSH_ALLOW_LOOPBACK = '1';
		const served = await call(openapiRoute.GET as Handler, 'GET', '/api/v1/openapi.json');
		expect(served.status).toBe(200);
		doc = served.body as Json;
		ajv = new Ajv2020({ strict: false, allErrors: true });
		addFormats.default(ajv);
		ajv.addSchema({ ...doc, $id: DOC_ID });
	});

	afterAll(() => {
		if (loopback === undefined) delete process.env.WEGWIJS_PUSH_ALLOW_LOOPBACK;
		else process.env.WEGWIJS_PUSH_ALLOW_LOOPBACK = loopback;
	});

	it('is an OpenAPI 3.1 document whose schemas compile', () => {
		expect(doc.openapi).toBe('3.1.0');
		const schemas = (doc.components as Json).schemas as Json;
		expect(Object.keys(schemas).length).toBeGreaterThan(10);
		for (const name of Object.keys(schemas)) {
			expect(ajv.getSchema(`${DOC_ID}#/components/schemas/${name}`), name).toBeTypeOf('function');
		}
	});

	it('describes a report submission, its receipt, a retry and field errors as they really are', async () => {
		const body = { ...rawReport(), consent: 2, pin_lat: 51.88, pin_lng: 5.43, locale: 'pl' };
		expect(request('/api/v1/reports', 'post', body)).toEqual([]);
		const created = await call(reportsRoute.POST as Handler, 'POST', '/api/v1/reports', body);
		expect(created.status).toBe(201);
		expect(answer('/api/v1/reports', 'post', 201, created.type, created.body)).toEqual([]);

		const again = await call(reportsRoute.POST as Handler, 'POST', '/api/v1/reports', body);
		expect(again.status).toBe(200);
		expect(again.body).toEqual(created.body);
		expect(answer('/api/v1/reports', 'post', 200, again.type, again.body)).toEqual([]);

		const bad = { ...rawReport(), group: 'weather', situations: [], text: '' };
		expect(request('/api/v1/reports', 'post', bad)).not.toEqual([]);
		const refused = await call(reportsRoute.POST as Handler, 'POST', '/api/v1/reports', bad);
		expect(refused.status).toBe(400);
		expect(refused.body).toEqual({ errors: { group: 'group', text: 'text_required' } });
		expect(answer('/api/v1/reports', 'post', 400, refused.type, refused.body)).toEqual([]);

		const long = { ...rawReport(), text: 'x'.repeat(5001) };
		expect(request('/api/v1/reports', 'post', long)).not.toEqual([]);
		const tooLong = await call(reportsRoute.POST as Handler, 'POST', '/api/v1/reports', long);
		expect(tooLong.status).toBe(413);
		expect(answer('/api/v1/reports', 'post', 413, tooLong.type, tooLong.body)).toEqual([]);
	});

	it('describes the follow-up of a receipt, an unknown receipt and a malformed one', async () => {
		const stored = await call(reportsRoute.POST as Handler, 'POST', '/api/v1/reports', rawReport());
		const receipt = (stored.body as { receipt: string }).receipt;
		const path = '/api/v1/reports/follow-up';
		expect(request(path, 'post', { receipt })).toEqual([]);
		const read = await call(followUpRoute.POST as Handler, 'POST', path, { receipt });
		expect(read.status).toBe(200);
		expect((read.body as { status: string }).status).toBe('new');
		expect(answer(path, 'post', 200, read.type, read.body)).toEqual([]);

		const unknown = await call(followUpRoute.POST as Handler, 'POST', path, {
			receipt: '0000 0000 0000 0000'
		});
		expect(unknown.status).toBe(404);
		expect(answer(path, 'post', 404, unknown.type, unknown.body)).toEqual([]);

		for (const receipt of ['abc', 12, 'x'.repeat(101), undefined]) {
			const malformed = await call(followUpRoute.POST as Handler, 'POST', path, { receipt });
			expect(malformed.status, String(receipt)).toBe(400);
			expect(malformed.body).toEqual({ error: 'receipt_format' });
			expect(answer(path, 'post', 400, malformed.type, malformed.body)).toEqual([]);
		}
	});

	it('lists open questions with the follow-up and takes their answers, checked like the form', async () => {
		const locales = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];
		const coordinator = await actor(ctx.db, 'coordinator');
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const written = checkQuestion(
			{
				type: 'number',
				texts: Object.fromEntries(
					locales.map((l) => [
						l,
						{
							question: l === 'pl' ? 'Ile płacisz za łóżko?' : `Hoeveel betaal je (${l})?`,
							options: ''
						}
					])
				)
			},
			locales
		);
		if (!written.ok) throw new Error('setup');
		const own = randomUUID();
		await custom.create(ctx.db, coordinator, own, written);
		const stored = await call(reportsRoute.POST as Handler, 'POST', '/api/v1/reports', {
			...rawReport(),
			locale: 'pl'
		});
		const receipt = (stored.body as { receipt: string }).receipt;
		const opened = await followup.open(ctx.db, { receipt, client: '198.51.100.7' });
		if (!opened.ok) throw new Error('setup');
		await followup.leave(ctx.db, opened.token);
		const reportId = opened.reportId;
		const { version } = await ctx.db
			.selectFrom('report')
			.select('version')
			.where('id', '=', reportId)
			.executeTakeFirstOrThrow();
		const asked = await questions.ask(ctx.db, handler, {
			id: reportId,
			version,
			keys: ['still_living', key(own)]
		});
		expect(asked).toEqual({ ok: true });

		const read = await call(followUpRoute.POST as Handler, 'POST', '/api/v1/reports/follow-up', {
			receipt
		});
		expect(answer('/api/v1/reports/follow-up', 'post', 200, read.type, read.body)).toEqual([]);
		const open = (read.body as { questions: { id: string; type: string; question: string }[] })
			.questions;
		expect(open.map((q) => [q.type, q.question])).toEqual([
			['choice', (WORKER.pl as Record<string, string>).followup_question_still_living],
			['number', 'Ile płacisz za łóżko?']
		]);
		const [living, price] = open.map((q) => q.id);
		// In the thread too, the region's own question brings its words in the report's language.
		const messages = (read.body as { messages: { template: string; params: Json }[] }).messages;
		expect(
			messages.filter((m) => m.template === 'question').map((m) => m.params.text ?? null)
		).toEqual([null, 'Ile płacisz za łóżko?']);

		const path = '/api/v1/reports/follow-up/answers';
		const wrong = { receipt, answers: { [living]: 'moved', [price]: 'veel' } };
		expect(request(path, 'post', wrong)).toEqual([]);
		const refused = await call(answersRoute.POST as Handler, 'POST', path, wrong);
		expect(refused.status).toBe(400);
		expect(refused.body).toEqual({ errors: { [price]: 'question_number' } });
		expect(answer(path, 'post', 400, refused.type, refused.body)).toEqual([]);
		// All or nothing: the right answer next to the wrong one was not stored.
		expect(await questions.open(ctx.db, reportId)).toHaveLength(2);

		const right = { receipt, answers: { [living]: 'moved', [price]: '350' } };
		const done = await call(answersRoute.POST as Handler, 'POST', path, right);
		expect(done).toMatchObject({ status: 200, body: { answered: 2 } });
		expect(answer(path, 'post', 200, done.type, done.body)).toEqual([]);
		// Sent again (a retry): nothing is stored twice.
		const again = await call(answersRoute.POST as Handler, 'POST', path, right);
		expect(again.body).toEqual({
			errors: { [living]: 'question_answered', [price]: 'question_answered' }
		});
		expect(answer(path, 'post', 400, again.type, again.body)).toEqual([]);
		const answers = (await reports.messages(ctx.db, reportId)).filter(
			(m) => m.template === 'answer'
		);
		expect(answers).toHaveLength(2);

		// The handler reads both answers in Dutch.
		const defs = await custom.byKeys(ctx.db, [key(own)]);
		const nl = { ...(WORKER.nl as Record<string, string>), ...custom.pack(defs.values(), 'nl') };
		const thread = (await reports.messagesIn(ctx.db, reportId, 'nl')).map((m) =>
			m.template ? template(nl, m.template, m.params, 'nl') : m.text
		);
		expect(thread).toContain('Hoeveel betaal je (nl)? Antwoord: 350');
		expect(thread).toContain(
			`${nl.followup_question_still_living} Antwoord: ${nl.followup_question_still_living_moved}`
		);

		for (const [body, code] of [
			[{ receipt, answers: {} }, 'question_none'],
			[{ receipt, answers: { 'not-an-id': 'x' } }, 'answers'],
			[{ receipt, answers: 'yes' }, 'answers'],
			[{ receipt: 'abc', answers: {} }, 'receipt_format']
		] as const) {
			const bad = await call(answersRoute.POST as Handler, 'POST', path, body);
			expect(bad, JSON.stringify(body)).toMatchObject({ status: 400, body: { error: code } });
			expect(answer(path, 'post', 400, bad.type, bad.body)).toEqual([]);
		}
		const unknown = await call(answersRoute.POST as Handler, 'POST', path, {
			receipt: '0000 0000 0000 0000',
			answers: {}
		});
		expect(unknown.status).toBe(404);
		expect(answer(path, 'post', 404, unknown.type, unknown.body)).toEqual([]);
	});

	it('describes the facilities GeoJSON and its refusals', async () => {
		const path = '/api/v1/facilities';
		const all = await call(facilitiesRoute.GET as Handler, 'GET', `${path}?lang=pl`);
		expect(all.status).toBe(200);
		expect(all.type).toBe('application/geo+json');
		expect(((all.body as Json).features as unknown[]).length).toBeGreaterThan(0);
		expect(answer(path, 'get', 200, all.type, all.body)).toEqual([]);

		for (const [query, code] of [
			['lang=xx', 'lang'],
			['category=castle', 'category'],
			['gemeente=Tiel!', 'gemeente'],
			['lang=xx&category=castle', 'lang']
		]) {
			const refused = await call(facilitiesRoute.GET as Handler, 'GET', `${path}?${query}`);
			expect(refused, query).toMatchObject({ status: 400, body: { error: code } });
			expect(answer(path, 'get', 400, refused.type, refused.body)).toEqual([]);
		}
	});

	it('describes push subscriptions: the key, subscribing, listing, refusing and removing', async () => {
		const key = await call(keyRoute.GET as Handler, 'GET', '/api/v1/push/key');
		expect(answer('/api/v1/push/key', 'get', 200, key.type, key.body)).toEqual([]);

		const ecdh = createECDH('prime256v1');
		ecdh.generateKeys();
		const subscription = {
			endpoint: `http://127.0.0.1:9/push/${randomBytes(8).toString('hex')}`,
			keys: {
				p256dh: ecdh.getPublicKey().toString('base64url'),
				auth: randomBytes(16).toString('base64url')
			}
		};
		const path = '/api/v1/push/subscriptions';
		const body = { subscription, topic: 'news', locale: 'ro', gemeente: 'tiel' };
		expect(request(path, 'post', body)).toEqual([]);
		const created = await call(subscriptionsRoute.POST as Handler, 'POST', path, body);
		expect(created.status).toBe(201);
		expect(answer(path, 'post', 201, created.type, created.body)).toEqual([]);

		const listed = await call(queryRoute.POST as Handler, 'POST', `${path}/query`, {
			endpoint: subscription.endpoint
		});
		expect(listed.status).toBe(200);
		expect((listed.body as { subscriptions: unknown[] }).subscriptions).toHaveLength(1);
		expect(answer(`${path}/query`, 'post', 200, listed.type, listed.body)).toEqual([]);

		for (const [bad, code] of [
			[{ ...body, topic: 'weather' }, 'topic'],
			[{ ...body, locale: 'xx' }, 'locale'],
			[{ topic: 'news', locale: 'ro' }, 'subscription'],
			[{ subscription, locale: 'ro' }, 'topic'],
			[{ ...body, subscription: { keys: subscription.keys } }, 'endpoint'],
			[
				{ ...body, subscription: { ...subscription, keys: { p256dh: 'AA', auth: 'AA' } } },
				'subscription'
			],
			[{ ...body, subscription: { ...subscription, endpoint: 'ftp://push.example/1' } }, 'endpoint']
		] as const) {
			const refused = await call(subscriptionsRoute.POST as Handler, 'POST', path, bad);
			expect(refused, code).toMatchObject({ status: 400, body: { error: code } });
			expect(answer(path, 'post', 400, refused.type, refused.body)).toEqual([]);
		}

		const endpoint = { endpoint: subscription.endpoint, id: (created.body as { id: string }).id };
		expect(request(path, 'delete', endpoint)).toEqual([]);
		const removed = await call(subscriptionsRoute.DELETE as Handler, 'DELETE', path, endpoint);
		expect(removed.status).toBe(204);
		const badId = await call(subscriptionsRoute.DELETE as Handler, 'DELETE', path, {
			endpoint: subscription.endpoint,
			id: 'not-a-uuid'
		});
		expect(badId).toMatchObject({ status: 400, body: { error: 'id' } });
		expect(answer(path, 'delete', 400, badId.type, badId.body)).toEqual([]);
	});

	it('describes the health answer', async () => {
		const health = await call(healthRoute.GET as Handler, 'GET', '/api/health');
		expect(health.status).toBe(200);
		expect(answer('/api/health', 'get', 200, health.type, health.body)).toEqual([]);
	});

	it('fails an answer that breaks the document (the validator is not a yes-machine)', () => {
		expect(
			answer('/api/v1/reports', 'post', 201, 'application/json', { receipt: '12' })
		).not.toEqual([]);
		expect(
			answer('/api/v1/reports/follow-up', 'post', 200, 'application/json', {
				status: 'lost',
				createdAt: 'yesterday',
				messages: [],
				questions: []
			})
		).toHaveLength(2);
	});
});

describe('the OpenAPI test harness', () => {
	it('escapes JSON pointers the way RFC 6901 says', () => {
		expect(pointer('/api/v1/reports', 'application/json')).toBe(
			'~1api~1v1~1reports/application~1json'
		);
	});
});
