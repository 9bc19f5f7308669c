// How a region lets its staff sign in: OpenID providers, group mapping, local passwords, session
// lifetime. Stored in `region.settings.signIn`, set with `npm run admin -- region sign-in FILE`.
import { sql } from 'kysely';
import * as audit from '../platform/audit.ts';
import type { Db } from '../platform/db/index.ts';
import { ROLES, belongsToPartner, type Role } from '../../staff/roles.ts';

export interface GroupMapping {
	/** A value of the provider's groups claim (Entra ID: the group's object id). */
	group: string;
	role: Role;
	gemeenten: string[];
}

export interface Provider {
	/** Short id used in URLs, the audit log and the secret's variable name. */
	id: string;
	issuer: string;
	clientId: string;
	displayName: string;
	scopes: string[];
	/** Claim that holds the e-mail address the Wegwijs account is found by. */
	emailClaim: string;
	/**
	 * Trust the e-mail claim without `email_verified: true`: only for providers whose directory
	 * controls the address itself (Entra ID's `upn`), never for self-service sign-up.
	 */
	emailAlwaysVerified: boolean;
	groupsClaim: string | null;
	/** Group → role and gemeenten. Empty: only pre-created accounts get in. */
	groupMappings: GroupMapping[];
	/** `amr` values (RFC 8176) that count as multi-factor. */
	mfaAmr: string[];
	/** `acr` values that count as multi-factor. */
	mfaAcr: string[];
	/** Without an MFA assertion: refuse ('strict', the default) or ask for Wegwijs's own TOTP. */
	withoutMfa: 'refuse' | 'totp';
	/** Seconds to wait for the provider before giving up. */
	timeoutSeconds: number;
}

export interface SignInSettings {
	/** false: only the break-glass accounts may still use a password. */
	localLogin: boolean;
	/** E-mail addresses of admin accounts that keep a password when local login is off. */
	breakGlass: string[];
	/** Absolute session lifetime in hours (ASVS 3.3.2); default one working day. */
	sessionHours: number;
	providers: Provider[];
}

export const DEFAULTS: SignInSettings = {
	localLogin: true,
	breakGlass: [],
	sessionHours: 9,
	providers: []
};

// The built-in maximum (session.ts) stays the ceiling whatever a region sets.
const MAX_SESSION_HOURS = 12;
const ID = /^[a-z0-9][a-z0-9-]{0,39}$/;

type Problem = string;

function strings(value: unknown, field: string, problems: Problem[]): string[] {
	if (value === undefined) return [];
	if (!Array.isArray(value) || value.some((v) => typeof v !== 'string' || !v)) {
		problems.push(`${field} must be a list of texts`);
		return [];
	}
	return value as string[];
}

function text(value: unknown, field: string, problems: Problem[], fallback?: string): string {
	if (value === undefined && fallback !== undefined) return fallback;
	if (typeof value !== 'string' || !value.trim() || value.length > 500) {
		problems.push(`${field} is required`);
		return '';
	}
	return value.trim();
}

function provider(raw: unknown, i: number, problems: Problem[]): Provider {
	const p = (raw ?? {}) as Record<string, unknown>;
	const at = `providers[${i}]`;
	const id = text(p.id, `${at}.id`, problems);
	if (id && !ID.test(id)) problems.push(`${at}.id must be lower-case letters, digits and -`);
	const issuer = text(p.issuer, `${at}.issuer`, problems);
	// OIDC Core 3.1.2.1 and RFC 9700: the provider is only ever spoken to over TLS.
	if (issuer && !issuer.startsWith('https://')) problems.push(`${at}.issuer must be https`);
	const mappings = Array.isArray(p.groupMappings) ? p.groupMappings : [];
	const groupMappings = mappings.map((m: Record<string, unknown>, j): GroupMapping => {
		const role = String(m?.role ?? '');
		if (!(ROLES as readonly string[]).includes(role))
			problems.push(`${at}.groupMappings[${j}].role is not a role`);
		// A group claim names no partner organisation: partner users are added by an admin.
		else if (belongsToPartner(role as Role))
			problems.push(`${at}.groupMappings[${j}].role cannot be partner`);
		return {
			group: text(m?.group, `${at}.groupMappings[${j}].group`, problems),
			role: role as Role,
			gemeenten: strings(m?.gemeenten, `${at}.groupMappings[${j}].gemeenten`, problems)
		};
	});
	const groupsClaim =
		p.groupsClaim === undefined ? null : text(p.groupsClaim, `${at}.groupsClaim`, problems);
	if (groupMappings.length > 0 && !groupsClaim)
		problems.push(`${at}.groupMappings needs groupsClaim`);
	const withoutMfa = p.withoutMfa ?? 'refuse';
	if (withoutMfa !== 'refuse' && withoutMfa !== 'totp')
		problems.push(`${at}.withoutMfa must be refuse or totp`);
	const timeout = p.timeoutSeconds ?? 10;
	if (typeof timeout !== 'number' || timeout <= 0 || timeout > 60)
		problems.push(`${at}.timeoutSeconds must be 1–60`);
	const scopes = strings(p.scopes, `${at}.scopes`, problems);
	return {
		id,
		issuer: issuer.replace(/\/$/, ''),
		clientId: text(p.clientId, `${at}.clientId`, problems),
		displayName: text(p.displayName, `${at}.displayName`, problems),
		scopes: scopes.length > 0 ? scopes : ['openid', 'email', 'profile'],
		emailClaim: text(p.emailClaim, `${at}.emailClaim`, problems, 'email'),
		emailAlwaysVerified: p.emailAlwaysVerified === true,
		groupsClaim,
		groupMappings,
		mfaAmr: p.mfaAmr === undefined ? ['mfa'] : strings(p.mfaAmr, `${at}.mfaAmr`, problems),
		mfaAcr: strings(p.mfaAcr, `${at}.mfaAcr`, problems),
		withoutMfa: withoutMfa as Provider['withoutMfa'],
		timeoutSeconds: Number(timeout)
	};
}

/** Checks a region's sign-in settings; returns them with defaults filled in, or the problems. */
export function parse(
	raw: unknown
): { ok: true; settings: SignInSettings } | { ok: false; problems: Problem[] } {
	const r = (raw ?? {}) as Record<string, unknown>;
	const problems: Problem[] = [];
	if (typeof raw !== 'object' || Array.isArray(raw)) problems.push('settings must be an object');
	const providers = (Array.isArray(r.providers) ? r.providers : []).map((p, i) =>
		provider(p, i, problems)
	);
	if (new Set(providers.map((p) => p.id)).size !== providers.length)
		problems.push('provider ids must be unique');
	const hours = r.sessionHours ?? DEFAULTS.sessionHours;
	if (typeof hours !== 'number' || hours <= 0 || hours > MAX_SESSION_HOURS)
		problems.push(`sessionHours must be more than 0 and at most ${MAX_SESSION_HOURS}`);
	const localLogin = r.localLogin ?? true;
	if (typeof localLogin !== 'boolean') problems.push('localLogin must be true or false');
	// Without a provider and without passwords nobody could ever sign in again.
	if (localLogin === false && providers.length === 0)
		problems.push('localLogin can only be off with at least one provider');
	const settings: SignInSettings = {
		localLogin: localLogin !== false,
		breakGlass: strings(r.breakGlass, 'breakGlass', problems).map((e) => e.trim().toLowerCase()),
		sessionHours: Number(hours),
		providers
	};
	return problems.length > 0 ? { ok: false, problems } : { ok: true, settings };
}

/** The region's settings; stored settings that no longer parse fall back to passwords only. */
export async function read(db: Db, regionId: string): Promise<SignInSettings> {
	const row = await db
		.selectFrom('region')
		.select('settings')
		.where('id', '=', regionId)
		.executeTakeFirst();
	const stored = (row?.settings as { signIn?: unknown } | undefined)?.signIn;
	if (stored === undefined) return DEFAULTS;
	const parsed = parse(stored);
	return parsed.ok ? parsed.settings : DEFAULTS;
}

/** Environment variable that holds a provider's client secret (never stored in the database). */
export function secretVariable(providerId: string): string {
	return `WEGWIJS_OIDC_SECRET_${providerId.toUpperCase().replace(/-/g, '_')}`;
}

export function isBreakGlass(settings: SignInSettings, email: string): boolean {
	return settings.breakGlass.includes(email.trim().toLowerCase());
}

/**
 * Stores a region's settings after checking them. Every change is audited; group mappings decide
 * who may read reports, so their old and new values are kept in the log.
 */
export async function write(
	db: Db,
	actorId: string | null,
	regionId: string,
	raw: unknown
): Promise<{ ok: true; settings: SignInSettings } | { ok: false; problems: Problem[] }> {
	const parsed = parse(raw);
	if (!parsed.ok) return parsed;
	const before = await read(db, regionId);
	await db
		.updateTable('region')
		.set({ settings: sql`settings || ${JSON.stringify({ signIn: raw })}::jsonb` })
		.where('id', '=', regionId)
		.execute();
	const mappings = (s: SignInSettings) =>
		Object.fromEntries(s.providers.map((p) => [p.id, p.groupMappings]));
	await audit.record(db, {
		actorId,
		action: 'settings.sign_in',
		objectType: 'region',
		objectId: regionId,
		detail: {
			localLogin: parsed.settings.localLogin,
			breakGlass: parsed.settings.breakGlass,
			providers: parsed.settings.providers.map((p) => p.id),
			sessionHours: parsed.settings.sessionHours
		}
	});
	if (JSON.stringify(mappings(before)) !== JSON.stringify(mappings(parsed.settings))) {
		await audit.record(db, {
			actorId,
			action: 'settings.group_mapping',
			objectType: 'region',
			objectId: regionId,
			detail: { before: mappings(before), after: mappings(parsed.settings) }
		});
	}
	return parsed;
}
