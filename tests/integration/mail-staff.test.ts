import { afterAll, beforeAll, expect, it } from 'vitest';
import * as jobs from '../../src/lib/server/app/jobs.ts';
import * as inbox from '../../src/lib/server/casework/inbox.ts';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as staffMail from '../../src/lib/server/mail/staff.ts';
import { config } from '../../src/lib/server/platform/config.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import { rawReport } from '../factories/reports.ts';
import { staffUser } from '../factories/staff.ts';
import * as smtp from '../smtp-peer.ts';
import { onBothDatabases } from './databases.ts';
import { until } from './until.ts';

const REGION = 'rivierenland';
const CANARY = 'Canary-7Q2 the foreman keeps our passports';
let n = 0;

async function report(db: Db, gemeente: string) {
	const r = await intake.submit(
		db,
		rawReport({ gemeente, text: CANARY, subject_name: CANARY, address: CANARY }),
		[],
		{ regionId: REGION, locale: 'ro', channel: 'web', client: `mail-staff-${++n}` }
	);
	if (!r.ok) throw new Error(`setup: ${JSON.stringify(r.errors)}`);
	return r.reportId;
}

async function user(
	db: Db,
	role: 'handler' | 'coordinator',
	gemeenten: string[],
	topics: string[]
) {
	const u = await staffUser(db, { role, gemeenten });
	await staffMail.setTopics(db, u.id, topics);
	return u;
}

function mailsTo(peer: smtp.Peer, email: string) {
	return peer.received.filter((r) => r.to.includes(email));
}

onBothDatabases('staff mail', (ctx) => {
	let peer: smtp.Peer;
	const saved = { ...config };

	beforeAll(async () => {
		peer = await smtp.start();
		config.smtpUrl = peer.url;
		config.mailRetrySeconds = 1;
		await jobs.start(ctx.db, { supervise: false });
	});
	afterAll(async () => {
		await jobs.stop();
		await peer?.close();
		Object.assign(config, saved);
	});

	it('keeps only known topics as a user’s choice', async () => {
		const u = await staffUser(ctx.db, { role: 'handler', gemeenten: ['tiel'] });
		expect(await staffMail.setTopics(ctx.db, u.id, ['overdue', 'spam', 'replies'])).toEqual([
			'replies',
			'overdue'
		]);
		expect(await staffMail.topics(ctx.db, u.id)).toEqual(['replies', 'overdue']);
	});

	it('the overdue summary reaches exactly the users who chose it and may see the reports, with counts and no report text', async () => {
		const tielHandler = await user(ctx.db, 'handler', ['tiel'], ['overdue']);
		const burenHandler = await user(ctx.db, 'handler', ['buren'], ['overdue']);
		const notChosen = await user(ctx.db, 'handler', ['tiel'], ['new_reports']);
		const coordinator = await user(ctx.db, 'coordinator', [], ['overdue']);
		const id = await report(ctx.db, 'tiel');
		await ctx.db
			.updateTable('report')
			.set({ ack_due_at: new Date(Date.now() - 86_400_000) })
			.where('id', '=', id)
			.execute();

		const result = await jobs.DAILY.overdue(ctx.db, new Date());
		expect((result[REGION] as { mails: number }).mails).toBeGreaterThanOrEqual(2);
		await until('both summaries', () =>
			[tielHandler, coordinator].every((u) => mailsTo(peer, u.email).length === 1)
		);
		expect(mailsTo(peer, burenHandler.email)).toHaveLength(0);
		expect(mailsTo(peer, notChosen.email)).toHaveLength(0);
		const text = smtp.body(mailsTo(peer, tielHandler.email)[0].raw);
		expect(text).toMatch(/\d+ melding\(en\) in uw gemeenten/);
		expect(text).toContain(`${config.origin}/staff/inbox`);
		for (const m of peer.received) {
			expect(m.raw).not.toContain('Canary-7Q2');
			expect(m.raw).not.toMatch(/underpaid|no_payslips|Flex BV|Tiel/);
		}
	});

	it('new reports and replies go out once, after the clock hour they happened in has ended', async () => {
		const handler = await user(ctx.db, 'handler', ['culemborg'], ['new_reports', 'replies']);
		const other = await user(ctx.db, 'handler', ['zaltbommel'], ['new_reports']);
		const id = await report(ctx.db, 'culemborg');
		await ctx.db
			.updateTable('report')
			.set({ assigned_to: handler.id })
			.where('id', '=', id)
			.execute();
		await reports.addMessage(ctx.db, id, { author: 'reporter', language: 'ro', text: CANARY });
		const { created_at } = await ctx.db
			.selectFrom('report')
			.select('created_at')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();

		// Still within the hour the report arrived in: nothing is told yet.
		expect(await jobs.runHourly(ctx.db, created_at)).toBe(0);
		// The next hour's run covers it; a second run of that hour (another instance) sends nothing.
		const next = new Date(created_at.getTime() + 3_600_000);
		expect(await jobs.runHourly(ctx.db, next)).toBeGreaterThanOrEqual(2);
		expect(await jobs.runHourly(ctx.db, next)).toBe(0);
		await until('digest mails', () => mailsTo(peer, handler.email).length === 2);
		const subjects = mailsTo(peer, handler.email)
			.map((m) => /^Subject: (.*)$/m.exec(m.raw)?.[1])
			.sort();
		expect(subjects).toEqual([
			'Wegwijs: nieuwe meldingen',
			'Wegwijs: werknemers hebben gereageerd'
		]);
		expect(mailsTo(peer, other.email)).toHaveLength(0);
		for (const m of mailsTo(peer, handler.email)) {
			expect(m.raw).not.toContain('Canary-7Q2');
			expect(m.raw).not.toMatch(/Culemborg|underpaid/);
			// The mail carries its own send time only, never the reporter's.
			expect(m.raw).not.toContain(created_at.toISOString());
		}
	});
	it('mails no reply digest for a reply the assigned handler has already read', async () => {
		const handler = await user(ctx.db, 'handler', ['west-betuwe'], ['replies']);
		const id = await report(ctx.db, 'west-betuwe');
		await ctx.db
			.updateTable('report')
			.set({ assigned_to: handler.id })
			.where('id', '=', id)
			.execute();
		await reports.addMessage(ctx.db, id, { author: 'reporter', language: 'ro', text: CANARY });
		const thread = await reports.messages(ctx.db, id);
		await inbox.markRead(ctx.db, handler.id, id, thread.at(-1)!.seq);
		const hour = staffMail.lastHour(new Date(thread.at(-1)!.createdAt.getTime() + 3_600_000));
		await staffMail.digest(ctx.db, REGION, hour);
		const queued = await ctx.db
			.selectFrom('mail')
			.select('kind')
			.where('recipient', '=', handler.email)
			.execute();
		expect(queued).toEqual([]);

		// A second reply, not read: the digest counts it.
		await reports.addMessage(ctx.db, id, { author: 'reporter', language: 'ro', text: CANARY });
		await staffMail.digest(ctx.db, REGION, hour);
		const after = await ctx.db
			.selectFrom('mail')
			.select('kind')
			.where('recipient', '=', handler.email)
			.execute();
		expect(after.map((m) => m.kind)).toEqual(['replies']);
	});
});
