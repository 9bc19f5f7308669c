// Append-only audit log: who did what to which object, when. Never report content (issue #4).
import type { Db } from './db/index.ts';

export interface Entry {
	actorId: string | null;
	action: string;
	objectType?: string;
	objectId?: string;
	gemeenteId?: string | null;
	detail?: Record<string, unknown>;
}

export async function record(db: Db, e: Entry): Promise<void> {
	await db
		.insertInto('audit_log')
		.values({
			actor_id: e.actorId,
			action: e.action,
			object_type: e.objectType ?? null,
			object_id: e.objectId ?? null,
			gemeente_id: e.gemeenteId ?? null,
			detail: JSON.stringify(e.detail ?? {})
		})
		.execute();
}

export function recent(db: Db, limit = 100) {
	return db.selectFrom('audit_log').selectAll().orderBy('id', 'desc').limit(limit).execute();
}

/**
 * Newest entries first, with the actor's name (admins and coordinators read this): only rows of
 * their region — done by its staff, or about one of its gemeenten.
 */
export function search(db: Db, opts: { regionId: string; action?: string; limit: number }) {
	let q = db
		.selectFrom('audit_log as a')
		.leftJoin('staff_user as u', 'u.id', 'a.actor_id')
		.select([
			'a.id',
			'a.at',
			'a.action',
			'a.object_type',
			'a.object_id',
			'a.gemeente_id',
			'u.name as actor'
		])
		.where((eb) =>
			eb.or([
				eb('u.region_id', '=', opts.regionId),
				eb(
					'a.gemeente_id',
					'in',
					eb.selectFrom('gemeente').select('id').where('region_id', '=', opts.regionId)
				)
			])
		)
		.orderBy('a.id', 'desc')
		.limit(opts.limit);
	if (opts.action) q = q.where('a.action', 'like', `${opts.action}%`);
	return q.execute();
}
