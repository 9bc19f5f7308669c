// Master-key rotation: after WEGWIJS_MASTER_KEY is set to a new key (and the old one kept as
// WEGWIJS_MASTER_KEY_PREVIOUS), this rewraps every stored data key and staff TOTP key under the
// new key, so the previous key can be removed. Content itself is not re-encrypted.
import type { Db } from '../platform/db/index.ts';
import * as crypto from '../platform/crypto.ts';
import * as secrets from '../platform/secrets.ts';

export async function rewrapAll(
	db: Db,
	s = secrets.get()
): Promise<{ reports: number; users: number }> {
	const current = crypto.keyId(s.masterKey);
	let reports = 0;
	let users = 0;
	const rows = await db.selectFrom('report').select(['id', 'data_key']).execute();
	for (const row of rows) {
		// Under the current key and bound to its report already: nothing to do.
		if (crypto.isCurrentDataKey(row.data_key, row.id, s)) continue;
		await db
			.updateTable('report')
			.set({ data_key: crypto.rewrapDataKey(row.data_key, row.id, s) })
			.where('id', '=', row.id)
			.execute();
		reports++;
	}
	const staff = await db
		.selectFrom('staff_user')
		.select(['id', 'totp_key'])
		.where('totp_key', 'is not', null)
		.execute();
	for (const u of staff) {
		if (Buffer.from(u.totp_key!).subarray(0, 4).equals(current)) continue;
		const key = crypto.openWithMaster(u.totp_key!, `totp:${u.id}`, s);
		await db
			.updateTable('staff_user')
			.set({ totp_key: crypto.sealWithMaster(key, `totp:${u.id}`, s) })
			.where('id', '=', u.id)
			.execute();
		users++;
	}
	return { reports, users };
}
