// Mail to staff about what waits for them: new reports and worker replies in hourly digests, and
// the daily overdue summary. Counts and a link only; who may count what is the inbox's scope.
import { sql } from 'kysely';
import * as access from '../casework/access.ts';
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';
import type { Role } from '../../staff/roles.ts';
import * as mail from './mail.ts';

export const TOPICS = ['new_reports', 'replies', 'overdue', 'answered'] as const;
export type Topic = (typeof TOPICS)[number];

export function isTopic(value: string): value is Topic {
	return (TOPICS as readonly string[]).includes(value);
}

export async function topics(db: Db, userId: string): Promise<Topic[]> {
	const row = await db
		.selectFrom('staff_user')
		.select('mail_topics')
		.where('id', '=', userId)
		.executeTakeFirst();
	return (row?.mail_topics ?? []).filter(isTopic);
}

export async function setTopics(db: Db, userId: string, chosen: string[]): Promise<Topic[]> {
	const kept = TOPICS.filter((t) => chosen.includes(t));
	await db
		.updateTable('staff_user')
		.set({ mail_topics: sql<string[]>`${sql.val(kept)}::text[]` })
		.where('id', '=', userId)
		.execute();
	return kept;
}

interface Recipient {
	id: string;
	email: string;
	locale: string;
	role: Role;
	gemeenten: string[];
}

/** Active users of the region who chose `topic` and can see reports at all. */
async function recipients(db: Db, regionId: string, topic: Topic): Promise<Recipient[]> {
	const rows = await db
		.selectFrom('staff_user as u')
		.select((eb) => [
			'u.id',
			'u.email',
			'u.locale',
			'u.role',
			eb
				.fn<string[]>('array', [
					eb
						.selectFrom('staff_user_gemeente as ug')
						.select('ug.gemeente_id')
						.whereRef('ug.user_id', '=', 'u.id')
				])
				.as('gemeenten')
		])
		.where('u.region_id', '=', regionId)
		.where('u.disabled_at', 'is', null)
		.where(sql<boolean>`${topic} = any(u.mail_topics)`)
		.execute();
	return rows.filter((r) => access.scope({ ...r, regionId }) !== null);
}

/** What a user may count of per-gemeente totals (null gemeente: regional roles only). */
function countFor(user: Recipient, regionId: string, perGemeente: Map<string | null, number>) {
	const s = access.scope({ ...user, regionId });
	if (!s) return 0;
	let n = 0;
	for (const [gemeente, count] of perGemeente) {
		if (s.gemeenten === 'all' || (gemeente !== null && s.gemeenten.includes(gemeente))) n += count;
	}
	return n;
}

const inboxUrl = () => `${config.origin}/staff/inbox`;

/** The daily overdue summary: one mail per user who chose it and has something overdue. */
export async function overdue(
	db: Db,
	regionId: string,
	summary: { gemeenteId: string | null; count: number }[]
): Promise<number> {
	const perGemeente = new Map(summary.map((s) => [s.gemeenteId, s.count]));
	const messages = (await recipients(db, regionId, 'overdue'))
		.map((u) => ({ u, count: countFor(u, regionId, perGemeente) }))
		.filter(({ count }) => count > 0)
		.map(({ u, count }) => ({
			regionId,
			kind: 'overdue' as const,
			recipient: u.email,
			locale: u.locale,
			params: { count, url: inboxUrl() }
		}));
	return mail.enqueueMany(db, messages);
}

/** The whole clock hour before `now`: what one digest covers. */
export function lastHour(now: Date): { start: Date; end: Date } {
	const end = new Date(Math.floor(now.getTime() / 3_600_000) * 3_600_000);
	return { start: new Date(end.getTime() - 3_600_000), end };
}

/**
 * The hourly digest of what reporters did in one whole clock hour: new reports in the user's
 * gemeenten, replies on reports assigned to them that they have not read yet. Sent after the
 * hour has ended, so a mail's time says no more than the hour-coarse stored time does about when
 * a reporter acted (issue #20; the same rule as the coarse timestamps of #17).
 */
export async function digest(
	db: Db,
	regionId: string,
	{ start, end }: { start: Date; end: Date }
): Promise<number> {
	if (!mail.enabled()) return 0;

	const fresh = await db
		.selectFrom('report')
		.select(['gemeente_id', (eb) => eb.fn.countAll<string>().as('n')])
		.where('region_id', '=', regionId)
		.where('created_at', '>=', start)
		.where('created_at', '<', end)
		.groupBy('gemeente_id')
		.execute();
	const perGemeente = new Map(fresh.map((r) => [r.gemeente_id, Number(r.n)]));
	const replies = await db
		.selectFrom('report_message as msg')
		.innerJoin('report as r', 'r.id', 'msg.report_id')
		.select(['r.assigned_to', (eb) => eb.fn.countAll<string>().as('n')])
		.where('r.region_id', '=', regionId)
		.where('msg.author', '=', 'reporter')
		.where('msg.created_at', '>=', start)
		.where('msg.created_at', '<', end)
		.where('r.assigned_to', 'is not', null)
		// Only what the handler has not read yet: a reply read within the hour needs no mail.
		.where(
			sql<boolean>`msg.seq > coalesce((select rr.seq from report_read rr
				where rr.report_id = r.id and rr.staff_user_id = r.assigned_to), 0)`
		)
		.groupBy('r.assigned_to')
		.execute();
	const perAssignee = new Map(replies.map((r) => [r.assigned_to, Number(r.n)]));

	const messages: mail.Message<'new_reports' | 'replies'>[] = [];
	if (perGemeente.size > 0) {
		for (const u of await recipients(db, regionId, 'new_reports')) {
			const count = countFor(u, regionId, perGemeente);
			if (count > 0) {
				messages.push({
					regionId,
					kind: 'new_reports',
					recipient: u.email,
					locale: u.locale,
					params: { count, url: inboxUrl() }
				});
			}
		}
	}
	if (perAssignee.size > 0) {
		for (const u of await recipients(db, regionId, 'replies')) {
			const count = perAssignee.get(u.id) ?? 0;
			if (count > 0) {
				messages.push({
					regionId,
					kind: 'replies',
					recipient: u.email,
					locale: u.locale,
					params: { count, url: inboxUrl() }
				});
			}
		}
	}
	return mail.enqueueMany(db, messages);
}
