// Fan-out of the daily overdue summary to 500 staff users of one region, against a real SMTP
// server on loopback: every mail must arrive, with counts and a link only, while worker pages stay
// fast. The server's own daily job sends it; the bench only releases today's `overdue` run.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { PgBoss } from 'pg-boss';
import type * as database from '../../src/lib/server/platform/db/index.ts';
import { rawReport } from '../factories/reports.ts';
import * as smtp from '../smtp-peer.ts';
import { client, percentile } from './http.ts';

export interface MailFanoutResult {
	users: number;
	delivered: number;
	seconds: number;
	contentFree: boolean;
	pageP95Before: number;
	pageP95During: number;
	pageSamples: number;
}

const TEXT = /^\d+ melding\(en\) in uw gemeenten zijn over een termijn heen\. Open de inbox:/;

export async function run(
	base: string,
	db: database.Db,
	dbUrl: string,
	peer: smtp.Peer,
	opts: { users: number; deadlineMs: number; progress: (m: string) => void }
): Promise<MailFanoutResult> {
	const http = client(base, 2);
	try {
		opts.progress(`mail: ${opts.users} staff users who chose the overdue summary`);
		const marker = randomUUID().slice(0, 8);
		const users = Array.from({ length: opts.users }, (_, i) => ({
			id: randomUUID(),
			region_id: 'rivierenland',
			email: `bench-${marker}-${i}@example.test`,
			name: `Bench ${i}`,
			role: i % 2 === 0 ? ('coordinator' as const) : ('handler' as const),
			mail_topics: sql<string[]>`'{overdue}'::text[]`
		}));
		await db.insertInto('staff_user').values(users).execute();
		await db
			.insertInto('staff_user_gemeente')
			.values(
				users
					.filter((u) => u.role === 'handler')
					.map((u) => ({ user_id: u.id, gemeente_id: 'tiel' }))
			)
			.execute();
		// One overdue report in Tiel, whatever other parts left.
		const posted = await http.request('/api/v1/reports', {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify(rawReport({ gemeente: 'tiel' }))
		});
		if (posted.status !== 201) throw new Error(`mail bench: report answered ${posted.status}`);
		await db
			.updateTable('report')
			.set({ ack_due_at: new Date(Date.now() - 86_400_000), acknowledged_at: null })
			.where(
				'id',
				'=',
				db
					.selectFrom('report')
					.select('id')
					.where('gemeente_id', '=', 'tiel')
					.orderBy('created_at', 'desc')
					.limit(1)
			)
			.execute();

		const before: number[] = [];
		for (let i = 0; i < 60; i++) {
			const a = await http.request(i % 2 ? '/pl/more' : '/pl');
			if (a.status === 200) before.push(a.ms);
			await new Promise((res) => setTimeout(res, 50));
		}

		opts.progress('mail: releasing today’s overdue run and waking the daily job');
		const day = new Date().toISOString().slice(0, 10);
		await db.deleteFrom('job_run').where('job', '=', 'overdue').where('day', '=', day).execute();
		const b = new PgBoss({
			connectionString: dbUrl,
			schema: 'pgboss',
			supervise: false,
			schedule: false
		});
		await b.start();
		await b.send('daily', {});
		await b.stop({ graceful: false });

		const started = performance.now();
		const ours = () => peer.received.filter((m) => m.to[0]?.startsWith(`bench-${marker}-`));
		const done = () => ours().length >= opts.users || performance.now() > started + opts.deadlineMs;
		const during: number[] = [];
		for (let i = 0; !done(); i++) {
			const a = await http.request(i % 2 ? '/pl/more' : '/pl');
			if (a.status === 200) during.push(a.ms);
			await new Promise((res) => setTimeout(res, 50));
		}
		const seconds = (performance.now() - started) / 1000;
		const got = ours();
		return {
			users: opts.users,
			delivered: new Set(got.map((m) => m.to[0])).size,
			seconds,
			contentFree: got.every(
				(m) => TEXT.test(smtp.body(m.raw)) && !/Industrieweg|Flex BV/.test(m.raw)
			),
			pageP95Before: percentile(before, 95),
			pageP95During: percentile(during, 95),
			pageSamples: during.length
		};
	} finally {
		http.close();
	}
}
