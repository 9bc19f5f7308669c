import { createECDH, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as push from './push.ts';
import * as texts from './texts.ts';

function keys() {
	const ecdh = createECDH('prime256v1');
	ecdh.generateKeys();
	return {
		p256dh: ecdh.getPublicKey().toString('base64url'),
		auth: randomBytes(16).toString('base64url')
	};
}

afterEach(() => {
	delete process.env.WEGWIJS_PUSH_ALLOW_LOOPBACK;
});

describe('push subscriptions', () => {
	it('accepts a browser subscription on https', () => {
		const k = keys();
		const r = push.parse({ endpoint: 'https://fcm.googleapis.com/fcm/send/abc', keys: k });
		expect(r).toEqual({
			ok: true,
			keys: { endpoint: 'https://fcm.googleapis.com/fcm/send/abc', ...k }
		});
	});

	it('refuses plain http, credentials in the URL, unknown push services and non-URLs', () => {
		const k = keys();
		for (const endpoint of [
			'https://push.example.com/x',
			'https://fcm.googleapis.com.evil.example/x',
			'https://10.0.0.1/x',
			'http://push.example.com/x',
			'https://user:pw@push.example.com/x',
			'ftp://push.example.com/x',
			'not a url',
			`https://push.example.com/${'a'.repeat(2_000)}`,
			42
		]) {
			expect(push.parse({ endpoint, keys: k }), String(endpoint)).toEqual({
				ok: false,
				error: 'endpoint'
			});
		}
	});

	it('refuses keys that are not a P-256 point and a 16-byte secret', () => {
		const k = keys();
		const endpoint = 'https://fcm.googleapis.com/fcm/send/x';
		for (const bad of [
			{ p256dh: k.p256dh.slice(4), auth: k.auth },
			{ p256dh: k.p256dh, auth: randomBytes(8).toString('base64url') },
			{ p256dh: 'not base64!', auth: k.auth },
			{ p256dh: Buffer.alloc(65, 3).toString('base64url'), auth: k.auth }
		]) {
			expect(push.parse({ endpoint, keys: bad })).toEqual({ ok: false, error: 'subscription' });
		}
		expect(push.parse(null)).toEqual({ ok: false, error: 'subscription' });
		expect(push.parse({ endpoint })).toEqual({ ok: false, error: 'subscription' });
	});

	it('allows plain http only with the test-only loopback switch', () => {
		const sub = { endpoint: 'http://127.0.0.1:9/push/x', keys: keys() };
		expect(push.parse(sub).ok).toBe(false);
		process.env.WEGWIJS_PUSH_ALLOW_LOOPBACK = '1';
		expect(push.parse(sub).ok).toBe(true);
	});
});

describe('push services', () => {
	it('are the configured hosts and their subdomains only', () => {
		const hosts = ['fcm.googleapis.com', 'push.apple.com'];
		expect(push.knownPushHost('fcm.googleapis.com', hosts)).toBe(true);
		expect(push.knownPushHost('web.push.apple.com', hosts)).toBe(true);
		expect(push.knownPushHost('FCM.googleapis.com', hosts)).toBe(true);
		expect(push.knownPushHost('evilpush.apple.com', hosts)).toBe(false);
		expect(push.knownPushHost('fcm.googleapis.com.evil.example', hosts)).toBe(false);
		expect(push.knownPushHost('updates.push.services.mozilla.com')).toBe(true);
	});
});

describe('push addresses (no server-side request forgery)', () => {
	it('refuses loopback, private, link-local, unique-local and mapped private addresses', () => {
		for (const a of [
			'127.0.0.1',
			'::1',
			'10.1.2.3',
			'172.16.0.1',
			'192.168.1.1',
			'169.254.169.254',
			'100.64.0.1',
			'0.0.0.0',
			'::',
			'fe80::1',
			'fd00::1',
			'::ffff:10.0.0.1',
			'::ffff:127.0.0.1',
			'224.0.0.1',
			// 6to4 of 10.0.0.1 and 127.0.0.1, and a Teredo address
			'2002:a00:1::1',
			'2002:7f00:1::',
			'2001:0:4136:e378:8000:63bf:3fff:fdd2'
		]) {
			expect(push.publicAddress(a, false), a).toBe(false);
		}
	});

	it('allows public addresses', () => {
		for (const a of ['142.250.74.10', '2a00:1450:4001:80b::200a', '::ffff:8.8.8.8']) {
			expect(push.publicAddress(a, false), a).toBe(true);
		}
	});

	it('allows loopback only when told to, and never private networks', () => {
		expect(push.publicAddress('127.0.0.1', true)).toBe(true);
		expect(push.publicAddress('::1', true)).toBe(true);
		expect(push.publicAddress('10.0.0.1', true)).toBe(false);
		expect(push.publicAddress('169.254.169.254', true)).toBe(false);
	});

	it('refuses endpoints whose host resolves to a refused address', async () => {
		for (const endpoint of [
			'https://127.0.0.1/x',
			'https://localhost/x',
			'https://10.0.0.8/x',
			'https://[::1]/x',
			'https://[fe80::1]/x',
			'https://169.254.169.254/latest/meta-data'
		]) {
			expect(await push.resolve(endpoint), endpoint).toBe(false);
		}
		expect(await push.resolve('https://8.8.8.8/x')).toBe(true);
	});
});

describe('push payloads', () => {
	it('are fixed texts in the recipient’s language that name nothing', () => {
		expect(texts.payload('news', 'uk').url).toBe('/uk');
		// No kind of push is about the reporter's own report (issue #17).
		for (const locale of ['ro', 'pl', 'nl'])
			expect(JSON.stringify(texts.payload('news', locale))).not.toContain('report');
		expect(texts.payload('new_report', 'en').body).toBe('A new report has arrived in your inbox.');
		expect(texts.payload('overdue', 'nl').url).toBe('/staff/inbox');
		// An unknown language falls back to Dutch, never to an empty text.
		expect(texts.payload('news', 'xx').body).toBe(texts.payload('news', 'nl').body);
	});
});

describe('VAPID keys', () => {
	it('are generated once into DATA_DIR/secrets with mode 0600 and read back after', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vapid-'));
		const first = push.loadVapid(dir, {});
		const file = path.join(dir, 'secrets', 'vapid.json');
		expect(fs.statSync(file).mode & 0o777).toBe(0o600);
		expect(Buffer.from(first.publicKey, 'base64url')).toHaveLength(65);
		expect(push.loadVapid(dir, {})).toEqual(first);
		expect(first.subject).toMatch(/^(mailto:|https:)/);
	});

	it('come from the environment when set, with the subject too', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vapid-'));
		const made = push.loadVapid(dir, {});
		const env = {
			WEGWIJS_VAPID_PUBLIC_KEY: made.publicKey,
			WEGWIJS_VAPID_PRIVATE_KEY: made.privateKey,
			WEGWIJS_VAPID_SUBJECT: 'mailto:meldpunt@tiel.nl'
		};
		const other = fs.mkdtempSync(path.join(os.tmpdir(), 'vapid-'));
		expect(push.loadVapid(other, env)).toEqual({ ...made, subject: 'mailto:meldpunt@tiel.nl' });
		expect(fs.existsSync(path.join(other, 'secrets'))).toBe(false);
		expect(() => push.loadVapid(other, { WEGWIJS_VAPID_PUBLIC_KEY: made.publicKey })).toThrow();
	});
});
