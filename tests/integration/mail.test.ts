import { afterAll, beforeAll, beforeEach, expect, it } from 'vitest';
import * as jobs from '../../src/lib/server/app/jobs.ts';
import { config } from '../../src/lib/server/platform/config.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import * as mail from '../../src/lib/server/mail/mail.ts';
import * as smtp from '../smtp-peer.ts';
import { onBothDatabases } from './databases.ts';
import { until } from './until.ts';

const REGION = 'rivierenland';
let n = 0;

function row(db: Db, id: string) {
	return db.selectFrom('mail').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
}

/** Queues a setup mail to a new address and returns the address and the outbox row's id. */
async function setupMail(db: Db, locale = 'en') {
	const recipient = `staff${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;
	const url = `https://wegwijs.example/staff/setup/token-${n}`;
	const state = await mail.enqueue(db, {
		regionId: REGION,
		kind: 'setup',
		recipient,
		locale,
		params: { url, hours: 24 }
	});
	const { id } = await db
		.selectFrom('mail')
		.select('id')
		.where('recipient', '=', recipient)
		.executeTakeFirstOrThrow();
	return { state, recipient, url, id };
}

onBothDatabases('mail over SMTP', (ctx) => {
	let peer: smtp.Peer;
	const saved = { ...config };

	beforeAll(async () => {
		peer = await smtp.start();
		config.smtpUrl = peer.url;
		config.mailRetrySeconds = 1;
		config.mailTimeoutMs = 1500;
		await jobs.start(ctx.db, { supervise: false });
	});
	afterAll(async () => {
		await jobs.stop();
		await peer?.close();
		Object.assign(config, saved);
	});
	beforeEach(() => {
		peer.refuse.clear();
		peer.stallMs = 0;
	});

	it('delivers a setup link once, in the recipient’s language, marked as automatic', async () => {
		const m = await setupMail(ctx.db, 'nl');
		expect(m.state).toBe('queued');
		await until('sent', async () => (await row(ctx.db, m.id)).state === 'sent');
		const got = peer.received.filter((r) => r.to.includes(m.recipient));
		expect(got).toHaveLength(1);
		expect(got[0].raw).toMatch(/^Subject: Uw Wegwijs-account/m);
		expect(got[0].raw).toMatch(/^Auto-Submitted: auto-generated/m);
		const text = smtp.body(got[0].raw);
		expect(text).toContain(m.url);
		expect(text).toContain('eenmalige link');
		// The link is a credential: sealed in the outbox, not readable from the row.
		expect((await row(ctx.db, m.id)).params.toString('latin1')).not.toContain('token-');
	});

	it('retries while the SMTP server is down and delivers once it is back', async () => {
		await peer.down();
		const m = await setupMail(ctx.db);
		await until('two failed attempts', async () => (await row(ctx.db, m.id)).attempts >= 2);
		const waiting = await row(ctx.db, m.id);
		expect(waiting.state).toBe('queued');
		expect(waiting.error).toMatch(/ECONNREFUSED|ECONNECTION|ESOCKET/);
		await peer.up();
		await until('sent', async () => (await row(ctx.db, m.id)).state === 'sent', 60_000);
		expect(peer.received.filter((r) => r.to.includes(m.recipient))).toHaveLength(1);
	}, 90_000);

	it('retries a server that stalls past the timeout, without sending twice', async () => {
		peer.stallMs = 4000;
		const m = await setupMail(ctx.db);
		await until('a timed-out attempt', async () => (await row(ctx.db, m.id)).attempts >= 1);
		expect((await row(ctx.db, m.id)).state).toBe('queued');
		peer.stallMs = 0;
		await until('sent', async () => (await row(ctx.db, m.id)).state === 'sent', 60_000);
		expect(peer.received.filter((r) => r.to.includes(m.recipient))).toHaveLength(1);
	}, 90_000);

	it('a 550 answer fails the mail after one attempt, visibly to admins, without retrying', async () => {
		const recipient = `gone${++n}@example.test`;
		peer.refuse.add(recipient);
		expect(
			await mail.enqueue(ctx.db, {
				regionId: REGION,
				kind: 'setup',
				recipient,
				locale: 'en',
				params: { url: 'https://wegwijs.example/staff/setup/x', hours: 24 }
			})
		).toBe('queued');
		const failed = await until('failed', async () => {
			const r = await ctx.db
				.selectFrom('mail')
				.selectAll()
				.where('recipient', '=', recipient)
				.executeTakeFirstOrThrow();
			return r.state === 'failed' ? r : null;
		});
		expect(failed.attempts).toBe(1);
		expect(failed.error).toMatch(/^550 /);
		// Longer than several retry delays: still one attempt at the server.
		await new Promise((r) => setTimeout(r, 4000));
		expect(peer.attempts.filter((a) => a === recipient)).toHaveLength(1);
		expect((await row(ctx.db, failed.id)).attempts).toBe(1);
		const shown = await mail.failures(ctx.db, REGION);
		expect(shown.map((f) => f.recipient)).toContain(recipient);
		expect(shown.find((f) => f.recipient === recipient)?.error).toMatch(/^550 /);

		// Once the cause is fixed, an admin sends it again: delivered, nothing lost.
		expect(await mail.retryFailed(ctx.db, 'another-region', failed.id)).toBe(false);
		peer.refuse.delete(recipient);
		expect(await mail.retryFailed(ctx.db, REGION, failed.id)).toBe(true);
		expect(await mail.retryFailed(ctx.db, REGION, failed.id)).toBe(false);
		await until('sent', async () => (await row(ctx.db, failed.id)).state === 'sent');
		expect(peer.received.filter((r) => r.to.includes(recipient))).toHaveLength(1);
	}, 60_000);

	it('without an SMTP server set, mail is off: nothing is stored and the caller is told', async () => {
		config.smtpUrl = undefined;
		try {
			const before = await ctx.db
				.selectFrom('mail')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(
				await mail.enqueue(ctx.db, {
					regionId: REGION,
					kind: 'setup',
					recipient: 'off@example.test',
					locale: 'en',
					params: { url: 'https://wegwijs.example/x', hours: 24 }
				})
			).toBe('off');
			const after = await ctx.db
				.selectFrom('mail')
				.select((eb) => eb.fn.countAll<number>().as('n'))
				.executeTakeFirstOrThrow();
			expect(Number(after.n)).toBe(Number(before.n));
		} finally {
			config.smtpUrl = peer.url;
		}
	});

	it('forgets settled mail after 30 days', async () => {
		const m = await setupMail(ctx.db);
		await until('sent', async () => (await row(ctx.db, m.id)).state === 'sent');
		expect(await mail.purge(ctx.db, new Date(Date.now() + 29 * 86_400_000))).toBe(0);
		expect(await mail.purge(ctx.db, new Date(Date.now() + 31 * 86_400_000))).toBeGreaterThan(0);
		expect(
			await ctx.db.selectFrom('mail').select('id').where('id', '=', m.id).executeTakeFirst()
		).toBeUndefined();
	});
});
