// Staff sign-in through a real OpenID provider (oidc-provider over TLS on loopback), on both
// databases: the happy path, every refusal of issue #21, and what offboarding must guarantee.
import { mkdtempSync, writeFileSync } from 'node:fs';
import https from 'node:https';
import net, { type AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import tls from 'node:tls';
import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import * as cli from '../../src/lib/server/app/cli.ts';
import * as accounts from '../../src/lib/server/staff/accounts.ts';
import * as login from '../../src/lib/server/staff/login.ts';
import * as setup from '../../src/lib/server/staff/setup.ts';
import * as setupLinks from '../../src/lib/server/staff/setup-links.ts';
import * as oidc from '../../src/lib/server/staff/oidc.ts';
import * as sessions from '../../src/lib/server/staff/session.ts';
import * as signInSettings from '../../src/lib/server/staff/sign-in-settings.ts';
import * as users from '../../src/lib/server/staff/users.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import { staffUser } from '../factories/staff.ts';
import {
	CLIENT_ID,
	CLIENT_SECRET,
	certificate,
	start,
	type TestProvider
} from '../oidc/provider.ts';
import { onBothDatabases } from './databases.ts';

const REDIRECT = 'https://wegwijs.test/staff/login/oidc/callback';
const REGION = 'rivierenland';

let op: TestProvider;
let slow: https.Server;
let slowUrl: string;
let downUrl: string;

beforeAll(async () => {
	op = await start({
		redirectUris: [REDIRECT],
		accounts: {
			hanna: { email: 'Hanna.Visser@Tiel.TEST', email_verified: true, amr: ['pwd', 'mfa'] },
			pim: { email: 'pim@tiel.test', email_verified: true, amr: ['pwd'] },
			unverified: { email: 'un@tiel.test', email_verified: false, amr: ['pwd', 'mfa'] },
			stranger: { email: 'stranger@tiel.test', email_verified: true, amr: ['mfa'] },
			disabled: { email: 'gone@tiel.test', email_verified: true, amr: ['mfa'] },
			grouped: {
				email: 'grouped@buren.test',
				email_verified: true,
				name: 'Gert Groep',
				amr: ['mfa'],
				groups: ['wegwijs-handlers-buren']
			},
			ungrouped: { email: 'left@buren.test', email_verified: true, amr: ['mfa'], groups: [] }
		}
	});
	// Tests only: trust the provider's self-signed certificate in this process (the built app gets
	// it through NODE_EXTRA_CA_CERTS instead). openid-client itself keeps refusing plain http.
	tls.setDefaultCACertificates([...tls.getCACertificates('default'), op.ca]);
	process.env.WEGWIJS_OIDC_SECRET_GEMEENTE = CLIENT_SECRET;
	// A provider that accepts connections and never answers.
	slow = https.createServer(
		certificate(mkdtempSync(path.join(os.tmpdir(), 'oidc-slow-'))),
		() => {}
	);
	await new Promise<void>((r) => slow.listen(0, '127.0.0.1', r));
	slowUrl = `https://127.0.0.1:${(slow.address() as AddressInfo).port}`;
	// A provider that is not there at all: a port that was free a moment ago.
	const probe = net.createServer();
	await new Promise<void>((r) => probe.listen(0, '127.0.0.1', r));
	downUrl = `https://127.0.0.1:${(probe.address() as AddressInfo).port}`;
	await new Promise<void>((r) => probe.close(() => r()));
});

afterAll(async () => {
	await op?.close();
	slow?.closeAllConnections();
	await new Promise<void>((r) => (slow ? slow.close(() => r()) : r()));
});

function provider(extra: Record<string, unknown> = {}) {
	return {
		id: 'gemeente',
		issuer: op.issuer,
		clientId: CLIENT_ID,
		displayName: 'Gemeente Tiel',
		scopes: ['openid', 'email', 'profile', 'groups'],
		groupsClaim: 'groups',
		timeoutSeconds: 2,
		...extra
	};
}

async function configure(db: Db, settings: Record<string, unknown>) {
	const r = await signInSettings.write(db, null, REGION, settings);
	if (!r.ok) throw new Error(r.problems.join('; '));
}

/** Begins a sign-in, signs in at the provider as `account`, and finishes it at the callback. */
async function signIn(db: Db, account: string) {
	const begun = await oidc.begin(db, {
		regionId: REGION,
		providerId: 'gemeente',
		redirectUri: REDIRECT,
		next: '/staff/inbox'
	});
	if (!begun.ok) throw new Error(begun.error);
	const callbackUrl = await op.signIn(begun.url, account);
	const result = await oidc.complete(db, {
		regionId: REGION,
		callbackUrl,
		browserState: begun.state
	});
	return { begun, callbackUrl, result };
}

async function audited(db: Db, action: string) {
	return db
		.selectFrom('audit_log')
		.select(['action', 'object_id', 'detail'])
		.where('action', '=', action)
		.orderBy('id', 'desc')
		.execute();
}

async function userCount(db: Db) {
	return users.count(db);
}

onBothDatabases('OIDC sign-in', (ctx) => {
	beforeEach(async () => {
		op.forge(null);
		await configure(ctx.db, { providers: [provider()] });
	});

	it('signs a pre-created account in when the provider asserts MFA, and drops its password', async () => {
		const hanna = await users.create(ctx.db, {
			email: 'hanna.visser@tiel.test',
			name: 'Hanna Visser',
			role: 'handler',
			regionId: REGION,
			gemeenten: ['tiel']
		});
		await users.setPassword(ctx.db, hanna.id, 'argon2-hash-placeholder-never-checked');
		const before = await userCount(ctx.db);
		const { result } = await signIn(ctx.db, 'hanna');
		expect(result).toMatchObject({ ok: true, next: '/staff/inbox', needsTotp: false });
		if (!result.ok) return;
		// The address differed only in case: the same account, nothing new created.
		expect(await userCount(ctx.db)).toBe(before);
		const session = await sessions.validate(ctx.db, result.token);
		expect(session?.user.id).toBe(hanna.id);
		expect(session?.session).toMatchObject({ twoFactorVerified: true, method: 'oidc:gemeente' });
		expect(session?.user.hasTotp).toBe(true);
		const stored = await users.read(ctx.db, hanna.id);
		expect(stored).toMatchObject({
			password_hash: null,
			oidc_provider: 'gemeente',
			oidc_subject: 'hanna',
			last_sign_in_method: 'oidc:gemeente'
		});
		const [entry] = await audited(ctx.db, 'login.oidc');
		expect(entry).toMatchObject({
			object_id: hanna.id,
			detail: { provider: 'gemeente', mfa: 'provider' }
		});
	});

	it('gives a linked account no way back to a password, but ends its sessions on request', async () => {
		const u = await users.findByEmail(ctx.db, 'hanna.visser@tiel.test');
		expect(u?.oidc_subject).toBe('hanna');
		const { token } = await setupLinks.issue(ctx.db, { userId: u!.id, regionId: REGION });
		const r = await setup.complete(ctx.db, {
			token,
			password: 'a new password here',
			confirm: 'a new password here'
		});
		expect(r).toEqual({ ok: false, error: 'link_invalid' });
		expect((await users.read(ctx.db, u!.id))?.password_hash).toBeNull();
		const { result } = await signIn(ctx.db, 'hanna');
		if (!result.ok) throw new Error(result.error);
		expect(await accounts.endSessions(ctx.db, null, u!.id)).toBeGreaterThanOrEqual(1);
		expect(await sessions.validate(ctx.db, result.token)).toBeNull();
		const [entry] = await audited(ctx.db, 'user.end_sessions');
		expect(entry.object_id).toBe(u!.id);
	});

	it('refuses a replayed callback and a callback carried to another browser', async () => {
		const { callbackUrl, begun } = await signIn(ctx.db, 'hanna');
		const replay = await oidc.complete(ctx.db, {
			regionId: REGION,
			callbackUrl,
			browserState: begun.state
		});
		expect(replay).toEqual({ ok: false, error: 'state' });
		const again = await oidc.begin(ctx.db, {
			regionId: REGION,
			providerId: 'gemeente',
			redirectUri: REDIRECT,
			next: '/staff'
		});
		if (!again.ok) throw new Error(again.error);
		const url = await op.signIn(again.url, 'hanna');
		const otherBrowser = await oidc.complete(ctx.db, {
			regionId: REGION,
			callbackUrl: url,
			browserState: undefined
		});
		expect(otherBrowser).toEqual({ ok: false, error: 'state' });
		const wrong = await oidc.complete(ctx.db, {
			regionId: REGION,
			callbackUrl: new URL(url.href.replace(/state=[^&]+/, 'state=forged')),
			browserState: 'forged'
		});
		expect(wrong).toEqual({ ok: false, error: 'state' });
		const reasons = (await audited(ctx.db, 'login.oidc_refused')).map((e) => e.detail.reason);
		expect(reasons.slice(0, 3)).toEqual(['state', 'state', 'state']);
	});

	it('refuses a code that was already exchanged, even with a fresh state', async () => {
		const first = await signIn(ctx.db, 'hanna');
		expect(first.result.ok).toBe(true);
		const fresh = await oidc.begin(ctx.db, {
			regionId: REGION,
			providerId: 'gemeente',
			redirectUri: REDIRECT,
			next: '/staff'
		});
		if (!fresh.ok) throw new Error(fresh.error);
		const replayed = new URL(first.callbackUrl);
		replayed.searchParams.set('state', fresh.state);
		const result = await oidc.complete(ctx.db, {
			regionId: REGION,
			callbackUrl: replayed,
			browserState: fresh.state
		});
		expect(result).toEqual({ ok: false, error: 'token' });
	});

	for (const [what, change] of [
		['audience', (c: Record<string, unknown>) => (c.aud = 'someone-else')],
		['issuer', (c: Record<string, unknown>) => (c.iss = 'https://evil.test')],
		['nonce', (c: Record<string, unknown>) => (c.nonce = 'not-the-one-we-sent')],
		[
			'expiry',
			(c: Record<string, unknown>) => {
				c.iat = Math.floor(Date.now() / 1000) - 7200;
				c.exp = Math.floor(Date.now() / 1000) - 3600;
			}
		]
	] as const) {
		it(`refuses an ID token with the wrong ${what}, and creates nothing`, async () => {
			const before = await userCount(ctx.db);
			op.forge(change);
			const { result } = await signIn(ctx.db, 'stranger');
			expect(result).toEqual({ ok: false, error: 'token' });
			expect(await userCount(ctx.db)).toBe(before);
			const [entry] = await audited(ctx.db, 'login.oidc_refused');
			expect(entry.detail).toMatchObject({ provider: 'gemeente', reason: 'token' });
		});
	}

	it('a forged token that changes nothing is still accepted (the forgery switch itself works)', async () => {
		op.forge(() => {});
		const { result } = await signIn(ctx.db, 'hanna');
		expect(result.ok).toBe(true);
	});

	it('says the provider is unavailable when it is down or too slow', async () => {
		for (const issuer of [downUrl, slowUrl]) {
			await configure(ctx.db, {
				providers: [provider({ id: 'gemeente', issuer, timeoutSeconds: 1 })]
			});
			const started = Date.now();
			const r = await oidc.begin(ctx.db, {
				regionId: REGION,
				providerId: 'gemeente',
				redirectUri: REDIRECT,
				next: '/staff'
			});
			expect(r).toEqual({ ok: false, error: 'provider_unavailable' });
			expect(Date.now() - started).toBeLessThan(5000);
		}
		const [entry] = await audited(ctx.db, 'login.oidc_refused');
		expect(entry.detail).toMatchObject({ reason: 'provider_unavailable' });
	});

	it('refuses an unverified e-mail, an unknown person and a disabled account, creating nothing', async () => {
		await users.create(ctx.db, {
			email: 'un@tiel.test',
			name: 'U',
			role: 'handler',
			regionId: REGION,
			gemeenten: ['tiel']
		});
		const gone = await users.create(ctx.db, {
			email: 'gone@tiel.test',
			name: 'G',
			role: 'handler',
			regionId: REGION,
			gemeenten: ['tiel']
		});
		await users.setDisabled(ctx.db, gone.id, true);
		const before = await userCount(ctx.db);
		expect((await signIn(ctx.db, 'unverified')).result).toEqual({
			ok: false,
			error: 'email_unverified'
		});
		expect((await signIn(ctx.db, 'stranger')).result).toEqual({ ok: false, error: 'no_account' });
		expect((await signIn(ctx.db, 'disabled')).result).toEqual({ ok: false, error: 'disabled' });
		expect(await userCount(ctx.db)).toBe(before);
		const reasons = (await audited(ctx.db, 'login.oidc_refused'))
			.slice(0, 3)
			.map((e) => e.detail.reason);
		expect(reasons).toEqual(['disabled', 'no_account', 'email_unverified']);
		expect((await users.read(ctx.db, gone.id))?.oidc_subject).toBeNull();
	});

	it('without an MFA assertion: refuses by default, or asks for Wegwijs TOTP when configured', async () => {
		await users.create(ctx.db, {
			email: 'pim@tiel.test',
			name: 'Pim',
			role: 'handler',
			regionId: REGION,
			gemeenten: ['tiel']
		});
		expect((await signIn(ctx.db, 'pim')).result).toEqual({ ok: false, error: 'no_mfa' });
		await configure(ctx.db, { providers: [provider({ withoutMfa: 'totp' })] });
		const { result } = await signIn(ctx.db, 'pim');
		expect(result).toMatchObject({ ok: true, needsTotp: true, needsTotpSetup: true });
		if (!result.ok) return;
		const s = await sessions.validate(ctx.db, result.token);
		expect(s?.session.twoFactorVerified).toBe(false);
		expect(s?.user.hasTotp).toBe(false);
		// acr can carry the assertion instead of amr.
		await configure(ctx.db, { providers: [provider({ mfaAmr: ['hwk'], mfaAcr: [] })] });
		expect((await signIn(ctx.db, 'hanna')).result).toEqual({ ok: false, error: 'no_mfa' });
	});

	it('maps groups to a role and gemeenten, and disables an account whose group is gone', async () => {
		const mapping = { group: 'wegwijs-handlers-buren', role: 'handler', gemeenten: ['buren'] };
		await configure(ctx.db, { providers: [provider({ groupMappings: [mapping] })] });
		const [change] = await audited(ctx.db, 'settings.group_mapping');
		expect(change.detail).toMatchObject({ after: { gemeente: [mapping] } });
		const { result } = await signIn(ctx.db, 'grouped');
		expect(result.ok).toBe(true);
		const made = await users.findByEmail(ctx.db, 'grouped@buren.test');
		expect(made).toMatchObject({ role: 'handler', name: 'Gert Groep', password_hash: null });
		expect(await users.gemeenten(ctx.db, made!.id)).toEqual(['buren']);
		// Someone the gemeente took out of the group: the next sign-in ends their access.
		const left = await users.create(ctx.db, {
			email: 'left@buren.test',
			name: 'L',
			role: 'handler',
			regionId: REGION,
			gemeenten: ['buren']
		});
		const old = await sessions.create(ctx.db, left.id, true);
		expect((await signIn(ctx.db, 'ungrouped')).result).toEqual({ ok: false, error: 'no_group' });
		expect((await users.read(ctx.db, left.id))?.disabled_at).not.toBeNull();
		expect(await sessions.validate(ctx.db, old.token)).toBeNull();
		// Without mapping people without an account still get nothing.
		expect(await users.findByEmail(ctx.db, 'stranger@tiel.test')).toBeUndefined();
	});

	it('refuses a linked account signing in as a different provider subject', async () => {
		const u = await users.create(ctx.db, {
			email: 'stranger@tiel.test',
			name: 'S',
			role: 'handler',
			regionId: REGION,
			gemeenten: ['tiel']
		});
		await users.linkProvider(ctx.db, u.id, {
			provider: 'gemeente',
			subject: 'someone-before',
			keepPassword: false
		});
		expect((await signIn(ctx.db, 'stranger')).result).toEqual({
			ok: false,
			error: 'subject_mismatch'
		});
	});
});

onBothDatabases('local login and sessions', (ctx) => {
	it('with local login off only the break-glass admin may use a password, audited', async () => {
		const handler = await staffUser(ctx.db);
		const admin = await staffUser(ctx.db, { role: 'admin' });
		await configure(ctx.db, {
			localLogin: false,
			breakGlass: [admin.email.toUpperCase()],
			providers: [provider()]
		});
		const refused = await login.withPassword(ctx.db, {
			email: handler.email,
			password: handler.password,
			client: 'a'
		});
		expect(refused).toEqual({ ok: false, error: 'local_off' });
		const allowed = await login.withPassword(ctx.db, {
			email: admin.email,
			password: admin.password,
			client: 'b'
		});
		expect(allowed.ok).toBe(true);
		const [entry] = await audited(ctx.db, 'login.break_glass');
		expect(entry.object_id).toBe(admin.id);
		expect((await users.read(ctx.db, admin.id))?.last_sign_in_method).toBe('password');
	});

	it("ends a session after the region's absolute lifetime", async () => {
		await configure(ctx.db, { sessionHours: 8, providers: [provider()] });
		const u = await staffUser(ctx.db);
		const t0 = new Date();
		const r = await login.withPassword(ctx.db, {
			email: u.email,
			password: u.password,
			client: 'c'
		});
		if (!r.ok) throw new Error(r.error);
		const row = await ctx.db
			.selectFrom('staff_session')
			.select('expires_at')
			.where('user_id', '=', u.id)
			.executeTakeFirstOrThrow();
		const hours = (new Date(row.expires_at!).getTime() - t0.getTime()) / 3600_000;
		expect(hours).toBeGreaterThan(7.99);
		expect(hours).toBeLessThan(8.01);
		expect(await sessions.validate(ctx.db, r.token)).not.toBeNull();
		// Kept alive by activity every 20 minutes, it still ends at 8 hours.
		let last: unknown = true;
		for (let m = 20; m <= 8 * 60; m += 20) {
			last = await sessions.validate(ctx.db, r.token, new Date(t0.getTime() + m * 60_000 + 1000));
			if (!last) {
				expect(m).toBe(8 * 60);
				break;
			}
		}
		expect(last).toBeNull();
	});

	it('rejects settings that would lock everyone out or speak plain http', () => {
		expect(signInSettings.parse({ localLogin: false }).ok).toBe(false);
		expect(
			signInSettings.parse({ providers: [{ ...provider(), issuer: 'http://x.test' }] }).ok
		).toBe(false);
		expect(signInSettings.parse({ sessionHours: 13 }).ok).toBe(false);
	});

	it('the CLI sets the sign-in settings, lists inactive accounts and ends sessions', async () => {
		const out: string[] = [];
		const run = (...argv: string[]) => cli.run(argv, ctx.db, (l) => out.push(l));
		const file = path.join(mkdtempSync(path.join(os.tmpdir(), 'sign-in-')), 'sign-in.json');
		writeFileSync(file, JSON.stringify({ localLogin: false, providers: [] }));
		expect(await run('region', 'sign-in', file)).toBe(1);
		expect(out.pop()).toMatch(/localLogin can only be off with at least one provider/);
		writeFileSync(
			file,
			JSON.stringify({ localLogin: false, sessionHours: 8, providers: [provider()] })
		);
		expect(await run('region', 'sign-in', file)).toBe(0);
		expect(out.join('\n')).toContain('providers gemeente, local login off, sessions 8 h');
		expect((await signInSettings.read(ctx.db, REGION)).localLogin).toBe(false);
		const u = await staffUser(ctx.db);
		await users.recordSignIn(ctx.db, u.id, 'oidc:gemeente', new Date(Date.now() - 50 * 86400_000));
		expect(await run('user', 'inactive', '--days', '45')).toBe(0);
		expect(out.pop()).toMatch(
			new RegExp(`^${u.email}\\t.*\\thandler\\t\\d{4}-.*\\toidc:gemeente$`)
		);
		const { token } = await sessions.create(ctx.db, u.id, true);
		expect(await run('user', 'end-sessions', '--email', u.email)).toBe(0);
		expect(out.pop()).toBe(`${u.email}: 1 sessions ended`);
		expect(await sessions.validate(ctx.db, token)).toBeNull();
	});

	it('lists active accounts not signed in for N days', async () => {
		const u = await staffUser(ctx.db);
		const now = new Date();
		await users.recordSignIn(ctx.db, u.id, 'password', new Date(now.getTime() - 40 * 86400_000));
		const fresh = await staffUser(ctx.db);
		await users.recordSignIn(ctx.db, fresh.id, 'oidc:gemeente', now);
		const list = (await users.inactive(ctx.db, 30, now)).map((r) => r.email);
		expect(list).toContain(u.email);
		expect(list).not.toContain(fresh.email);
	});
});
