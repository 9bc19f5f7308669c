// A year-two meldpunt: 100 000 reports written straight into PostgreSQL with one INSERT … SELECT,
// spread over the region's gemeenten, groups, statuses and priorities across two years, and two
// staff users (a coordinator and a handler of Tiel) with TOTP enrolled and a verified session.
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import * as sessions from '../../src/lib/server/staff/session.ts';
import * as users from '../../src/lib/server/staff/users.ts';
import { GROUPS, PRIORITIES, STATUSES } from '../../src/lib/report/catalogue.ts';

const REGION = 'rivierenland';

/**
 * Inserts `count` reports. Content and data key are copied from a real report that came in
 * through intake, so rows have real sizes; the content's AAD names that report's id, so the
 * copies do not decrypt (lists never decrypt; the report page is measured on a real report).
 */
export async function reports(db: Db, count: number): Promise<void> {
	const template = await db
		.selectFrom('report')
		.select(['data_key', 'content'])
		.where('channel', '=', 'api')
		.executeTakeFirstOrThrow();
	const gemeenten = (
		await db
			.selectFrom('gemeente')
			.select('id')
			.where('region_id', '=', REGION)
			.orderBy('id')
			.execute()
	).map((g) => g.id);
	const arr = (values: readonly string[]) => sql`${sql.val([...values])}::text[]`;
	// Reports older than four months are mostly closed, as in a meldpunt that keeps up.
	await sql`
		with s as (
			select i, now() - random() * interval '730 days' as created, random() as r
			from generate_series(1, ${count}::int) i
		), t as (
			select s.*,
				case when created < now() - interval '120 days'
					then case when r < 0.9 then 'closed' else 'referred' end
					else (${arr(STATUSES)})[1 + floor(r * ${STATUSES.length})::int]
				end as status
			from s
		)
		insert into report (id, region_id, gemeente_id, category_group, situations, subject_type,
			occurred, affected, consent_level, locale, priority, status, closed_reason, has_contact,
			photo_count, channel, data_key, content, receipt_hash, submission_hash, created_at,
			updated_at, ack_due_at, feedback_due_at, acknowledged_at, closed_at)
		select md5('bench-report:' || i)::uuid, ${REGION},
			case when i % 50 = 0 then null
				else (${arr(gemeenten)})[1 + i % ${gemeenten.length}] end,
			(${arr(GROUPS)})[1 + (i / ${gemeenten.length}) % ${GROUPS.length}],
			'{}', 'agency', 'ongoing', '6_20', 2, 'pl',
			(${arr(PRIORITIES)})[1 + (i / 37) % ${PRIORITIES.length}],
			status, case when status = 'closed' then 'resolved' end, false, 0, 'web',
			${template.data_key}, ${template.content},
			decode(md5('bench-receipt:' || i), 'hex'), decode(md5('bench-submission:' || i), 'hex'),
			created, created, created + interval '7 days', created + interval '3 months',
			case when status <> 'new' then created + random() * interval '10 days' end,
			case when status = 'closed' then created + interval '10 days' + random() * interval '100 days' end
		from t`.execute(db);
	await sql`analyze`.execute(db);
}

export interface Staff {
	coordinator: string;
	handler: string;
}

/** Session tokens of a coordinator and a Tiel handler, both past TOTP. */
export async function staff(db: Db): Promise<Staff> {
	const token = async (role: 'coordinator' | 'handler', gemeenten: string[]) => {
		const user = await users.create(db, {
			email: `bench-${role}-${randomBytes(4).toString('hex')}@example.test`,
			name: `Bench ${role}`,
			role,
			regionId: REGION,
			gemeenten
		});
		await users.setTotpKey(db, user.id, randomBytes(20), 0n);
		return (await sessions.create(db, user.id, true)).token;
	};
	return { coordinator: await token('coordinator', []), handler: await token('handler', ['tiel']) };
}

// The names of jobs.ts's DAILY jobs. jobs.ts itself cannot be loaded here: it reaches
// rate-limit.ts, whose parameter properties Node's type stripping does not accept.
const DAILY_JOBS = ['retention', 'sessions', 'overdue'];

/**
 * Claims today's and tomorrow's daily jobs (as jobs.claim does), so the server's first hourly
 * check, one minute after start, does not run retention over the seeded reports while they are
 * being measured.
 */
export async function holdDailyJobs(db: Db, now = new Date()): Promise<void> {
	const days = [now, new Date(now.getTime() + 86_400_000)].map((d) => d.toISOString().slice(0, 10));
	await db
		.insertInto('job_run')
		.values(days.flatMap((day) => DAILY_JOBS.map((job) => ({ job, day }))))
		.onConflict((oc) => oc.columns(['job', 'day']).doNothing())
		.execute();
}
