// Staff sessions (Lucia guide). 30 minutes idle and 12 hours absolute (ASVS 3.3.2); a session is
// created before TOTP and only becomes useful once `two_factor_verified` is set.
import type { Db } from '../platform/db/index.ts';
import type { Role } from '../../staff/roles.ts';
import * as tokens from '../platform/tokens.ts';

export const IDLE_MS = 30 * 60 * 1000;
export const ABSOLUTE_MS = 12 * 60 * 60 * 1000;
// Writing last_seen_at on every request is waste; a minute's precision is enough for a 30 min window.
const TOUCH_AFTER_MS = 60 * 1000;

export interface SessionUser {
	id: string;
	email: string;
	name: string;
	role: Role;
	regionId: string;
	locale: string;
	hasPassword: boolean;
	hasTotp: boolean;
	gemeenten: string[];
	/** The partner organisation of a 'partner' user (roles table); null for other roles. */
	partnerId: string | null;
}

export interface Session {
	id: string;
	userId: string;
	twoFactorVerified: boolean;
	/** 'password' or 'oidc:<provider id>' */
	method: string;
	createdAt: Date;
	lastSeenAt: Date;
}

export async function create(
	db: Db,
	userId: string,
	twoFactorVerified: boolean,
	now = new Date(),
	opts: { method?: string; expiresAt?: Date } = {}
): Promise<{ token: string; session: Session }> {
	const t = tokens.create();
	const method = opts.method ?? 'password';
	await db
		.insertInto('staff_session')
		.values({
			id: t.id,
			user_id: userId,
			secret_hash: t.secretHash,
			two_factor_verified: twoFactorVerified,
			method,
			expires_at: opts.expiresAt ?? null,
			created_at: now,
			last_seen_at: now
		})
		.execute();
	return {
		token: t.token,
		session: { id: t.id, userId, twoFactorVerified, method, createdAt: now, lastSeenAt: now }
	};
}

/** Returns the session and its user, or null when the token is malformed, unknown or expired. */
export async function validate(
	db: Db,
	token: string | undefined,
	now = new Date()
): Promise<{ session: Session; user: SessionUser } | null> {
	const parsed = tokens.parse(token);
	if (!parsed) return null;
	const row = await db
		.selectFrom('staff_session as s')
		.innerJoin('staff_user as u', 'u.id', 's.user_id')
		.select([
			's.id',
			's.secret_hash',
			's.two_factor_verified',
			's.method',
			's.expires_at',
			's.created_at',
			's.last_seen_at',
			'u.id as user_id',
			'u.email',
			'u.name',
			'u.role',
			'u.region_id',
			'u.locale',
			'u.password_hash',
			'u.totp_key',
			'u.disabled_at',
			'u.partner_id'
		])
		.where('s.id', '=', parsed.id)
		.executeTakeFirst();
	if (!row || !tokens.matches(parsed.secret, row.secret_hash)) return null;
	const created = new Date(row.created_at);
	const lastSeen = new Date(row.last_seen_at);
	const expired =
		now.getTime() - created.getTime() >= ABSOLUTE_MS ||
		now.getTime() - lastSeen.getTime() >= IDLE_MS ||
		(row.expires_at !== null && now.getTime() >= new Date(row.expires_at).getTime());
	if (expired || row.disabled_at) {
		await invalidate(db, row.id);
		return null;
	}
	let seen = lastSeen;
	if (now.getTime() - lastSeen.getTime() >= TOUCH_AFTER_MS) {
		seen = now;
		await db
			.updateTable('staff_session')
			.set({ last_seen_at: now })
			.where('id', '=', row.id)
			.execute();
	}
	const gemeenten = await db
		.selectFrom('staff_user_gemeente')
		.select('gemeente_id')
		.where('user_id', '=', row.user_id)
		.orderBy('gemeente_id')
		.execute();
	return {
		session: {
			id: row.id,
			userId: row.user_id,
			twoFactorVerified: row.two_factor_verified,
			method: row.method,
			createdAt: created,
			lastSeenAt: seen
		},
		user: {
			id: row.user_id,
			email: row.email,
			name: row.name,
			role: row.role,
			regionId: row.region_id,
			locale: row.locale,
			hasPassword: row.password_hash !== null,
			// A provider's asserted MFA stands in for Wegwijs's TOTP for that session (issue #21).
			hasTotp: row.totp_key !== null || (row.method !== 'password' && row.two_factor_verified),
			gemeenten: gemeenten.map((g) => g.gemeente_id),
			partnerId: row.partner_id
		}
	};
}

/**
 * After the second factor: a new token for a verified session, and the password-only one ended.
 * A token seen before sign-in completed (on a shared screen, in a fixation attempt) is worth
 * nothing afterwards (ASVS 7.2.4). The start time carries over, so the 12-hour limit holds.
 */
export async function rotateVerified(
	db: Db,
	sessionId: string
): Promise<{ token: string; session: Session } | null> {
	const old = await db
		.deleteFrom('staff_session')
		.where('id', '=', sessionId)
		.returning(['user_id', 'created_at'])
		.executeTakeFirst();
	if (!old) return null;
	const created = await create(db, old.user_id, true, new Date());
	await db
		.updateTable('staff_session')
		.set({ created_at: old.created_at })
		.where('id', '=', created.session.id)
		.execute();
	return { ...created, session: { ...created.session, createdAt: new Date(old.created_at) } };
}

export async function invalidate(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('staff_session').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, optionally keeping one (the one that changed the password). */
export async function invalidateAll(db: Db, userId: string, except?: string): Promise<number> {
	let q = db.deleteFrom('staff_session').where('user_id', '=', userId);
	if (except) q = q.where('id', '!=', except);
	const r = await q.executeTakeFirst();
	return Number(r.numDeletedRows);
}

export async function purgeExpired(db: Db, now = new Date()): Promise<void> {
	await db
		.deleteFrom('staff_session')
		.where((eb) =>
			eb.or([
				eb('created_at', '<=', new Date(now.getTime() - ABSOLUTE_MS)),
				eb('expires_at', '<=', now),
				eb('last_seen_at', '<=', new Date(now.getTime() - IDLE_MS))
			])
		)
		.execute();
}
