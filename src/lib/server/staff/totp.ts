// TOTP (RFC 6238, 30 s, 6 digits) for staff. A code works once: the counter of the last accepted
// code is stored and only later counters are accepted (ASVS 2.8.4). One step of clock drift allowed.
import { createTOTPKeyURI, generateHOTP } from '@oslojs/otp';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import QRCode from 'qrcode';

export const PERIOD = 30;
export const DIGITS = 6;

export function newKey(): Uint8Array {
	const key = new Uint8Array(20);
	crypto.getRandomValues(key);
	return key;
}

export function counterAt(now: Date): bigint {
	return BigInt(Math.floor(now.getTime() / 1000 / PERIOD));
}

export function codeAt(key: Uint8Array, now: Date): string {
	return generateHOTP(key, counterAt(now), DIGITS);
}

/**
 * Returns the counter that matches `code` within ±1 step and is newer than `lastCounter`,
 * or null. The caller stores the returned counter so the same code cannot be replayed.
 */
export function verify(
	key: Uint8Array,
	code: string,
	lastCounter: bigint | null,
	now = new Date()
): bigint | null {
	const clean = code.replace(/\s/g, '');
	if (!/^\d{6}$/.test(clean)) return null;
	const current = counterAt(now);
	const given = new TextEncoder().encode(clean);
	for (const c of [current - 1n, current, current + 1n]) {
		if (lastCounter !== null && c <= lastCounter) continue;
		if (constantTimeEqual(new TextEncoder().encode(generateHOTP(key, c, DIGITS)), given)) return c;
	}
	return null;
}

export function keyUri(issuer: string, account: string, key: Uint8Array): string {
	return createTOTPKeyURI(issuer, account, key, PERIOD, DIGITS);
}

/** The enrolment QR code as inline SVG, drawn on our server (no third-party QR service). */
export function qrSvg(uri: string): Promise<string> {
	return QRCode.toString(uri, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
}

/** Base32 key for manual entry, grouped by four. */
export function manualKey(key: Uint8Array): string {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const b of key) bits += b.toString(2).padStart(8, '0');
	let out = '';
	for (let i = 0; i + 5 <= bits.length; i += 5) out += alphabet[parseInt(bits.slice(i, i + 5), 2)];
	return out.match(/.{1,4}/g)?.join(' ') ?? out;
}
