// Throttling keyed by HMACs: a client address is hashed with the secret pepper before it is used as
// a key, kept in this instance's memory only, and never stored or logged. Fixed windows are enough
// to stop guessing.
import { isIPv6 } from 'node:net';
import { sql } from 'kysely';
import * as crypto from './crypto.ts';
import type { Db } from './db/index.ts';

/**
 * The part of a client address that names one client. An IPv6 subscriber gets a whole /64 (RFC
 * 6177, RIPE-690), so keying by the full address would give one attacker 2^64 keys; IPv4-mapped
 * addresses count as the IPv4 address they carry. Anything that is not an IPv6 address is kept.
 */
export function clientKey(address: string): string {
	if (!isIPv6(address)) return address;
	const groups = expandIPv6(address.replace(/%.*$/, ''));
	const mapped = groups.slice(0, 5).every((g) => g === 0) && groups[5] === 0xffff;
	if (mapped) return [groups[6] >> 8, groups[6] & 255, groups[7] >> 8, groups[7] & 255].join('.');
	return `${groups
		.slice(0, 4)
		.map((g) => g.toString(16))
		.join(':')}::/64`;
}

function expandIPv6(address: string): number[] {
	let text = address.toLowerCase();
	// A dotted IPv4 tail (::ffff:192.0.2.1) becomes the two groups it stands for.
	const v4 = /(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(text);
	if (v4) {
		const [a, b, c, d] = v4.slice(1).map(Number);
		text = `${text.slice(0, v4.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
	}
	const [head, tail] = text.split('::');
	const left = head ? head.split(':') : [];
	const right = tail === undefined ? [] : tail ? tail.split(':') : [];
	const fill = tail === undefined ? [] : Array(8 - left.length - right.length).fill('0');
	return [...left, ...fill, ...right].map((g) => parseInt(g, 16));
}

interface Window {
	count: number;
	resetAt: number;
}

export class Limiter {
	private windows = new Map<string, Window>();
	readonly purpose: string;
	readonly max: number;
	readonly windowMs: number;
	// Plain fields, not parameter properties: the bench and CLI load this file with Node's type
	// stripping, which does not accept them.
	constructor(purpose: string, max: number, windowMs: number) {
		this.purpose = purpose;
		this.max = max;
		this.windowMs = windowMs;
	}

	// Client addresses are reduced to the client they name before hashing (see clientKey).
	private key(value: string): string {
		return crypto.hmac(`rate:${this.purpose}`, clientKey(value)).toString('base64url');
	}

	/** Counts one attempt; returns false when the limit for `value` is already reached. */
	consume(value: string, now = Date.now()): boolean {
		const key = this.key(value);
		const w = this.windows.get(key);
		if (!w || w.resetAt <= now) {
			this.windows.set(key, { count: 1, resetAt: now + this.windowMs });
			this.sweep(now);
			return true;
		}
		if (w.count >= this.max) return false;
		w.count++;
		return true;
	}

	/** Whether `value` could still make an attempt, without counting one. */
	allows(value: string, now = Date.now()): boolean {
		const w = this.windows.get(this.key(value));
		return !w || w.resetAt <= now || w.count < this.max;
	}

	retryAfterSeconds(value: string, now = Date.now()): number {
		const w = this.windows.get(this.key(value));
		return w ? Math.max(1, Math.ceil((w.resetAt - now) / 1000)) : 0;
	}

	reset(value: string): void {
		this.windows.delete(this.key(value));
	}

	// Bounded memory: expired windows are dropped as new ones are created.
	private sweep(now: number): void {
		if (this.windows.size < 10_000) return;
		for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k);
	}
}

/**
 * The same fixed windows, kept in the database so every app instance counts against one limit:
 * with two instances an attacker must not get twice the guesses at one account's password or
 * TOTP code. Only for keys that name an account — client-address keys stay in memory above.
 * One statement per attempt, atomic on both drivers.
 */
export class SharedLimiter {
	readonly purpose: string;
	readonly max: number;
	readonly windowMs: number;
	// Plain fields, not parameter properties: the bench and CLI load this file with Node's type
	// stripping, which does not accept them.
	constructor(purpose: string, max: number, windowMs: number) {
		this.purpose = purpose;
		this.max = max;
		this.windowMs = windowMs;
	}

	private key(value: string): string {
		return crypto.hmac(`rate:${this.purpose}`, value).toString('base64url');
	}

	/** Counts one attempt; false when the limit for `value` was already reached. */
	async consume(db: Db, value: string, now = new Date()): Promise<boolean> {
		const resetAt = new Date(now.getTime() + this.windowMs);
		const row = await db
			.insertInto('rate_limit')
			.values({ key: this.key(value), count: 1, reset_at: resetAt })
			.onConflict((oc) =>
				oc.column('key').doUpdateSet({
					count: sql<number>`case when rate_limit.reset_at <= ${now} then 1
						else rate_limit.count + 1 end`,
					reset_at: sql<Date>`case when rate_limit.reset_at <= ${now}
						then excluded.reset_at else rate_limit.reset_at end`
				})
			)
			.returning('count')
			.executeTakeFirstOrThrow();
		return row.count <= this.max;
	}

	async reset(db: Db, value: string): Promise<void> {
		await db.deleteFrom('rate_limit').where('key', '=', this.key(value)).execute();
	}

	/** Drops windows that have ended (daily housekeeping). */
	static async purge(db: Db, now = new Date()): Promise<void> {
		await db.deleteFrom('rate_limit').where('reset_at', '<=', now).execute();
	}
}

/** Staff login: per account (shared by all instances) and per client (this instance). */
export const loginPerAccount = new SharedLimiter('login-account', 10, 15 * 60 * 1000);
export const loginPerClient = new Limiter('login-client', 30, 15 * 60 * 1000);
export const totpPerUser = new SharedLimiter('totp-user', 5, 5 * 60 * 1000);
