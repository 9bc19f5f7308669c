// Staff sign-in in the order the Lucia example validates: throttle → shape → credentials → state.
// Unknown e-mail and wrong password get the same answer after the same amount of work.
import type { Db } from '../platform/db/index.ts';
import * as audit from '../platform/audit.ts';
import * as password from './password.ts';
import * as rateLimit from '../platform/rate-limit.ts';
import * as sessions from './session.ts';
import * as signInSettings from './sign-in-settings.ts';
import * as totp from './totp.ts';
import * as users from './users.ts';

export type LoginResult =
	| { ok: true; token: string; needsTotpSetup: boolean }
	| { ok: false; error: 'invalid' | 'throttled' | 'local_off' };

export async function withPassword(
	db: Db,
	input: { email: string; password: string; client: string }
): Promise<LoginResult> {
	const email = users.normaliseEmail(input.email);
	if (
		!rateLimit.loginPerClient.consume(input.client) ||
		!(await rateLimit.loginPerClientAccount.consume(db, `${input.client}\n${email}`))
	) {
		await audit.record(db, { actorId: null, action: 'login.throttled', detail: {} });
		return { ok: false, error: 'throttled' };
	}
	const user = await users.findByEmail(db, email);
	const valid =
		user && user.password_hash && !user.disabled_at
			? await password.verify(user.password_hash, input.password)
			: await password.verifyDummy(input.password);
	if (!user || !valid) {
		await audit.record(db, {
			actorId: null,
			action: 'login.failed',
			objectType: user ? 'staff_user' : undefined,
			objectId: user?.id
		});
		return { ok: false, error: 'invalid' };
	}
	await rateLimit.loginPerClientAccount.reset(db, `${input.client}\n${email}`);
	const region = await signInSettings.read(db, user.region_id);
	const breakGlass = !region.localLogin && signInSettings.isBreakGlass(region, email);
	if (!region.localLogin && !breakGlass) {
		await audit.record(db, {
			actorId: null,
			action: 'login.failed',
			objectType: 'staff_user',
			objectId: user.id,
			detail: { reason: 'local_off' }
		});
		return { ok: false, error: 'local_off' };
	}
	const now = new Date();
	const { token } = await sessions.create(db, user.id, false, now, {
		method: 'password',
		expiresAt: new Date(now.getTime() + region.sessionHours * 3600 * 1000)
	});
	await users.recordSignIn(db, user.id, 'password', now);
	// The break-glass account is the one way around the provider: every use is looked at.
	await audit.record(db, {
		actorId: user.id,
		action: breakGlass ? 'login.break_glass' : 'login.password',
		objectType: 'staff_user',
		objectId: user.id
	});
	return { ok: true, token, needsTotpSetup: user.totp_key === null };
}

/** On success, the new session token (the password-only session is replaced). */
export type TotpResult =
	{ ok: true; token: string } | { ok: false; error: 'invalid' | 'throttled' };

/** Second step: a TOTP code for a password-verified session. */
export async function withTotp(
	db: Db,
	input: { userId: string; sessionId: string; code: string; now?: Date }
): Promise<TotpResult> {
	if (!(await rateLimit.totpPerUser.consume(db, input.userId)))
		return { ok: false, error: 'throttled' };
	const user = await users.read(db, input.userId);
	const key = user ? users.totpKey(user) : null;
	if (!user || !key) return { ok: false, error: 'invalid' };
	const last = user.totp_last_counter === null ? null : BigInt(user.totp_last_counter);
	const counter = totp.verify(key, input.code, last, input.now);
	if (
		counter === null ||
		!(await users.useTotpCounter(db, user.id, user.totp_last_counter, counter))
	) {
		await audit.record(db, {
			actorId: null,
			action: 'login.totp_failed',
			objectType: 'staff_user',
			objectId: user.id
		});
		return { ok: false, error: 'invalid' };
	}
	await rateLimit.totpPerUser.reset(db, input.userId);
	const rotated = await sessions.rotateVerified(db, input.sessionId);
	if (!rotated) return { ok: false, error: 'invalid' };
	await audit.record(db, {
		actorId: user.id,
		action: 'login.totp',
		objectType: 'staff_user',
		objectId: user.id
	});
	return { ok: true, token: rotated.token };
}

/** Enrols (or re-enrols) TOTP: the first code proves the authenticator holds the key. */
export async function enrolTotp(
	db: Db,
	input: { userId: string; sessionId: string; key: Uint8Array; code: string; now?: Date }
): Promise<TotpResult> {
	if (!(await rateLimit.totpPerUser.consume(db, input.userId)))
		return { ok: false, error: 'throttled' };
	const counter = totp.verify(input.key, input.code, null, input.now);
	if (counter === null) return { ok: false, error: 'invalid' };
	await users.setTotpKey(db, input.userId, input.key, counter);
	const rotated = await sessions.rotateVerified(db, input.sessionId);
	if (!rotated) return { ok: false, error: 'invalid' };
	// Other sessions were verified with the old key; end them.
	await sessions.invalidateAll(db, input.userId, rotated.session.id);
	await audit.record(db, {
		actorId: input.userId,
		action: 'totp.enrol',
		objectType: 'staff_user',
		objectId: input.userId
	});
	return { ok: true, token: rotated.token };
}

export type ChangeResult =
	{ ok: true } | { ok: false; error: 'invalid' | 'too_short' | 'too_long' | 'mismatch' };

export async function changePassword(
	db: Db,
	input: { userId: string; sessionId: string; current: string; next: string; confirm: string }
): Promise<ChangeResult> {
	const user = await users.read(db, input.userId);
	if (!user?.password_hash || !(await password.verify(user.password_hash, input.current))) {
		return { ok: false, error: 'invalid' };
	}
	const problem = password.check(input.next);
	if (problem) return { ok: false, error: problem };
	if (input.next !== input.confirm) return { ok: false, error: 'mismatch' };
	await users.setPassword(db, user.id, await password.hash(input.next));
	await sessions.invalidateAll(db, user.id, input.sessionId);
	await audit.record(db, {
		actorId: user.id,
		action: 'password.change',
		objectType: 'staff_user',
		objectId: user.id
	});
	return { ok: true };
}
