import { afterAll, beforeAll, expect, it } from 'vitest';
import * as jobs from '../../src/lib/server/app/jobs.ts';
import * as casework from '../../src/lib/server/casework/casework.ts';
import type { Actor } from '../../src/lib/server/casework/casework.ts';
import * as referrals from '../../src/lib/server/casework/referrals.ts';
import * as staffMail from '../../src/lib/server/mail/staff.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as desk from '../../src/lib/server/partners/desk.ts';
import { config } from '../../src/lib/server/platform/config.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import { referredReport, version } from '../factories/reports.ts';
import { staffUser } from '../factories/staff.ts';
import * as smtp from '../smtp-peer.ts';
import { onBothDatabases } from './databases.ts';
import { until } from './until.ts';

const REGION = 'rivierenland';
const NLA = 'rivierenland:nla';
const NLA_MAIL = 'meldingen@nla.example.test';
const CANARY = 'Canary-D3SK the foreman keeps our passports';
const PARTNER_WORDS = 'Inspecteur Jansen komt dinsdag langs';

async function handler(db: Db, topics: string[] = []) {
	const u = await staffUser(db, { role: 'handler', gemeenten: ['tiel'] });
	await staffMail.setTopics(db, u.id, topics);
	const actor: Actor = { id: u.id, role: 'handler', regionId: REGION, gemeenten: ['tiel'] };
	return { actor, email: u.email };
}

/** A report at consent level 2 with a photo, referred to the NLA with that photo. */
function referred(db: Db, h: Actor, partners = [NLA], gemeente = 'tiel') {
	return referredReport(db, h, {
		partners,
		gemeente,
		text: CANARY,
		redactedText: 'Workers are not paid. [name removed]'
	});
}

/** Issues the desk link and reads it from the mail the loopback SMTP server received. */
async function linkFor(db: Db, peer: smtp.Peer, h: Actor, id: string, referralId: string) {
	const before = peer.received.length;
	const [issued] = await desk.issue(db, h, id, [referralId]);
	const received = await until('the desk mail', () =>
		peer.received.length > before ? peer.received.slice(before) : null
	);
	const text = smtp.body(received[0].raw);
	const url = /\/staff\/desk\/([a-z2-7.]+)/.exec(text)![0];
	return { code: issued.code, token: url.split('/').pop()!, text, received };
}

onBothDatabases('partner desk', (ctx) => {
	let peer: smtp.Peer;
	const saved = { ...config };

	beforeAll(async () => {
		peer = await smtp.start();
		config.smtpUrl = peer.url;
		config.mailRetrySeconds = 1;
		await ctx.db
			.updateTable('partner')
			.set({ referral_emails: [NLA_MAIL] })
			.where('id', '=', NLA)
			.execute();
		await jobs.start(ctx.db, { supervise: false });
	});
	afterAll(async () => {
		await jobs.stop();
		await peer?.close();
		Object.assign(config, saved);
	});

	it('mails the partner a link without any report content; opening needs the code, once, in one browser', async () => {
		const { actor } = await handler(ctx.db);
		const { id, referralIds } = await referred(ctx.db, actor);
		const { code, token, text, received } = await linkFor(ctx.db, peer, actor, id, referralIds[0]);
		expect(received).toHaveLength(1);
		expect(received[0].to).toEqual([NLA_MAIL]);
		// Nothing of the report, its category or its gemeente; and never the code.
		for (const secret of ['Canary', 'D3SK', 'passports', 'Tiel', 'underpaid', 'not paid', code])
			expect(received[0].raw).not.toContain(secret);
		expect(text).toContain(`${config.origin}/staff/desk/`);

		// The link alone opens nothing.
		expect(await desk.access(ctx.db, token, undefined)).toEqual({ ok: false, state: 'code' });
		const wrong = code === '00000000' ? '11111111' : '00000000';
		expect(await desk.open(ctx.db, token, wrong)).toEqual({ ok: false, state: 'wrong_code' });
		// A mangled token is no link at all.
		expect(await desk.access(ctx.db, `${token}x`, undefined)).toEqual({
			ok: false,
			state: 'unknown'
		});

		const opened = await desk.open(ctx.db, token, desk.showCode(code));
		expect(opened.ok).toBe(true);
		const session = (opened as { session: string }).session;
		expect(await desk.access(ctx.db, token, session)).toEqual({
			ok: true,
			referralId: referralIds[0]
		});
		// A second browser (no session, or another one), even with the right code: used.
		expect(await desk.access(ctx.db, token, undefined)).toEqual({ ok: false, state: 'used' });
		expect(await desk.access(ctx.db, token, 'a'.repeat(32))).toEqual({ ok: false, state: 'used' });
		expect(await desk.open(ctx.db, token, code)).toEqual({ ok: false, state: 'used' });

		// Exactly the sealed package: the redacted text, no contact, the photo passed on.
		const v = (await desk.view(ctx.db, referralIds[0]))!;
		expect(v.package.text).toBe('Workers are not paid. [name removed]');
		expect(v.package.contact).toBeNull();
		expect(JSON.stringify(v)).not.toContain('passports');
	});

	it('refuses an expired link, and a link after five wrong codes; a new link replaces the old one', async () => {
		const { actor } = await handler(ctx.db);
		const { id, referralIds } = await referred(ctx.db, actor);
		const first = await linkFor(ctx.db, peer, actor, id, referralIds[0]);
		const later = new Date(Date.now() + (config.partnerLinkHours + 1) * 3_600_000);
		expect(await desk.access(ctx.db, first.token, undefined, later)).toEqual({
			ok: false,
			state: 'expired'
		});
		expect(await desk.open(ctx.db, first.token, first.code, later)).toEqual({
			ok: false,
			state: 'expired'
		});
		const wrong = first.code === '12345678' ? '87654321' : '12345678';
		for (let i = 0; i < desk.MAX_WRONG_CODES - 1; i++)
			expect(await desk.open(ctx.db, first.token, wrong)).toEqual({
				ok: false,
				state: 'wrong_code'
			});
		expect(await desk.open(ctx.db, first.token, wrong)).toEqual({ ok: false, state: 'locked' });
		// Locked: even the right code no longer opens it.
		expect(await desk.open(ctx.db, first.token, first.code)).toEqual({
			ok: false,
			state: 'locked'
		});

		const second = await linkFor(ctx.db, peer, actor, id, referralIds[0]);
		expect(await desk.access(ctx.db, first.token, undefined)).toEqual({
			ok: false,
			state: 'unknown'
		});
		expect((await desk.open(ctx.db, second.token, second.code)).ok).toBe(true);
	});

	it('speaks the partner’s language: its mail and its desk page in the first language it reads', async () => {
		const { actor } = await handler(ctx.db);
		const languages = async (l: string[]) =>
			ctx.db.updateTable('partner').set({ languages: l }).where('id', '=', NLA).execute();
		try {
			await languages(['en']);
			const { id, referralIds } = await referred(ctx.db, actor);
			const english = await linkFor(ctx.db, peer, actor, id, referralIds[0]);
			expect(english.received[0].raw).toContain('Wegwijs: a referral for your organisation');
			expect(await desk.language(ctx.db, english.token)).toBe('en');
			// The page follows the partner's setting as it is now, for a link already sent too.
			await languages(['nl', 'en']);
			expect(await desk.language(ctx.db, english.token)).toBe('nl');
			expect(await desk.language(ctx.db, `${english.token}x`)).toBeUndefined();
		} finally {
			await languages(['nl']);
		}
		expect(desk.partnerLocale([])).toBe('nl');
		expect(desk.partnerLocale(['en', 'nl'])).toBe('en');
	});

	it('refuses a withdrawn referral: its link, its answers and any new link', async () => {
		const { actor } = await handler(ctx.db);
		const { id, referralIds } = await referred(ctx.db, actor);
		const { token, code } = await linkFor(ctx.db, peer, actor, id, referralIds[0]);
		const opened = (await desk.open(ctx.db, token, code)) as { ok: true; session: string };
		const v = (await desk.view(ctx.db, referralIds[0]))!;
		expect(
			await desk.withdraw(ctx.db, actor, {
				id,
				version: await version(ctx.db, id),
				referralId: referralIds[0]
			})
		).toEqual({ ok: true });
		expect(await desk.access(ctx.db, token, opened.session)).toEqual({
			ok: false,
			state: 'withdrawn'
		});
		expect(
			await desk.answer(ctx.db, referralIds[0], {
				answer: 'taken_up',
				message: '',
				whereInstead: '',
				version: v.version
			})
		).toEqual({ ok: false, error: 'withdrawn' });
		expect(await desk.issue(ctx.db, actor, id, [referralIds[0]])).toEqual([]);
		// Withdrawing twice is not a second change.
		expect(
			await desk.withdraw(ctx.db, actor, {
				id,
				version: await version(ctx.db, id),
				referralId: referralIds[0]
			})
		).toEqual({ ok: false, error: 'not_found' });
	});

	it('records an answer posted twice once: one note marked as the partner’s, one message to the reporter, one audit row, one staff mail', async () => {
		const { actor, email } = await handler(ctx.db, ['answered']);
		const { id, referralIds } = await referred(ctx.db, actor);
		const v = (await desk.view(ctx.db, referralIds[0]))!;
		const ack = await desk.answer(ctx.db, referralIds[0], {
			answer: null,
			message: '',
			whereInstead: '',
			version: v.version
		});
		expect(ack).toEqual({ ok: true });
		const post = () =>
			desk.answer(ctx.db, referralIds[0], {
				answer: 'taken_up',
				message: PARTNER_WORDS,
				whereInstead: '',
				version: v.version + 1
			});
		const before = peer.received.length;
		expect(await post()).toEqual({ ok: true });
		expect(await post()).toEqual({ ok: false, error: 'already' });

		const notes = await casework.notes(ctx.db, actor, id);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({
			author: 'Nederlandse Arbeidsinspectie',
			text: PARTNER_WORDS,
			partner: { answer: 'taken_up', where: null }
		});
		const thread = await reports.messages(ctx.db, id);
		expect(thread.filter((m) => m.template === 'partner_taken_up')).toHaveLength(1);
		expect(JSON.stringify(thread)).not.toContain('Jansen');
		const audit = await ctx.db
			.selectFrom('audit_log')
			.select(['action', 'detail', 'actor_id'])
			.where('object_id', '=', id)
			.where('action', 'in', ['referral.acknowledged', 'referral.answered'])
			.execute();
		expect(audit.map((a) => a.action).sort()).toEqual([
			'referral.acknowledged',
			'referral.answered'
		]);
		expect(JSON.stringify(audit)).not.toContain('Jansen');
		const [ref] = await referrals.list(ctx.db, actor, id);
		expect(ref).toMatchObject({ answer: 'taken_up' });
		expect(ref.acknowledgedAt).not.toBeNull();

		const mails = await until('the answered mail', () => {
			const m = peer.received.slice(before).filter((r) => r.to.includes(email));
			return m.length > 0 ? m : null;
		});
		await new Promise((r) => setTimeout(r, 500));
		expect(peer.received.slice(before).filter((r) => r.to.includes(email))).toHaveLength(1);
		expect(smtp.body(mails[0].raw)).toContain(`/staff/reports/${id}`);
		expect(mails[0].raw).not.toContain('Jansen');
		expect(mails[0].raw).not.toContain('Canary');
	});

	it('asks “where does it belong” with “not ours”, and keeps what was typed', async () => {
		const { actor } = await handler(ctx.db);
		const { referralIds } = await referred(ctx.db, actor);
		const v = (await desk.view(ctx.db, referralIds[0]))!;
		const base = { message: 'x', version: v.version };
		expect(
			await desk.answer(ctx.db, referralIds[0], { ...base, answer: 'not_ours', whereInstead: ' ' })
		).toEqual({ ok: false, error: 'where' });
		expect(
			await desk.answer(ctx.db, referralIds[0], { ...base, answer: 'maybe', whereInstead: '' })
		).toEqual({ ok: false, error: 'answer' });
		expect(
			await desk.answer(ctx.db, referralIds[0], {
				...base,
				answer: 'not_ours',
				whereInstead: 'Juridisch Loket'
			})
		).toEqual({ ok: true });
		expect(
			(
				await ctx.db
					.selectFrom('referral')
					.select('where_instead')
					.where('id', '=', referralIds[0])
					.executeTakeFirstOrThrow()
			).where_instead
		).toBe('Juridisch Loket');
	});

	it('gives a link of one partner nothing of another partner’s referral, and only the photos passed on', async () => {
		const { actor } = await handler(ctx.db);
		const snf = 'rivierenland:snf';
		await ctx.db
			.updateTable('partner')
			.set({ referral_emails: ['intake@snf.example.test'] })
			.where('id', '=', snf)
			.execute();
		const { id, referralIds, photoIds } = await referred(ctx.db, actor, [NLA, snf]);
		const nla = await linkFor(ctx.db, peer, actor, id, referralIds[0]);
		const snfLink = await linkFor(ctx.db, peer, actor, id, referralIds[1]);
		const opened = (await desk.open(ctx.db, nla.token, nla.code)) as { session: string };
		// The NLA's session cookie does not open the SNF's link.
		expect(await desk.access(ctx.db, snfLink.token, opened.session)).toEqual({
			ok: false,
			state: 'code'
		});
		// The NLA's code does not open the SNF's link.
		if (nla.code !== snfLink.code)
			expect(await desk.open(ctx.db, snfLink.token, nla.code)).toEqual({
				ok: false,
				state: 'wrong_code'
			});
		const photo = await desk.photo(ctx.db, referralIds[0], photoIds[0]);
		expect(photo?.mime).toBe('image/jpeg');
		const audited = await ctx.db
			.selectFrom('audit_log')
			.select('detail')
			.where('action', '=', 'referral.photo')
			.where('object_id', '=', photoIds[0])
			.execute();
		expect(audited).toHaveLength(1);
		expect(await desk.photo(ctx.db, referralIds[0], '00000000-0000-4000-8000-000000000000')).toBe(
			undefined
		);
	});

	it('reminds partner and handler once when a link is not acknowledged within the working days', async () => {
		const { actor, email } = await handler(ctx.db);
		const { id, referralIds } = await referred(ctx.db, actor);
		await linkFor(ctx.db, peer, actor, id, referralIds[0]);
		// An acknowledged referral is never reminded.
		const other = await referred(ctx.db, actor);
		await linkFor(ctx.db, peer, actor, other.id, other.referralIds[0]);
		const v = (await desk.view(ctx.db, other.referralIds[0]))!;
		await desk.answer(ctx.db, other.referralIds[0], {
			answer: null,
			message: '',
			whereInstead: '',
			version: v.version
		});

		expect(await desk.remind(ctx.db, REGION)).toBe(0);
		const later = desk.addWorkingDays(new Date(), config.partnerRemindWorkingDays + 1);
		const before = peer.received.length;
		const sent = await desk.remind(ctx.db, REGION, later);
		expect(sent).toBeGreaterThanOrEqual(2);
		const mails = await until('the reminders', () => {
			const m = peer.received.slice(before);
			return m.some((r) => r.to.includes(email)) && m.some((r) => r.to.includes(NLA_MAIL))
				? m
				: null;
		});
		for (const m of mails) expect(m.raw).not.toContain('Canary');
		expect(
			(
				await ctx.db
					.selectFrom('referral')
					.select('reminded_at')
					.where('id', '=', other.referralIds[0])
					.executeTakeFirstOrThrow()
			).reminded_at
		).toBeNull();
		// Once only.
		expect(await desk.remind(ctx.db, REGION, later)).toBe(0);
	});

	it('counts referrals, acknowledgements and outcomes per partner, suppressed below five, in the user’s gemeenten', async () => {
		const { actor } = await handler(ctx.db);
		const scope = { region: REGION, gemeenten: ['west-betuwe'] };
		const period = { from: new Date(Date.now() - 3_600_000), to: new Date(Date.now() + 3_600_000) };
		// Referrals in Tiel are not counted for a handler of West Betuwe.
		await referred(ctx.db, actor);
		expect(await desk.figures(ctx.db, scope, period)).toEqual([]);

		const wb = await staffUser(ctx.db, { role: 'handler', gemeenten: ['west-betuwe'] });
		const wbActor: Actor = {
			id: wb.id,
			role: 'handler',
			regionId: REGION,
			gemeenten: ['west-betuwe']
		};
		for (let i = 0; i < 5; i++) {
			const { referralIds } = await referred(ctx.db, wbActor, [NLA], 'west-betuwe');
			const v = (await desk.view(ctx.db, referralIds[0]))!;
			await desk.answer(ctx.db, referralIds[0], {
				answer: i < 4 ? 'closed' : 'taken_up',
				message: '',
				whereInstead: '',
				version: v.version
			});
		}
		const [nla] = await desk.figures(ctx.db, scope, period);
		expect(nla).toMatchObject({
			partnerId: NLA,
			referrals: '5',
			acknowledged: '5',
			outcomes: { closed: '<5', taken_up: '<5', not_ours: '0' }
		});
		expect(nla.medianHoursToAcknowledge).not.toBeNull();
	});
});

it('counts working days from Monday to Friday', () => {
	// Friday 4 December 2026 + 2 working days = Tuesday 8 December.
	expect(desk.addWorkingDays(new Date('2026-12-04T10:00:00Z'), 2).toISOString()).toBe(
		'2026-12-08T10:00:00.000Z'
	);
	expect(desk.addWorkingDays(new Date('2026-12-07T10:00:00Z'), 1).toISOString()).toBe(
		'2026-12-08T10:00:00.000Z'
	);
});
