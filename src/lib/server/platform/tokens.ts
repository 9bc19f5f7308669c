// Random tokens the way the Lucia guide builds them: `id.secret`, only SHA-256(secret) stored, and
// a constant-time comparison. ASVS 3.2.2: ≥128 bits of entropy in the secret (we use 160).
import { sha256 } from '@oslojs/crypto/sha2';
import { constantTimeEqual } from '@oslojs/crypto/subtle';
import { encodeBase32LowerCaseNoPadding } from '@oslojs/encoding';

export function random(bytes: number): string {
	const b = new Uint8Array(bytes);
	crypto.getRandomValues(b);
	return encodeBase32LowerCaseNoPadding(b);
}

export function hashSecret(secret: string): Buffer {
	return Buffer.from(sha256(new TextEncoder().encode(secret)));
}

export function create(): { id: string; secret: string; token: string; secretHash: Buffer } {
	const id = random(15);
	const secret = random(20);
	return { id, secret, token: `${id}.${secret}`, secretHash: hashSecret(secret) };
}

const PART = /^[a-z2-7]{16,64}$/;

/** Splits a token; anything malformed (wrong shape, wrong alphabet) yields null. */
export function parse(token: string | undefined | null): { id: string; secret: string } | null {
	if (!token || token.length > 200) return null;
	const [id, secret, extra] = token.split('.');
	if (extra !== undefined || !id || !secret || !PART.test(id) || !PART.test(secret)) return null;
	return { id, secret };
}

export function matches(secret: string, storedHash: Uint8Array): boolean {
	return constantTimeEqual(hashSecret(secret), storedHash);
}
