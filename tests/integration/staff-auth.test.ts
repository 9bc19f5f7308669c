import { expect, it } from 'vitest';
import * as accounts from '../../src/lib/server/staff/accounts.ts';
import * as login from '../../src/lib/server/staff/login.ts';
import * as sessions from '../../src/lib/server/staff/session.ts';
import * as setup from '../../src/lib/server/staff/setup.ts';
import * as setupLinks from '../../src/lib/server/staff/setup-links.ts';
import * as startup from '../../src/lib/server/app/startup.ts';
import * as totp from '../../src/lib/server/staff/totp.ts';
import * as users from '../../src/lib/server/staff/users.ts';
import { staffUser } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

onBothDatabases('first admin', (ctx) => {
	it('is created through the one-time bootstrap link, which then stops working', async () => {
		const link = await startup.bootstrapLink(ctx.db, 'http://x');
		expect(link).toMatch(/^http:\/\/x\/staff\/setup\/[a-z2-7]+\.[a-z2-7]+$/);
		const token = link!.split('/').pop()!;
		const bad = await setup.complete(ctx.db, {
			token,
			name: 'A',
			email: 'nope',
			password: 'long enough pw',
			confirm: 'long enough pw'
		});
		expect(bad).toEqual({ ok: false, error: 'email_invalid' });
		const ok = await setup.complete(ctx.db, {
			token,
			name: 'Anna',
			email: 'Anna@Example.test',
			password: 'long enough pw',
			confirm: 'long enough pw'
		});
		expect(ok.ok).toBe(true);
		const admin = await users.findByEmail(ctx.db, 'anna@example.test');
		expect(admin?.role).toBe('admin');
		expect(admin?.password_hash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
		const again = await setup.complete(ctx.db, {
			token,
			name: 'Eve',
			email: 'eve@example.test',
			password: 'long enough pw',
			confirm: 'long enough pw'
		});
		expect(again).toEqual({ ok: false, error: 'link_used' });
		expect(await startup.bootstrapLink(ctx.db)).toBeNull();
	});

	it('refuses an expired link', async () => {
		const u = await staffUser(ctx.db);
		const old = new Date(Date.now() - 25 * 3600 * 1000);
		const { token } = await setupLinks.issue(ctx.db, {
			userId: u.id,
			regionId: 'rivierenland',
			now: old
		});
		const r = await setup.complete(ctx.db, {
			token,
			password: 'long enough pw',
			confirm: 'long enough pw'
		});
		expect(r).toEqual({ ok: false, error: 'link_expired' });
	});

	it('refuses malformed and unknown tokens without throwing', async () => {
		for (const token of [
			'',
			'abc',
			'a.b.c',
			'../../etc',
			'x'.repeat(5000),
			'aaaaaaaaaaaaaaaaaaaaaaaa.bbbbbbbbbbbbbbbbbbbbbbbbbbbbbbbb'
		]) {
			expect((await setupLinks.check(ctx.db, token)).ok).toBe(false);
		}
	});
});

onBothDatabases('staff login', (ctx) => {
	it('needs the right password, then a TOTP code that works only once', async () => {
		const u = await staffUser(ctx.db);
		expect(
			await login.withPassword(ctx.db, { email: u.email, password: 'wrong password', client: 'c1' })
		).toEqual({ ok: false, error: 'invalid' });
		expect(
			await login.withPassword(ctx.db, {
				email: 'nobody@example.test',
				password: 'whatever',
				client: 'c1'
			})
		).toEqual({ ok: false, error: 'invalid' });
		const r = await login.withPassword(ctx.db, {
			email: u.email.toUpperCase(),
			password: u.password,
			client: 'c1'
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const v = await sessions.validate(ctx.db, r.token);
		expect(v?.session.twoFactorVerified).toBe(false);

		const now = new Date();
		const code = totp.codeAt(u.totpKey, now);
		expect(
			await login.withTotp(ctx.db, {
				userId: u.id,
				sessionId: v!.session.id,
				code: '000000' === code ? '111111' : '000000',
				now
			})
		).toEqual({ ok: false, error: 'invalid' });
		const verified = await login.withTotp(ctx.db, {
			userId: u.id,
			sessionId: v!.session.id,
			code,
			now
		});
		expect(verified.ok).toBe(true);
		if (!verified.ok) return;
		// The token is rotated: the password-only token is dead, the new one is verified.
		expect(verified.token).not.toBe(r.token);
		expect(await sessions.validate(ctx.db, r.token)).toBeNull();
		const after = await sessions.validate(ctx.db, verified.token);
		expect(after?.session.twoFactorVerified).toBe(true);
		expect(after?.session.createdAt.getTime()).toBe(v!.session.createdAt.getTime());
		// Replay of the same code, even in a new session, is refused.
		const r2 = await login.withPassword(ctx.db, {
			email: u.email,
			password: u.password,
			client: 'c1'
		});
		const v2 = await sessions.validate(ctx.db, r2.ok ? r2.token : '');
		expect(
			await login.withTotp(ctx.db, { userId: u.id, sessionId: v2!.session.id, code, now })
		).toEqual({ ok: false, error: 'invalid' });
	});

	it('throttles repeated failures per client and account, and never locks the owner out', async () => {
		const u = await staffUser(ctx.db);
		const guesser = `guesser-${ctx.kind}`;
		const tries = [];
		for (let i = 0; i < 12; i++)
			tries.push(
				await login.withPassword(ctx.db, {
					email: u.email,
					password: 'wrong ' + i,
					client: guesser
				})
			);
		expect(tries.slice(0, 10).every((t) => !t.ok && t.error === 'invalid')).toBe(true);
		expect(tries.slice(10)).toEqual([
			{ ok: false, error: 'throttled' },
			{ ok: false, error: 'throttled' }
		]);
		// The guesser is refused even the right password from that address …
		expect(
			await login.withPassword(ctx.db, { email: u.email, password: u.password, client: guesser })
		).toEqual({ ok: false, error: 'throttled' });
		// … and 50 wrong tries from 50 other addresses do not lock the owner out either.
		for (let i = 0; i < 50; i++)
			await login.withPassword(ctx.db, {
				email: u.email,
				password: 'wrong ' + i,
				client: `spread-${ctx.kind}-${i}`
			});
		expect(
			await login.withPassword(ctx.db, {
				email: u.email,
				password: u.password,
				client: `owner-${ctx.kind}`
			})
		).toMatchObject({ ok: true });
	});

	it('does not let a disabled user in and ends their sessions', async () => {
		const u = await staffUser(ctx.db);
		const r = await login.withPassword(ctx.db, {
			email: u.email,
			password: u.password,
			client: 'c2'
		});
		expect(r.ok).toBe(true);
		await accounts.setDisabled(ctx.db, null, u.id, true);
		expect(await sessions.validate(ctx.db, r.ok ? r.token : '')).toBeNull();
		expect(
			await login.withPassword(ctx.db, { email: u.email, password: u.password, client: 'c2' })
		).toEqual({ ok: false, error: 'invalid' });
	});
});

onBothDatabases('staff sessions', (ctx) => {
	it('expire after 30 minutes idle and after 12 hours in any case', async () => {
		const u = await staffUser(ctx.db);
		const t0 = new Date('2026-01-01T08:00:00Z');
		const { token } = await sessions.create(ctx.db, u.id, true, t0);
		const at = (min: number) => new Date(t0.getTime() + min * 60_000);
		expect(await sessions.validate(ctx.db, token, at(29))).not.toBeNull();
		// Kept alive by activity every 20 minutes…
		let t = 29;
		while (t < 12 * 60 - 20) {
			t += 20;
			expect(await sessions.validate(ctx.db, token, at(t))).not.toBeNull();
		}
		// …but not beyond 12 hours.
		expect(await sessions.validate(ctx.db, token, at(12 * 60 + 1))).toBeNull();

		const idle = await sessions.create(ctx.db, u.id, true, t0);
		expect(await sessions.validate(ctx.db, idle.token, at(31))).toBeNull();
	});

	it('rejects tampered and malformed tokens', async () => {
		const u = await staffUser(ctx.db);
		const { token } = await sessions.create(ctx.db, u.id, true);
		const [id, secret] = token.split('.');
		const flipped = secret.slice(0, -1) + (secret.endsWith('a') ? 'b' : 'a');
		for (const bad of [`${id}.${flipped}`, id, `${id}.`, `.${secret}`, 'Ω.Ω', `${token}.x`, '']) {
			expect(await sessions.validate(ctx.db, bad)).toBeNull();
		}
		expect(await sessions.validate(ctx.db, token)).not.toBeNull();
	});

	it('end server-side on password change, except the session that changed it', async () => {
		const u = await staffUser(ctx.db);
		const a = await sessions.create(ctx.db, u.id, true);
		const b = await sessions.create(ctx.db, u.id, true);
		const r = await login.changePassword(ctx.db, {
			userId: u.id,
			sessionId: a.session.id,
			current: u.password,
			next: 'a brand new password',
			confirm: 'a brand new password'
		});
		expect(r).toEqual({ ok: true });
		expect(await sessions.validate(ctx.db, a.token)).not.toBeNull();
		expect(await sessions.validate(ctx.db, b.token)).toBeNull();
		expect(
			await login.changePassword(ctx.db, {
				userId: u.id,
				sessionId: a.session.id,
				current: 'wrong',
				next: 'another new password',
				confirm: 'another new password'
			})
		).toEqual({ ok: false, error: 'invalid' });
	});
});

onBothDatabases('user administration', (ctx) => {
	it('validates new users and issues a setup link', async () => {
		const base = {
			email: 'h@example.test',
			name: 'H',
			role: 'handler',
			gemeenten: ['tiel'],
			regionId: 'rivierenland'
		};
		expect(await accounts.add(ctx.db, null, { ...base, role: 'boss' })).toEqual({
			ok: false,
			error: 'role_invalid'
		});
		expect(await accounts.add(ctx.db, null, { ...base, gemeenten: [] })).toEqual({
			ok: false,
			error: 'gemeente_invalid'
		});
		expect(await accounts.add(ctx.db, null, { ...base, gemeenten: ['amsterdam'] })).toEqual({
			ok: false,
			error: 'gemeente_invalid'
		});
		const ok = await accounts.add(ctx.db, null, base);
		expect(ok.ok).toBe(true);
		expect(await accounts.add(ctx.db, null, { ...base, email: 'H@EXAMPLE.test' })).toEqual({
			ok: false,
			error: 'email_taken'
		});
		const done = await setup.complete(ctx.db, {
			token: ok.ok ? ok.token : '',
			password: 'twelve chars!',
			confirm: 'twelve chars!'
		});
		expect(done.ok).toBe(true);
		const listed = (await users.list(ctx.db)).find((u) => u.email === 'h@example.test');
		expect(listed).toMatchObject({
			role: 'handler',
			gemeenten: ['tiel'],
			has_password: true,
			has_totp: false
		});
	});
});
