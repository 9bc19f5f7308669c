// Daily housekeeping: retention (delete closed reports, wipe contact details), expired sessions,
// and the summary of overdue reports. Each job runs once per day across all app instances: the
// first instance to insert (job, day) into job_run runs it; the others see the conflict and skip.
import * as database from './db/index.ts';
import type { Db } from './db/index.ts';
import * as followup from './followup.ts';
import * as inbox from './inbox.ts';
import { log } from './log.ts';
import * as regions from './regions.ts';
import * as retention from './retention.ts';
import { SharedLimiter } from './rate-limit.ts';
import * as sessions from './session.ts';

export type Job = (db: Db, now: Date) => Promise<Record<string, unknown>>;

export const DAILY: Record<string, Job> = {
	retention: async (db, now) => ({ ...(await retention.run(db, { now })) }),
	sessions: async (db, now) => {
		await sessions.purgeExpired(db, now);
		await followup.purgeExpired(db, now);
		await SharedLimiter.purge(db, now);
		return {};
	},
	// Counts only; the inbox shows the reports themselves. Push reminders go out from here later.
	overdue: async (db, now) => {
		const out: Record<string, unknown> = {};
		for (const region of await regions.list(db)) {
			out[region.id] = await inbox.overdueSummary(db, region.id, now);
		}
		return out;
	}
};

/** Claims today's run of `job`; false when another instance (or an earlier run) has it. */
export async function claim(db: Db, job: string, now: Date): Promise<boolean> {
	// RETURNING tells both drivers alike whether this call inserted the row.
	const row = await db
		.insertInto('job_run')
		.values({ job, day: now.toISOString().slice(0, 10) })
		.onConflict((oc) => oc.columns(['job', 'day']).doNothing())
		.returning('job')
		.executeTakeFirst();
	return row !== undefined;
}

export async function runDaily(db: Db, now = new Date()): Promise<string[]> {
	const ran: string[] = [];
	for (const [name, job] of Object.entries(DAILY)) {
		if (!(await claim(db, name, now))) continue;
		try {
			const result = await job(db, now);
			await db
				.updateTable('job_run')
				.set({ finished_at: new Date(), result: JSON.stringify(result) })
				.where('job', '=', name)
				.where('day', '=', now.toISOString().slice(0, 10))
				.execute();
			log.info({ job: name, result }, 'daily job done');
			ran.push(name);
		} catch (err) {
			log.error({ job: name, err: (err as Error).message }, 'daily job failed');
		}
	}
	return ran;
}

let timer: NodeJS.Timeout | undefined;

/** Checks every hour whether today's jobs have run; the first check is one minute after start. */
export function schedule(): void {
	if (timer) return;
	const tick = () => {
		runDaily(database.get().db).catch((err: unknown) =>
			log.error({ err: (err as Error).message }, 'daily jobs failed')
		);
	};
	setTimeout(tick, 60_000).unref();
	timer = setInterval(tick, 60 * 60_000);
	timer.unref();
}
