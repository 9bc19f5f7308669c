// Staff users: accounts, roles, gemeente assignments. Returns data, never HTTP.
import { randomUUID } from 'node:crypto';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import type { StaffUser } from '../platform/db/schema.ts';
import type { StaffLocale } from '../../i18n/staff.ts';
import type { Role } from '../../staff/roles.ts';
import * as crypto from '../platform/crypto.ts';

export interface NewUser {
	email: string;
	name: string;
	role: Role;
	regionId: string;
	gemeenten?: string[];
	locale?: StaffLocale;
	/** Required for role 'partner', absent for every other role (the database checks). */
	partnerId?: string | null;
}

export type UserSummary = Pick<
	StaffUser,
	| 'id'
	| 'email'
	| 'name'
	| 'role'
	| 'region_id'
	| 'disabled_at'
	| 'created_at'
	| 'locale'
	| 'oidc_provider'
	| 'last_sign_in_at'
	| 'last_sign_in_method'
	| 'partner_id'
> & { gemeenten: string[]; has_password: boolean; has_totp: boolean };

export function normaliseEmail(email: string): string {
	return email.trim().toLowerCase();
}

export function isEmail(email: string): boolean {
	return email.length <= 254 && /^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email);
}

export async function count(db: Db): Promise<number> {
	const r = await db
		.selectFrom('staff_user')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

export async function create(db: Db, input: NewUser): Promise<StaffUser> {
	const id = randomUUID();
	return database.transaction(db, async (trx) => {
		const user = await trx
			.insertInto('staff_user')
			.values({
				id,
				email: normaliseEmail(input.email),
				name: input.name.trim(),
				role: input.role,
				region_id: input.regionId,
				locale: input.locale ?? 'nl',
				partner_id: input.partnerId ?? null
			})
			.returningAll()
			.executeTakeFirstOrThrow();
		await setGemeenten(trx, id, input.gemeenten ?? []);
		return user;
	});
}

export async function setGemeenten(db: Db, userId: string, gemeenten: string[]): Promise<void> {
	await db.deleteFrom('staff_user_gemeente').where('user_id', '=', userId).execute();
	if (gemeenten.length === 0) return;
	await db
		.insertInto('staff_user_gemeente')
		.values([...new Set(gemeenten)].map((g) => ({ user_id: userId, gemeente_id: g })))
		.execute();
}

export function read(db: Db, id: string): Promise<StaffUser | undefined> {
	return db.selectFrom('staff_user').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findByEmail(db: Db, email: string): Promise<StaffUser | undefined> {
	return db
		.selectFrom('staff_user')
		.selectAll()
		.where('email', '=', normaliseEmail(email))
		.executeTakeFirst();
}

export async function list(db: Db, regionId?: string): Promise<UserSummary[]> {
	let q = db
		.selectFrom('staff_user as u')
		.select([
			'u.id',
			'u.email',
			'u.name',
			'u.role',
			'u.region_id',
			'u.disabled_at',
			'u.created_at',
			'u.locale',
			'u.oidc_provider',
			'u.last_sign_in_at',
			'u.last_sign_in_method',
			'u.partner_id'
		])
		.select((eb) => [
			eb('u.password_hash', 'is not', null).as('has_password'),
			eb('u.totp_key', 'is not', null).as('has_totp'),
			eb
				.selectFrom('staff_user_gemeente as g')
				.select((e) => e.fn.agg<string[]>('array_agg', ['g.gemeente_id']).as('x'))
				.whereRef('g.user_id', '=', 'u.id')
				.as('gemeenten')
		])
		.orderBy('u.email');
	if (regionId) q = q.where('u.region_id', '=', regionId);
	const rows = await q.execute();
	return rows.map((r) => ({
		...r,
		has_password: Boolean(r.has_password),
		has_totp: Boolean(r.has_totp),
		gemeenten: (r.gemeenten ?? []).sort()
	}));
}

export async function setPassword(db: Db, id: string, passwordHash: string): Promise<void> {
	await db
		.updateTable('staff_user')
		.set({ password_hash: passwordHash })
		.where('id', '=', id)
		.execute();
}

/** Stores a new TOTP key, sealed under the master key; the replay counter starts afresh. */
export async function setTotpKey(
	db: Db,
	id: string,
	key: Uint8Array,
	counter: bigint
): Promise<void> {
	await db
		.updateTable('staff_user')
		.set({
			totp_key: crypto.sealWithMaster(key, `totp:${id}`),
			totp_last_counter: counter.toString()
		})
		.where('id', '=', id)
		.execute();
}

export async function clearTotp(db: Db, id: string): Promise<void> {
	await db
		.updateTable('staff_user')
		.set({ totp_key: null, totp_last_counter: null })
		.where('id', '=', id)
		.execute();
}

export function totpKey(user: Pick<StaffUser, 'id' | 'totp_key'>): Uint8Array | null {
	return user.totp_key
		? new Uint8Array(crypto.openWithMaster(user.totp_key, `totp:${user.id}`))
		: null;
}

/**
 * Records a used TOTP counter. Conditional on the previous value so two concurrent requests with
 * the same code cannot both succeed; returns false when another request won.
 */
export async function useTotpCounter(
	db: Db,
	id: string,
	previous: string | null,
	counter: bigint
): Promise<boolean> {
	let q = db
		.updateTable('staff_user')
		.set({ totp_last_counter: counter.toString() })
		.where('id', '=', id);
	q =
		previous === null
			? q.where('totp_last_counter', 'is', null)
			: q.where('totp_last_counter', '=', previous);
	const r = await q.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}

export async function setDisabled(db: Db, id: string, disabled: boolean): Promise<boolean> {
	const r = await db
		.updateTable('staff_user')
		.set({ disabled_at: disabled ? new Date() : null })
		.where('id', '=', id)
		.executeTakeFirst();
	if (disabled) await db.deleteFrom('staff_session').where('user_id', '=', id).execute();
	return Number(r.numUpdatedRows) === 1;
}

export async function setLocale(db: Db, id: string, locale: StaffLocale): Promise<void> {
	await db.updateTable('staff_user').set({ locale }).where('id', '=', id).execute();
}

export async function gemeenten(db: Db, id: string): Promise<string[]> {
	const rows = await db
		.selectFrom('staff_user_gemeente')
		.select('gemeente_id')
		.where('user_id', '=', id)
		.orderBy('gemeente_id')
		.execute();
	return rows.map((r) => r.gemeente_id);
}

export async function setRole(db: Db, id: string, role: Role, gemeenten: string[]): Promise<void> {
	await db.updateTable('staff_user').set({ role }).where('id', '=', id).execute();
	await setGemeenten(db, id, gemeenten);
}

/** Ties the account to its provider account; the password goes unless it is a break-glass one. */
export async function linkProvider(
	db: Db,
	id: string,
	link: { provider: string; subject: string; keepPassword: boolean }
): Promise<void> {
	await db
		.updateTable('staff_user')
		.set({
			oidc_provider: link.provider,
			oidc_subject: link.subject,
			...(link.keepPassword ? {} : { password_hash: null })
		})
		.where('id', '=', id)
		.execute();
}

export async function recordSignIn(db: Db, id: string, method: string, at: Date): Promise<void> {
	await db
		.updateTable('staff_user')
		.set({ last_sign_in_at: at, last_sign_in_method: method })
		.where('id', '=', id)
		.execute();
}

/** Active accounts not signed in since `days` days ago (never signed in: since created). */
export function inactive(db: Db, days: number, now = new Date()) {
	const before = new Date(now.getTime() - days * 24 * 3600 * 1000);
	return db
		.selectFrom('staff_user')
		.select(['email', 'name', 'role', 'last_sign_in_at', 'last_sign_in_method', 'created_at'])
		.where('disabled_at', 'is', null)
		.where((eb) =>
			eb.or([
				eb('last_sign_in_at', '<', before),
				eb.and([eb('last_sign_in_at', 'is', null), eb('created_at', '<', before)])
			])
		)
		.orderBy('email')
		.execute();
}
