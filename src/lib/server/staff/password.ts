// Staff passwords: argon2id with OWASP's minimum (m=19 MiB, t=2, p=1), and a bound on concurrent
// hashes so a burst of logins cannot exhaust memory or CPU (ASVS 2.4.1).
import { hash as argonHash, verify as argonVerify } from '@node-rs/argon2';
import { config } from '../platform/config.ts';
import { MAX_LENGTH, MIN_LENGTH } from '../../staff/password.ts';

// @node-rs/argon2's Algorithm is a const enum; 2 is Argon2id.
const OPTIONS = { algorithm: 2, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

let running = 0;
const waiting: Array<() => void> = [];

async function bounded<T>(fn: () => Promise<T>): Promise<T> {
	if (running >= config.argonConcurrency) {
		await new Promise<void>((resolve) => waiting.push(resolve));
	} else {
		running++;
	}
	try {
		return await fn();
	} finally {
		const next = waiting.shift();
		if (next) next();
		else running--;
	}
}

/** NIST 800-63B: length only, no composition rules. Counts code points, not UTF-16 units. */
export function check(password: string): 'too_short' | 'too_long' | null {
	const length = [...password].length;
	if (length < MIN_LENGTH) return 'too_short';
	if (length > MAX_LENGTH) return 'too_long';
	return null;
}

export function hash(password: string): Promise<string> {
	return bounded(() => argonHash(password.normalize('NFKC'), OPTIONS));
}

export function verify(hashed: string, password: string): Promise<boolean> {
	return bounded(() => argonVerify(hashed, password.normalize('NFKC')));
}

// A real hash of a random string: verifying against it costs the same as a real account, so an
// unknown e-mail address takes as long to refuse as a wrong password.
let dummy: Promise<string> | undefined;
export async function verifyDummy(password: string): Promise<false> {
	dummy ??= hash('not-a-real-password-' + Math.random());
	await verify(await dummy, password);
	return false;
}
