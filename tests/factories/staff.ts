// Staff users in a known state: password set, TOTP enrolled, assigned gemeenten.
import * as password from '../../src/lib/server/staff/password.ts';
import * as totp from '../../src/lib/server/staff/totp.ts';
import * as users from '../../src/lib/server/staff/users.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import type { Role } from '../../src/lib/staff/roles.ts';

let n = 0;

export interface MadeUser {
	id: string;
	email: string;
	password: string;
	totpKey: Uint8Array;
}

export async function staffUser(
	db: Db,
	opts: {
		role?: Role;
		gemeenten?: string[];
		regionId?: string;
		totp?: boolean;
		/** The organisation of a 'partner' user. */
		partnerId?: string;
	} = {}
): Promise<MadeUser> {
	n++;
	const email = `user${n}-${Math.random().toString(36).slice(2, 8)}@example.test`;
	const pw = `correct horse battery ${n}`;
	const user = await users.create(db, {
		email,
		name: `Test User ${n}`,
		role: opts.role ?? 'handler',
		regionId: opts.regionId ?? 'rivierenland',
		gemeenten: opts.gemeenten ?? (opts.role === 'handler' || !opts.role ? ['tiel'] : []),
		partnerId: opts.partnerId ?? null
	});
	await users.setPassword(db, user.id, await password.hash(pw));
	const key = totp.newKey();
	// Counter 0: any current code is newer, so tests can log in straight away.
	if (opts.totp !== false) await users.setTotpKey(db, user.id, key, 0n);
	return { id: user.id, email, password: pw, totpKey: key };
}

/** A staff user as the server modules see the one acting: id, role, region and gemeenten. */
export async function actor(
	db: Db,
	role: Role = 'handler',
	gemeenten: string[] = role === 'handler' ? ['tiel'] : [],
	regionId = 'rivierenland'
): Promise<{ id: string; role: Role; regionId: string; gemeenten: string[] }> {
	const u = await staffUser(db, { role, gemeenten, regionId });
	return { id: u.id, role, regionId, gemeenten };
}
