// Staff sign-in through the gemeente's OpenID provider: authorization code flow with PKCE, state
// and nonce (OIDC Core 3.1, RFC 7636, RFC 9700 §2.1), ID-token checks by openid-client. Roles and
// gemeenten stay Wegwijs's decision: the provider only proves who someone is.
import * as client from 'openid-client';
import * as audit from '../platform/audit.ts';
import type { Db } from '../platform/db/index.ts';
import type { StaffUser } from '../platform/db/schema.ts';
import * as database from '../platform/db/index.ts';
import * as tokens from '../platform/tokens.ts';
import * as sessions from './session.ts';
import * as settings from './sign-in-settings.ts';
import * as users from './users.ts';

export const CALLBACK_PATH = '/staff/login/oidc/callback';
// Long enough to type a password and approve a push on a phone; short enough that a stolen
// state is worthless soon (RFC 9700 §4.7).
const ATTEMPT_MS = 10 * 60 * 1000;
// Discovery documents and signing keys change rarely; an hour keeps key rotation working.
const DISCOVERY_MS = 60 * 60 * 1000;

export type Refusal =
	| 'unknown_provider'
	| 'provider_unavailable'
	| 'provider_error'
	| 'state'
	| 'token'
	| 'email_missing'
	| 'email_unverified'
	| 'no_account'
	| 'no_group'
	| 'disabled'
	| 'subject_mismatch'
	| 'no_mfa';

const discovered = new Map<string, { config: client.Configuration; at: number }>();

function secret(p: settings.Provider): string | undefined {
	return process.env[settings.secretVariable(p.id)] || undefined;
}

async function configuration(p: settings.Provider): Promise<client.Configuration> {
	const key = `${p.issuer}|${p.clientId}|${secret(p) ?? ''}`;
	const hit = discovered.get(key);
	if (hit && Date.now() - hit.at < DISCOVERY_MS) return hit.config;
	const s = secret(p);
	const config = await client.discovery(
		new URL(p.issuer),
		p.clientId,
		s,
		s ? client.ClientSecretBasic(s) : client.None(),
		{ timeout: p.timeoutSeconds }
	);
	config.timeout = p.timeoutSeconds;
	discovered.set(key, { config, at: Date.now() });
	return config;
}

/** A network failure or timeout, as opposed to an answer we refuse. */
function unreachable(err: unknown): boolean {
	for (let e = err; e instanceof Error; e = e.cause) {
		if (e.name === 'TimeoutError' || e.name === 'AbortError') return true;
		if (e instanceof TypeError && /fetch failed/.test(e.message)) return true;
		if ('code' in e && /^(ECONNREFUSED|ECONNRESET|ENOTFOUND|UND_ERR_)/.test(String(e.code)))
			return true;
	}
	return false;
}

async function refuse(
	db: Db,
	reason: Refusal,
	providerId: string | null,
	user?: Pick<StaffUser, 'id'>,
	detail: Record<string, unknown> = {}
): Promise<{ ok: false; error: Refusal }> {
	await audit.record(db, {
		actorId: null,
		action: 'login.oidc_refused',
		objectType: user ? 'staff_user' : undefined,
		objectId: user?.id,
		detail: { provider: providerId, reason, ...detail }
	});
	return { ok: false, error: reason };
}

export type BeginResult = { ok: true; url: URL; state: string } | { ok: false; error: Refusal };

/** Starts a sign-in: remembers state, nonce and PKCE verifier, returns the provider's URL. */
export async function begin(
	db: Db,
	input: { regionId: string; providerId: string; redirectUri: string; next: string }
): Promise<BeginResult> {
	const region = await settings.read(db, input.regionId);
	const p = region.providers.find((x) => x.id === input.providerId);
	if (!p) return { ok: false, error: 'unknown_provider' };
	let config: client.Configuration;
	try {
		config = await configuration(p);
	} catch (err) {
		return refuse(db, unreachable(err) ? 'provider_unavailable' : 'provider_error', p.id);
	}
	const verifier = client.randomPKCECodeVerifier();
	const state = client.randomState();
	const nonce = client.randomNonce();
	await db
		.insertInto('oidc_login')
		.values({
			state_hash: tokens.hashSecret(state),
			region_id: input.regionId,
			provider_id: p.id,
			nonce,
			code_verifier: verifier,
			next: input.next,
			expires_at: new Date(Date.now() + ATTEMPT_MS)
		})
		.execute();
	const url = client.buildAuthorizationUrl(config, {
		redirect_uri: input.redirectUri,
		scope: p.scopes.join(' '),
		code_challenge: await client.calculatePKCECodeChallenge(verifier),
		code_challenge_method: 'S256',
		state,
		nonce
	});
	return { ok: true, url, state };
}

export type CompleteResult =
	| {
			ok: true;
			token: string;
			next: string;
			/** The provider asserted no MFA: Wegwijs's own TOTP comes next. */
			needsTotp: boolean;
			needsTotpSetup: boolean;
			expiresAt: Date;
	  }
	| { ok: false; error: Refusal };

/** Which role and gemeenten the groups claim gives, by the first mapping that matches. */
export function mapGroups(
	p: settings.Provider,
	claims: Record<string, unknown>
): settings.GroupMapping | null {
	const raw = p.groupsClaim ? claims[p.groupsClaim] : undefined;
	const groups = Array.isArray(raw) ? raw.map(String) : typeof raw === 'string' ? [raw] : [];
	return p.groupMappings.find((rule) => groups.includes(rule.group)) ?? null;
}

/** Whether the provider says the person used more than one factor (RFC 8176 `amr`, or `acr`). */
export function assertsMfa(p: settings.Provider, claims: Record<string, unknown>): boolean {
	const amr = Array.isArray(claims.amr) ? claims.amr.map(String) : [];
	const acr = typeof claims.acr === 'string' ? claims.acr : null;
	return amr.some((m) => p.mfaAmr.includes(m)) || (acr !== null && p.mfaAcr.includes(acr));
}

/**
 * Finishes a sign-in at the callback. The state must be the one this browser was given (cookie)
 * and is spent on first use, so a replayed or forged callback finds nothing. Every refusal is
 * audited with its reason and creates nothing.
 */
export async function complete(
	db: Db,
	input: { regionId: string; callbackUrl: URL; browserState: string | undefined; now?: Date }
): Promise<CompleteResult> {
	const now = input.now ?? new Date();
	const state = input.callbackUrl.searchParams.get('state');
	if (!state || state.length > 200 || state !== input.browserState)
		return refuse(db, 'state', null);
	const attempt = await db
		.deleteFrom('oidc_login')
		.where('state_hash', '=', tokens.hashSecret(state))
		.where('region_id', '=', input.regionId)
		.returningAll()
		.executeTakeFirst();
	if (!attempt || new Date(attempt.expires_at) <= now) return refuse(db, 'state', null);
	const region = await settings.read(db, input.regionId);
	const p = region.providers.find((x) => x.id === attempt.provider_id);
	if (!p) return refuse(db, 'unknown_provider', attempt.provider_id);
	if (input.callbackUrl.searchParams.has('error')) {
		return refuse(db, 'provider_error', p.id, undefined, {
			error: input.callbackUrl.searchParams.get('error')?.slice(0, 100)
		});
	}
	let claims: Record<string, unknown>;
	try {
		const config = await configuration(p);
		const result = await client.authorizationCodeGrant(config, input.callbackUrl, {
			pkceCodeVerifier: attempt.code_verifier,
			expectedState: state,
			expectedNonce: attempt.nonce,
			idTokenExpected: true
		});
		claims = { ...result.claims() };
	} catch (err) {
		if (unreachable(err)) return refuse(db, 'provider_unavailable', p.id);
		const code = err instanceof Error && 'code' in err ? String(err.code) : 'unknown';
		return refuse(db, 'token', p.id, undefined, { code });
	}
	const email = claims[p.emailClaim];
	if (typeof email !== 'string' || !users.isEmail(users.normaliseEmail(email)))
		return refuse(db, 'email_missing', p.id);
	// An address the provider has not verified could be anyone's (OIDC Core 5.1, 5.7).
	if (!p.emailAlwaysVerified && claims.email_verified !== true)
		return refuse(db, 'email_unverified', p.id);
	const subject = String(claims.sub);
	const mapping = p.groupMappings.length > 0 ? mapGroups(p, claims) : null;
	let user = await users.findByEmail(db, email);
	if (!user && !mapping) return refuse(db, 'no_account', p.id);
	if (user?.disabled_at) return refuse(db, 'disabled', p.id, user);
	if (user && user.region_id !== input.regionId) return refuse(db, 'no_account', p.id, user);
	if (user?.oidc_subject && (user.oidc_provider !== p.id || user.oidc_subject !== subject))
		return refuse(db, 'subject_mismatch', p.id, user);
	const mfa = assertsMfa(p, claims);
	if (!mfa && p.withoutMfa === 'refuse') return refuse(db, 'no_mfa', p.id, user);
	if (p.groupMappings.length > 0 && !mapping) {
		// The gemeente took the person out of every mapped group: they leave Wegwijs too.
		await users.setDisabled(db, user!.id, true);
		await audit.record(db, {
			actorId: null,
			action: 'user.disable',
			objectType: 'staff_user',
			objectId: user!.id,
			detail: { reason: 'no_group', provider: p.id }
		});
		return refuse(db, 'no_group', p.id, user);
	}
	const method = `oidc:${p.id}`;
	const breakGlass = settings.isBreakGlass(region, email);
	user = await database.transaction(db, async (trx) => {
		let u = user;
		if (!u) {
			const name = typeof claims.name === 'string' && claims.name.trim() ? claims.name : email;
			u = await users.create(trx, {
				email,
				name: name.slice(0, 200),
				role: mapping!.role,
				regionId: input.regionId,
				gemeenten: mapping!.gemeenten
			});
			await audit.record(trx, {
				actorId: null,
				action: 'user.add',
				objectType: 'staff_user',
				objectId: u.id,
				detail: { role: mapping!.role, provider: p.id, group: mapping!.group }
			});
		} else if (mapping) {
			const current = await users.gemeenten(trx, u.id);
			const wanted = [...new Set(mapping.gemeenten)].sort();
			if (u.role !== mapping.role || current.join() !== wanted.join()) {
				await users.setRole(trx, u.id, mapping.role, wanted);
				await audit.record(trx, {
					actorId: null,
					action: 'user.mapping',
					objectType: 'staff_user',
					objectId: u.id,
					detail: {
						provider: p.id,
						group: mapping.group,
						before: { role: u.role, gemeenten: current },
						after: { role: mapping.role, gemeenten: wanted }
					}
				});
			}
		}
		// A linked account has no password of its own, so offboarding at the provider is the end
		// of it; only a region's break-glass admins keep one.
		await users.linkProvider(trx, u.id, { provider: p.id, subject, keepPassword: breakGlass });
		await users.recordSignIn(trx, u.id, method, now);
		return u;
	});
	const expiresAt = new Date(now.getTime() + region.sessionHours * 3600 * 1000);
	const { token } = await sessions.create(db, user.id, mfa, now, { method, expiresAt });
	await audit.record(db, {
		actorId: user.id,
		action: 'login.oidc',
		objectType: 'staff_user',
		objectId: user.id,
		detail: { provider: p.id, mfa: mfa ? 'provider' : 'totp' }
	});
	return {
		ok: true,
		token,
		next: attempt.next,
		needsTotp: !mfa,
		needsTotpSetup: !mfa && user.totp_key === null,
		expiresAt
	};
}

/** Where logout sends the browser so the provider ends its session too (RP-Initiated Logout 1.0). */
export async function endSessionUrl(
	db: Db,
	input: { regionId: string; method: string; postLogoutRedirectUri: string }
): Promise<URL | null> {
	if (!input.method.startsWith('oidc:')) return null;
	const region = await settings.read(db, input.regionId);
	const p = region.providers.find((x) => `oidc:${x.id}` === input.method);
	if (!p) return null;
	try {
		const config = await configuration(p);
		if (!config.serverMetadata().end_session_endpoint) return null;
		return client.buildEndSessionUrl(config, {
			post_logout_redirect_uri: input.postLogoutRedirectUri
		});
	} catch {
		return null;
	}
}

/** Attempts nobody finished; the daily job removes them. */
export async function purgeExpired(db: Db, now = new Date()): Promise<void> {
	await db.deleteFrom('oidc_login').where('expires_at', '<=', now).execute();
}
