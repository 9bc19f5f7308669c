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
}

export interface Session {
	id: string;
	userId: string;
	twoFactorVerified: boolean;
	createdAt: Date;
	lastSeenAt: Date;
}

export async function create(
	db: Db,
	userId: string,
	twoFactorVerified: boolean,
	now = new Date()
): Promise<{ token: string; session: Session }> {
	const t = tokens.create();
	await db
		.insertInto('staff_session')
		.values({
			id: t.id,
			user_id: userId,
			secret_hash: t.secretHash,
			two_factor_verified: twoFactorVerified,
			created_at: now,
			last_seen_at: now
		})
		.execute();
	return {
		token: t.token,
		session: { id: t.id, userId, twoFactorVerified, createdAt: now, lastSeenAt: now }
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
			'u.disabled_at'
		])
		.where('s.id', '=', parsed.id)
		.executeTakeFirst();
	if (!row || !tokens.matches(parsed.secret, row.secret_hash)) return null;
	const created = new Date(row.created_at);
	const lastSeen = new Date(row.last_seen_at);
	const expired =
		now.getTime() - created.getTime() >= ABSOLUTE_MS ||
		now.getTime() - lastSeen.getTime() >= IDLE_MS;
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
			hasTotp: row.totp_key !== null,
			gemeenten: gemeenten.map((g) => g.gemeente_id)
		}
	};
}

export async function markTwoFactorVerified(db: Db, sessionId: string): Promise<void> {
	await db
		.updateTable('staff_session')
		.set({ two_factor_verified: true })
		.where('id', '=', sessionId)
		.execute();
}

export async function invalidate(db: Db, sessionId: string): Promise<void> {
	await db.deleteFrom('staff_session').where('id', '=', sessionId).execute();
}

/** Ends every session of a user, optionally keeping one (the one that changed the password). */
export async function invalidateAll(db: Db, userId: string, except?: string): Promise<void> {
	let q = db.deleteFrom('staff_session').where('user_id', '=', userId);
	if (except) q = q.where('id', '!=', except);
	await q.execute();
}

export async function purgeExpired(db: Db, now = new Date()): Promise<void> {
	await db
		.deleteFrom('staff_session')
		.where((eb) =>
			eb.or([
				eb('created_at', '<=', new Date(now.getTime() - ABSOLUTE_MS)),
				eb('last_seen_at', '<=', new Date(now.getTime() - IDLE_MS))
			])
		)
		.execute();
}
