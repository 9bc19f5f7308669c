// Envelope encryption (AES-256-GCM) and keyed HMACs. A record gets its own data key; only the data
// key wrapped by the master key is stored, so rotating the master key rewraps keys, not content.
import {
	createCipheriv,
	createDecipheriv,
	createHash,
	createHmac,
	createSecretKey,
	randomBytes,
	type KeyObject
} from 'node:crypto';
import * as secrets from './secrets.ts';

const VERSION = 1;
const IV_BYTES = 12;
const TAG_BYTES = 16;

// Node checks a raw key on every use; a KeyObject is checked once. For the master key and the
// pepper, used for every report, that makes HMACs about four times and sealing about twice as
// fast. Keyed by the key's bytes object, so a key read anew (rotation, tests) gets its own.
const keyObjects = new WeakMap<Uint8Array, { id: Buffer; key: KeyObject }>();
function longLived(key: Uint8Array): { id: Buffer; key: KeyObject } {
	let hit = keyObjects.get(key);
	if (!hit) {
		hit = {
			id: createHash('sha256').update(key).digest().subarray(0, 4),
			key: createSecretKey(key)
		};
		keyObjects.set(key, hit);
	}
	return hit;
}

/** Short id of a key, stored beside wrapped keys so the right master key is chosen on unwrap. */
export function keyId(key: Uint8Array): Buffer {
	return longLived(key).id;
}

/** Encrypts with AES-256-GCM: version(1) | iv(12) | tag(16) | ciphertext. */
export function seal(key: Uint8Array | KeyObject, plaintext: Uint8Array, aad = ''): Buffer {
	const iv = randomBytes(IV_BYTES);
	const cipher = createCipheriv('aes-256-gcm', key, iv);
	cipher.setAAD(Buffer.from(aad));
	const body = Buffer.concat([cipher.update(plaintext), cipher.final()]);
	return Buffer.concat([Buffer.from([VERSION]), iv, cipher.getAuthTag(), body]);
}

export function open(key: Uint8Array | KeyObject, sealed: Uint8Array, aad = ''): Buffer {
	const buf = Buffer.from(sealed);
	if (buf[0] !== VERSION) throw new Error('unknown ciphertext version');
	const iv = buf.subarray(1, 1 + IV_BYTES);
	const tag = buf.subarray(1 + IV_BYTES, 1 + IV_BYTES + TAG_BYTES);
	const decipher = createDecipheriv('aes-256-gcm', key, iv);
	decipher.setAAD(Buffer.from(aad));
	decipher.setAuthTag(tag);
	return Buffer.concat([decipher.update(buf.subarray(1 + IV_BYTES + TAG_BYTES)), decipher.final()]);
}

// A wrapped data key's associated data names its record (ASVS 11.3.4): a key copied onto another
// row by someone who can write the database does not open there. Keys wrapped before this carry
// the bare 'dek'; they still open, and `rewrapDataKey` (master-key rotation, `admin rotate-keys`)
// binds them to their record.
const LEGACY_DEK_AAD = 'dek';
function dekAad(recordId: string): string {
	return `dek:${recordId}`;
}

function wrap(key: Uint8Array, recordId: string, s: secrets.Secrets): Buffer {
	return Buffer.concat([
		keyId(s.masterKey),
		seal(longLived(s.masterKey).key, key, dekAad(recordId))
	]);
}

/** A fresh data key for record `recordId` and its wrapped form (keyId(master) | sealed key). */
export function newDataKey(recordId: string, s = secrets.get()): { key: Buffer; wrapped: Buffer } {
	const key = randomBytes(32);
	return { key, wrapped: wrap(key, recordId, s) };
}

export function unwrapDataKey(wrapped: Uint8Array, recordId: string, s = secrets.get()): Buffer {
	return unwrapped(wrapped, recordId, s).key;
}

function unwrapped(
	wrapped: Uint8Array,
	recordId: string,
	s: secrets.Secrets
): { key: Buffer; bound: boolean } {
	const buf = Buffer.from(wrapped);
	const id = buf.subarray(0, 4);
	const candidates = [s.masterKey, s.previousMasterKey].filter((k): k is Uint8Array => k !== null);
	const master = candidates.find((k) => keyId(k).equals(id));
	if (!master) throw new Error('data key was wrapped by an unknown master key');
	const kek = longLived(master).key;
	try {
		return { key: open(kek, buf.subarray(4), dekAad(recordId)), bound: true };
	} catch {
		return { key: open(kek, buf.subarray(4), LEGACY_DEK_AAD), bound: false };
	}
}

/** Whether a wrapped key is under the current master key and bound to its record already. */
export function isCurrentDataKey(
	wrapped: Uint8Array,
	recordId: string,
	s = secrets.get()
): boolean {
	return (
		keyId(s.masterKey).equals(Buffer.from(wrapped).subarray(0, 4)) &&
		unwrapped(wrapped, recordId, s).bound
	);
}

/** Rewraps a data key under the current master key, bound to its record (rotation). */
export function rewrapDataKey(wrapped: Uint8Array, recordId: string, s = secrets.get()): Buffer {
	return wrap(unwrapDataKey(wrapped, recordId, s), recordId, s);
}

/** Seals a small value directly under the master key (e.g. a staff TOTP key). */
export function sealWithMaster(plaintext: Uint8Array, aad: string, s = secrets.get()): Buffer {
	return Buffer.concat([keyId(s.masterKey), seal(longLived(s.masterKey).key, plaintext, aad)]);
}

export function openWithMaster(sealed: Uint8Array, aad: string, s = secrets.get()): Buffer {
	const buf = Buffer.from(sealed);
	const candidates = [s.masterKey, s.previousMasterKey].filter((k): k is Uint8Array => k !== null);
	const master = candidates.find((k) => keyId(k).equals(buf.subarray(0, 4)));
	if (!master) throw new Error('value was sealed by an unknown master key');
	return open(longLived(master).key, buf.subarray(4), aad);
}

/** Keyed HMAC-SHA256 under the pepper, with a purpose label so values never collide across uses. */
export function hmac(purpose: string, value: string, s = secrets.get()): Buffer {
	return createHmac('sha256', longLived(s.hmacPepper).key)
		.update(purpose)
		.update('\0')
		.update(value)
		.digest();
}
