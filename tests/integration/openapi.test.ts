// The served OpenAPI document against real requests and answers: every body the tests send and
// every answer the handlers give is checked with a JSON Schema validator against the document
// GET /api/v1/openapi.json serves, so a schema that drifts from the handlers fails here.
import { createECDH, randomBytes } from 'node:crypto';
import type { RequestEvent } from '@sveltejs/kit';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as database from '../../src/lib/server/platform/db/index.ts';
import * as openapiRoute from '../../src/routes/api/v1/openapi.json/+server.ts';
import * as reportsRoute from '../../src/routes/api/v1/reports/+server.ts';
import * as followUpRoute from '../../src/routes/api/v1/reports/follow-up/+server.ts';
import * as facilitiesRoute from '../../src/routes/api/v1/facilities/+server.ts';
import * as healthRoute from '../../src/routes/api/health/+server.ts';
import * as keyRoute from '../../src/routes/api/v1/push/key/+server.ts';
import * as subscriptionsRoute from '../../src/routes/api/v1/push/subscriptions/+server.ts';
import * as queryRoute from '../../src/routes/api/v1/push/subscriptions/query/+server.ts';
import { rawReport } from '../factories/reports.ts';
import { onBothDatabases } from './databases.ts';

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
	let previous: ReturnType<typeof database.get> | undefined;
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

	beforeAll(async () => {
		try {
			previous = database.get();
		} catch {
			previous = undefined;
		}
		database.use({ db: ctx.db, kind: ctx.kind });
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
		if (previous) database.use(previous);
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
				messages: []
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
