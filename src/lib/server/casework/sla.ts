// Service levels (WGV meldpunt practice, shared/domain/meldpunt.md): acknowledge within 7 days
// (urgent: 1 working day) and give substantive feedback within 3 months. Coordinators can change
// them per category group; due dates are fixed on the report when it arrives.
import * as audit from '../platform/audit.ts';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import { GROUPS, type Group } from '../../report/catalogue.ts';

export interface Level {
	ackDays: number;
	urgentAckWorkingDays: number;
	feedbackMonths: number;
}

export type Levels = Record<Group, Level>;

export const DEFAULT: Level = { ackDays: 7, urgentAckWorkingDays: 1, feedbackMonths: 3 };

export function defaults(): Levels {
	return Object.fromEntries(GROUPS.map((g) => [g, { ...DEFAULT }])) as Levels;
}

export async function read(db: Db, regionId: string): Promise<Levels> {
	const row = await db
		.selectFrom('region')
		.select('settings')
		.where('id', '=', regionId)
		.executeTakeFirst();
	const stored = (row?.settings as { sla?: Partial<Levels> } | undefined)?.sla ?? {};
	const out = defaults();
	for (const g of GROUPS) out[g] = { ...DEFAULT, ...(stored[g] ?? {}) };
	return out;
}

// Read for every new report; a coordinator's change is picked up within half a minute.
const cache = new Map<string, { levels: Levels; until: number }>();

export async function cached(db: Db, regionId: string): Promise<Levels> {
	const hit = cache.get(regionId);
	if (hit && hit.until > Date.now()) return hit.levels;
	const levels = await read(db, regionId);
	cache.set(regionId, { levels, until: Date.now() + 30_000 });
	return levels;
}

export function validate(levels: Levels): 'sla_range' | 'sla_missing' | null {
	for (const g of GROUPS) {
		const l = levels[g];
		if (!l) return 'sla_missing';
		const ok =
			Number.isInteger(l.ackDays) &&
			l.ackDays >= 1 &&
			l.ackDays <= 60 &&
			Number.isInteger(l.urgentAckWorkingDays) &&
			l.urgentAckWorkingDays >= 1 &&
			l.urgentAckWorkingDays <= 10 &&
			Number.isInteger(l.feedbackMonths) &&
			l.feedbackMonths >= 1 &&
			l.feedbackMonths <= 12;
		if (!ok) return 'sla_range';
	}
	return null;
}

/**
 * Validates and stores in one step, so no caller can store or report as saved a level the check
 * refused (a term of 0 once came back "saved" while 7 stayed in force).
 */
export async function save(
	db: Db,
	actor: { id: string; regionId: string },
	levels: Levels
): Promise<'sla_range' | 'sla_missing' | null> {
	const problem = validate(levels);
	if (problem) return problem;
	await database.transaction(db, async (trx) => {
		await write(trx, actor.regionId, levels);
		await audit.record(trx, {
			actorId: actor.id,
			action: 'settings.sla',
			objectType: 'region',
			objectId: actor.regionId,
			detail: { levels }
		});
	});
	return null;
}

export async function write(db: Db, regionId: string, levels: Levels): Promise<void> {
	const row = await db
		.selectFrom('region')
		.select('settings')
		.where('id', '=', regionId)
		.executeTakeFirstOrThrow();
	const settings = { ...(row.settings as Record<string, unknown>), sla: levels };
	await db
		.updateTable('region')
		.set({ settings: JSON.stringify(settings) })
		.where('id', '=', regionId)
		.execute();
	cache.delete(regionId);
}

/** Adds working days (Monday–Friday) in UTC. */
export function addWorkingDays(from: Date, days: number): Date {
	const d = new Date(from);
	let left = days;
	while (left > 0) {
		d.setUTCDate(d.getUTCDate() + 1);
		const day = d.getUTCDay();
		if (day !== 0 && day !== 6) left--;
	}
	return d;
}

export function dueDates(
	createdAt: Date,
	level: Level,
	urgent: boolean
): { ack: Date; feedback: Date } {
	const ack = urgent
		? addWorkingDays(createdAt, level.urgentAckWorkingDays)
		: new Date(createdAt.getTime() + level.ackDays * 24 * 3600 * 1000);
	const feedback = new Date(createdAt);
	feedback.setUTCMonth(feedback.getUTCMonth() + level.feedbackMonths);
	return { ack, feedback };
}
