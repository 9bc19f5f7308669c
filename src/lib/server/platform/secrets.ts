// Keys the server needs. Read from the environment when set; otherwise generated once into
// DATA_DIR/secrets (mode 0600) so a fresh install works without setup. Values are never logged.
// Rotation is described in README ("Secrets and rotation").
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { config } from './config.ts';

export interface Secrets {
	/** AES-256 key that wraps per-record data keys. */
	masterKey: Uint8Array;
	/** A previous master key, still accepted for unwrapping during rotation. */
	previousMasterKey: Uint8Array | null;
	/** Pepper for keyed HMACs (receipts, rate-limit keys). */
	hmacPepper: Uint8Array;
}

interface SecretSpec {
	env: string;
	file: string;
	bytes: number;
}

const MASTER: SecretSpec = { env: 'WEGWIJS_MASTER_KEY', file: 'master.key', bytes: 32 };
const PEPPER: SecretSpec = { env: 'WEGWIJS_HMAC_PEPPER', file: 'hmac-pepper.key', bytes: 32 };

function decode(name: string, value: string, bytes: number): Uint8Array {
	const key = new Uint8Array(Buffer.from(value.trim(), 'base64'));
	if (key.length !== bytes) throw new Error(`${name} must be ${bytes} bytes, base64-encoded`);
	return key;
}

/** Key files this process created itself (none existed): removed again if the start is refused. */
export const generated = new Set<string>();

/** Reads a key from env, or from its file, creating the file with a fresh random key if absent. */
export function readOrCreate(dir: string, spec: SecretSpec, env = process.env): Uint8Array {
	const fromEnv = env[spec.env];
	if (fromEnv) return decode(spec.env, fromEnv, spec.bytes);
	const file = path.join(dir, spec.file);
	try {
		return decode(file, fs.readFileSync(file, 'utf8'), spec.bytes);
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
	}
	fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
	const key = new Uint8Array(randomBytes(spec.bytes));
	// 'wx' fails if another process created it meanwhile; then read theirs.
	try {
		fs.writeFileSync(file, Buffer.from(key).toString('base64') + '\n', { mode: 0o600, flag: 'wx' });
		generated.add(file);
		return key;
	} catch (err) {
		if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
		return decode(file, fs.readFileSync(file, 'utf8'), spec.bytes);
	}
}

export function load(dataDir = config.dataDir, env = process.env): Secrets {
	const dir = path.join(dataDir, 'secrets');
	const previous = env.WEGWIJS_MASTER_KEY_PREVIOUS;
	return {
		masterKey: readOrCreate(dir, MASTER, env),
		previousMasterKey: previous ? decode('WEGWIJS_MASTER_KEY_PREVIOUS', previous, 32) : null,
		hmacPepper: readOrCreate(dir, PEPPER, env)
	};
}

let cached: Secrets | undefined;

export function get(): Secrets {
	cached ??= load();
	return cached;
}
