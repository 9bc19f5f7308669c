// In-memory throttling keyed by HMACs: the client address is hashed with the secret pepper before
// it is used as a key and is never stored or logged. Fixed windows are enough to stop guessing.
import * as crypto from './crypto.ts';

interface Window {
	count: number;
	resetAt: number;
}

export class Limiter {
	private windows = new Map<string, Window>();
	constructor(
		readonly purpose: string,
		readonly max: number,
		readonly windowMs: number
	) {}

	private key(value: string): string {
		return crypto.hmac(`rate:${this.purpose}`, value).toString('base64url');
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

/** Staff login: per account and per client. */
export const loginPerAccount = new Limiter('login-account', 10, 15 * 60 * 1000);
export const loginPerClient = new Limiter('login-client', 30, 15 * 60 * 1000);
export const totpPerUser = new Limiter('totp-user', 5, 5 * 60 * 1000);
