// Background jobs on pg-boss: the daily housekeeping — retention (delete closed reports, wipe
// contact details), expired sessions, the overdue summary and reminders, figures due for review —
// and push delivery.
// pg-boss's cron sends one `daily` job per slot however many app instances schedule it, and one
// instance works it. Inside, each job also claims its day in job_run, so a retried or repeated
// `daily` job never runs a job twice on one day.
import type { PgBoss } from 'pg-boss';
import * as boss from '../platform/boss.ts';
import * as facts from '../content/facts.ts';
import type { Db } from '../platform/db/index.ts';
import * as followup from '../meldpunt/followup.ts';
import * as inbox from '../casework/inbox.ts';
import { log } from '../platform/log.ts';
import * as mail from '../mail/mail.ts';
import * as desk from '../partners/desk.ts';
import * as staffMail from '../mail/staff.ts';
import * as push from '../push/push.ts';
import * as regions from '../regions/regions.ts';
import * as retention from './retention.ts';
import { SharedLimiter } from '../platform/rate-limit.ts';
import * as oidc from '../staff/oidc.ts';
import * as sessions from '../staff/session.ts';

export type Job = (db: Db, now: Date) => Promise<Record<string, unknown>>;

export const DAILY: Record<string, Job> = {
	retention: async (db, now) => ({ ...(await retention.run(db, { now })) }),
	// Its own job: a report that fails to delete must not keep anonymous data past its term.
	expiry: async (db, now) => ({ ...(await retention.expire(db, { now })) }),
	sessions: async (db, now) => {
		await sessions.purgeExpired(db, now);
		await followup.purgeExpired(db, now);
		await oidc.purgeExpired(db, now);
		await SharedLimiter.purge(db, now);
		return { mailPurged: await mail.purge(db, now) };
	},
	// Counts only; the inbox shows the reports themselves. Staff who opted in get a reminder.
	overdue: async (db, now) => {
		const out: Record<string, unknown> = {};
		for (const region of await regions.list(db)) {
			const summary = await inbox.overdueSummary(db, region.id, now);
			out[region.id] = {
				summary,
				reminders: await push.onOverdue(db, region.id, summary),
				mails: await staffMail.overdue(db, region.id, summary)
			};
		}
		return out;
	},
	// Editors read this notice on their dashboard (and in the log) before a figure's date passes.
	facts: async (db, now) => {
		const due = facts.dueForReview(await facts.list(db), facts.today(now));
		if (due.length > 0)
			log.warn(
				{ facts: due.map((f) => ({ key: f.key, standing: f.standing, reviewBy: f.reviewBy })) },
				'facts due for review'
			);
		return {
			due: due.filter((f) => f.standing === 'due').map((f) => f.key),
			expired: due.filter((f) => f.standing === 'expired').map((f) => f.key)
		};
	}
};

/** The result of the latest finished run of `job`, with its day; undefined before the first. */
export async function lastResult(
	db: Db,
	job: string
): Promise<{ day: string; result: Record<string, unknown> } | undefined> {
	const row = await db
		.selectFrom('job_run')
		.select(['day', 'result'])
		.where('job', '=', job)
		.where('finished_at', 'is not', null)
		.orderBy('day', 'desc')
		.limit(1)
		.executeTakeFirst();
	if (!row) return undefined;
	const result = typeof row.result === 'string' ? JSON.parse(row.result) : row.result;
	return { day: String(row.day).slice(0, 10), result: (result ?? {}) as Record<string, unknown> };
}

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

/**
 * The hourly mail digest of the clock hour before `now`, once per region and hour across
 * instances (claimed in job_run like the daily jobs).
 */
export async function runHourly(db: Db, now = new Date()): Promise<number> {
	const hour = staffMail.lastHour(now);
	let sent = 0;
	for (const region of await regions.list(db)) {
		const job = `mail_digest_${region.id}_${hour.start.getUTCHours()}`;
		if (!(await claim(db, job, hour.start))) continue;
		sent += await staffMail.digest(db, region.id, hour);
		// Referrals nobody acknowledged within the configured working days (issue #20).
		sent += await desk.remind(db, region.id, now);
	}
	return sent;
}

export const DAILY_QUEUE = 'daily';
export const HOURLY_QUEUE = 'mail-digest';
// A few minutes past the hour, so reports stored at the end of the hour are in.
export const HOURLY_CRON = '3 * * * *';
// Hourly at :07 UTC: the first run of a day does the work; later ones find the day claimed. A day
// missed while every instance was down is caught up within the hour after one starts.
export const DAILY_CRON = '7 * * * *';

export interface StartOptions extends boss.StartOptions {
	/** Cron expression for the daily check (tests use seconds). */
	cron?: string;
	/** What the daily job does (tests record calls); runDaily by default. */
	daily?: (db: Db) => Promise<unknown>;
}

/** Starts pg-boss for this process: queues, the daily schedule and the workers. */
export async function start(db: Db, opts: StartOptions = {}): Promise<PgBoss> {
	const b = await boss.create(db, opts);
	await b.createQueue(DAILY_QUEUE, { retryLimit: 3, retryDelay: 300, expireInSeconds: 3_600 });
	await push.createQueues(b);
	await mail.createQueues(b);
	await b.schedule(DAILY_QUEUE, opts.cron ?? DAILY_CRON, null, { tz: 'UTC' });
	await b.createQueue(HOURLY_QUEUE, { retryLimit: 3, retryDelay: 60, expireInSeconds: 1_800 });
	await b.schedule(HOURLY_QUEUE, HOURLY_CRON, null, { tz: 'UTC' });
	await b.work(HOURLY_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
		await runHourly(db);
	});
	const daily = opts.daily ?? ((d: Db) => runDaily(d));
	await b.work(DAILY_QUEUE, { pollingIntervalSeconds: 5 }, async () => {
		await daily(db);
	});
	// Fifty sends per fetch, settled one by one: sent, gone (subscription deleted) or retried. While
	// fetches come back full the worker fetches again at once; the token bucket in push.ts is the limit.
	const sendOptions = {
		batchSize: 50,
		perJobResults: true,
		burstWhenBatchFull: true,
		pollingIntervalSeconds: 0.5,
		localConcurrency: 2
	} as const;
	await b.work<push.SendJob, unknown, typeof sendOptions>(push.SEND_QUEUE, sendOptions, (jobs) =>
		push.deliver(db, jobs)
	);
	// Ten mails per fetch, each settled on its own: sent, failed for good (5xx, shown to admins) or
	// retried with backoff (down, slow, 4xx). The pool in mail.ts holds two SMTP connections.
	const mailOptions = {
		batchSize: 10,
		perJobResults: true,
		includeMetadata: true,
		burstWhenBatchFull: true,
		pollingIntervalSeconds: 1
	} as const;
	await b.work<mail.Job, unknown, typeof mailOptions>(mail.QUEUE, mailOptions, (jobs) =>
		Promise.all(
			jobs.map(async (job) => {
				const outcome = await mail.deliver(db, job.data.m, job.retryCount >= job.retryLimit);
				return {
					id: job.id,
					status: outcome === 'retry' ? ('failed' as const) : ('completed' as const),
					output: { outcome }
				};
			})
		)
	);
	await b.work<push.HourlyJob>(
		push.STAFF_HOURLY_QUEUE,
		{ pollingIntervalSeconds: 2 },
		async ([job]) => push.release(db, job.data)
	);
	await b.work<Parameters<typeof push.fanoutStep>[1]>(
		push.FANOUT_QUEUE,
		{ pollingIntervalSeconds: 1 },
		async ([job]) => push.fanoutStep(db, job.data)
	);
	boss.use(b);
	return b;
}

/** Stops this process's workers, letting running jobs finish for up to 10 s. */
export async function stop(): Promise<void> {
	const b = boss.get();
	boss.use(undefined);
	await b?.stop({ graceful: true, timeout: 10_000 });
	mail.close();
}
