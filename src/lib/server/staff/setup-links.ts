// One-time links to set a password: the first admin's bootstrap link on an empty database, and
// links an admin (or the CLI) issues for new users or a reset. Valid 24 hours, used once.
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import * as tokens from '../platform/tokens.ts';

export const TTL_MS = 24 * 60 * 60 * 1000;

export interface SetupLink {
	id: string;
	userId: string | null;
	regionId: string;
	expiresAt: Date;
}

export async function issue(
	db: Db,
	opts: { userId: string | null; regionId: string; now?: Date }
): Promise<{ token: string; expiresAt: Date }> {
	const now = opts.now ?? new Date();
	const t = tokens.create();
	const expiresAt = new Date(now.getTime() + TTL_MS);
	await database.transaction(db, async (trx) => {
		// A new link replaces older unused ones for the same user (or the same bootstrap).
		let q = trx.deleteFrom('setup_link').where('used_at', 'is', null);
		q = opts.userId ? q.where('user_id', '=', opts.userId) : q.where('user_id', 'is', null);
		await q.execute();
		await trx
			.insertInto('setup_link')
			.values({
				id: t.id,
				secret_hash: t.secretHash,
				user_id: opts.userId,
				region_id: opts.regionId,
				expires_at: expiresAt
			})
			.execute();
	});
	return { token: t.token, expiresAt };
}

export type Check =
	{ ok: true; link: SetupLink } | { ok: false; reason: 'invalid' | 'expired' | 'used' };

export async function check(db: Db, token: string, now = new Date()): Promise<Check> {
	const parsed = tokens.parse(token);
	if (!parsed) return { ok: false, reason: 'invalid' };
	const row = await db
		.selectFrom('setup_link')
		.selectAll()
		.where('id', '=', parsed.id)
		.executeTakeFirst();
	if (!row || !tokens.matches(parsed.secret, row.secret_hash))
		return { ok: false, reason: 'invalid' };
	if (row.used_at) return { ok: false, reason: 'used' };
	if (new Date(row.expires_at).getTime() <= now.getTime()) return { ok: false, reason: 'expired' };
	return {
		ok: true,
		link: {
			id: row.id,
			userId: row.user_id,
			regionId: row.region_id,
			expiresAt: new Date(row.expires_at)
		}
	};
}

/** Marks a link used; false when it was used meanwhile (two tabs, a double submit). */
export async function consume(db: Db, id: string, now = new Date()): Promise<boolean> {
	const r = await db
		.updateTable('setup_link')
		.set({ used_at: now })
		.where('id', '=', id)
		.where('used_at', 'is', null)
		.executeTakeFirst();
	return Number(r.numUpdatedRows) === 1;
}
