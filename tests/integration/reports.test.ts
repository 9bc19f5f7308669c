import { expect, it } from 'vitest';
import fc from 'fast-check';
import sharp from 'sharp';
import { GROUPS, SITUATIONS, situationsOf } from '../../src/lib/report/catalogue.ts';
import { clean, cleanLine } from '../../src/lib/shell/text.ts';
import { randomBytes } from 'node:crypto';
import * as crypto from '../../src/lib/server/platform/crypto.ts';
import * as followup from '../../src/lib/server/meldpunt/followup.ts';
import * as rotation from '../../src/lib/server/app/rotation.ts';
import * as secrets from '../../src/lib/server/platform/secrets.ts';
import { staffUser } from '../factories/staff.ts';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as photos from '../../src/lib/server/meldpunt/photos.ts';
import * as receipts from '../../src/lib/server/meldpunt/receipts.ts';
import * as reportInput from '../../src/lib/server/meldpunt/report-input.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import { jpegWithGps, rawReport } from '../factories/reports.ts';
import { onBothDatabases } from './databases.ts';
import { pgDump, rowsAsText } from './dump.ts';

const opts = {
	regionId: 'rivierenland',
	locale: 'pl',
	channel: 'web' as const
};
let n = 0;
const client = () => `198.51.100.${++n % 250}`;

onBothDatabases('report intake', (ctx) => {
	it('stores a report and gives a 16-digit receipt that opens it', async () => {
		const r = await intake.submit(ctx.db, rawReport(), [], {
			...opts,
			client: client()
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		expect(r.receipt).toMatch(/^\d{16}$/);
		expect(receipts.format(r.receipt)).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
		expect(await reports.findByReceipt(ctx.db, r.receipt)).toBe(r.reportId);
		const report = await reports.read(ctx.db, r.reportId);
		expect(report).toMatchObject({
			gemeenteId: 'tiel',
			group: 'work',
			situations: ['underpaid', 'no_payslips'],
			consent: 2,
			locale: 'pl',
			status: 'new',
			priority: 'normal',
			content: {
				text: 'We work 60 hours and get paid for 40.',
				subjectName: 'Flex BV'
			}
		});
		// Identifiers are random, never sequential.
		expect(r.reportId).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-/);
	});

	it('gives a repeated submission the same receipt and creates no second report', async () => {
		const raw = rawReport();
		const [a, b, c] = await Promise.all(
			[1, 2, 3].map(() => intake.submit(ctx.db, raw, [], { ...opts, client: client() }))
		);
		const d = await intake.submit(ctx.db, raw, [], {
			...opts,
			client: client()
		});
		const ok = [a, b, c, d].filter((x) => x.ok);
		expect(ok).toHaveLength(4);
		expect(new Set(ok.map((x) => x.ok && x.receipt)).size).toBe(1);
		expect(new Set(ok.map((x) => x.ok && x.reportId)).size).toBe(1);
		const count = await ctx.db
			.selectFrom('report')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('submission_hash', '=', receipts.submissionHash(String(raw.submission_key)))
			.executeTakeFirstOrThrow();
		expect(Number(count.n)).toBe(1);
	});

	it('never hands out a receipt for a key alone: other content, or after the window, gets 409', async () => {
		const raw = rawReport();
		const t0 = new Date('2026-12-05T10:00:00Z');
		const first = await intake.submit(ctx.db, raw, [], {
			...opts,
			client: client(),
			now: t0
		});
		if (!first.ok) throw new Error('setup');
		const other = await intake.submit(ctx.db, { ...raw, text: 'Something else entirely.' }, [], {
			...opts,
			client: client(),
			now: new Date(t0.getTime() + 60_000)
		});
		expect(other).toEqual({
			ok: false,
			refusal: 'key_used',
			errors: { submission_key: 'submission_key_used' }
		});
		const late = await intake.submit(ctx.db, raw, [], {
			...opts,
			client: client(),
			now: new Date(t0.getTime() + intake.RETRY_WINDOW_MS + 1)
		});
		expect(late).toMatchObject({ ok: false, refusal: 'key_used' });
		expect(JSON.stringify([other, late])).not.toContain(first.receipt);
	});

	it('counts repeated keys against the follow-up limit of the client', async () => {
		const raw = rawReport();
		const replayer = `2001:db8:${ctx.kind === 'pglite' ? 'e1' : 'e2'}:1::1`;
		const first = await intake.submit(ctx.db, raw, [], {
			...opts,
			client: replayer
		});
		expect(first.ok).toBe(true);
		const answers = [];
		for (let i = 0; i < 11; i++)
			answers.push((await intake.submit(ctx.db, raw, [], { ...opts, client: replayer })).ok);
		expect(answers.slice(0, 10)).toEqual(Array(10).fill(true));
		expect(answers[10]).toBe(false);
		// And the follow-up page now tells this client to wait as well.
		const r = await followup.open(ctx.db, {
			receipt: '0000 0000 0000 0001',
			client: replayer
		});
		expect(r).toMatchObject({ ok: false, error: 'busy' });
	});

	it('marks threats, withheld passports and blocked bank accounts as urgent', async () => {
		for (const s of ['threatened', 'id_withheld', 'no_bank_access']) {
			const r = await intake.submit(ctx.db, rawReport({ situations: [s] }), [], {
				...opts,
				client: client()
			});
			expect(r.ok && (await reports.read(ctx.db, r.reportId))?.priority).toBe('urgent');
		}
	});

	it('sends an unknown gemeente to the regional queue (no gemeente)', async () => {
		const r = await intake.submit(ctx.db, rawReport({ gemeente: 'unknown' }), [], {
			...opts,
			client: client()
		});
		expect(r.ok && (await reports.read(ctx.db, r.reportId))?.gemeenteId).toBeNull();
	});

	it('refuses bad input with field errors and stores nothing', async () => {
		const before = await rowsAsText(ctx.db);
		const cases: [Record<string, unknown>, string, string, intake.Refusal][] = [
			[{ group: 'weather' }, 'group', 'group', 'invalid'],
			[
				{ situations: Array.from({ length: 40 }, (_, i) => SITUATIONS[i % 10].code) },
				'situations',
				'situations_too_many',
				'invalid'
			],
			[{ situations: ['nonsense'] }, 'situations', 'situations_unknown', 'invalid'],
			[{ gemeente: 'amsterdam' }, 'gemeente', 'gemeente', 'invalid'],
			[{ text: 'x'.repeat(1_000_000) }, 'text', 'text_too_long', 'too_large'],
			[
				{ group: 'other', situations: [], text: '\u200B\u202E ' },
				'text',
				'text_required',
				'invalid'
			],
			[{ consent: '7' }, 'consent', 'choice', 'invalid'],
			[{ contact_wanted: 'yes', contact: '' }, 'contact', 'contact_required', 'invalid'],
			[{ pin_lat: '40.4', pin_lng: '-3.7' }, 'pin', 'pin', 'invalid'],
			[{ submission_key: 'short' }, 'submission_key', 'submission_key', 'invalid'],
			[{ submission_key: 'a'.repeat(40) }, 'submission_key', 'submission_key', 'invalid'],
			[{ submission_key: 'ab'.repeat(12) }, 'submission_key', 'submission_key', 'invalid']
		];
		for (const [override, field, code, refusal] of cases) {
			const r = await intake.submit(ctx.db, rawReport(override), [], {
				...opts,
				client: client()
			});
			expect(r.ok, JSON.stringify(override).slice(0, 80)).toBe(false);
			if (r.ok) continue;
			expect(r.errors[field]).toBe(code);
			expect(r.refusal).toBe(refusal);
		}
		expect(await rowsAsText(ctx.db)).toBe(before);
	});

	it('refuses files that are not photos and keeps nothing of them', async () => {
		const html = Buffer.from('<html><script>alert(1)</script></html>');
		const r = await intake.submit(ctx.db, rawReport(), [html], {
			...opts,
			client: client()
		});
		expect(r).toMatchObject({
			ok: false,
			refusal: 'unsupported_type',
			errors: { photos: 'photo_type' }
		});
		const six = await intake.submit(ctx.db, rawReport(), Array(6).fill(await jpegWithGps()), {
			...opts,
			client: client()
		});
		expect(six).toMatchObject({
			ok: false,
			refusal: 'invalid',
			errors: { photos: 'photo_count' }
		});
	});

	it('stores a photo with GPS EXIF without any metadata, upright', async () => {
		const input = await jpegWithGps();
		expect((await sharp(input).metadata()).exif).toBeDefined();
		const r = await intake.submit(ctx.db, rawReport(), [input], {
			...opts,
			client: client()
		});
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		const [meta] = await reports.photos(ctx.db, r.reportId);
		const stored = await reports.photo(ctx.db, r.reportId, meta.id);
		const m = await sharp(stored!.bytes).metadata();
		expect([m.width, m.height]).toEqual([200, 400]);
		expect(m.exif).toBeUndefined();
		expect(m.xmp).toBeUndefined();
		expect(m.icc).toBeUndefined();
		expect(stored!.bytes.includes(Buffer.from('CanaryCam'))).toBe(false);
		expect(stored!.bytes.includes(Buffer.from('GPS'))).toBe(false);
		// Another report's id does not open this photo.
		const other = await intake.submit(ctx.db, rawReport(), [], {
			...opts,
			client: client()
		});
		expect(other.ok && (await reports.photo(ctx.db, other.reportId, meta.id))).toBeUndefined();
	});

	it('keeps free text, names, address, contact, messages and photos out of a plain dump', async () => {
		// Letters outside 0-9a-f, so random ciphertext shown as hex can never contain it by chance.
		const canary = 'CANARY-ZEBRA-QUOKKA';
		const r = await intake.submit(
			ctx.db,
			rawReport({
				text: `${canary} text`,
				subject_name: `${canary} name`,
				address: `${canary} street`,
				contact_wanted: 'yes',
				contact: `${canary}@example.test`,
				consent: '3'
			}),
			[await jpegWithGps()],
			{ ...opts, client: '203.0.113.77' }
		);
		expect(r.ok).toBe(true);
		if (!r.ok) return;
		await reports.addMessage(ctx.db, r.reportId, {
			author: 'reporter',
			text: `${canary} reply`,
			language: 'pl'
		});
		expect((await reports.read(ctx.db, r.reportId))?.content.contact).toBe(
			`${canary}@example.test`
		);
		const dumps = [await rowsAsText(ctx.db)];
		if (ctx.kind === 'postgres') dumps.push(pgDump(ctx.url!));
		for (const dump of dumps) {
			expect(dump).toContain('report');
			expect(dump).not.toContain('CANARY');
			expect(dump).not.toContain(r.receipt);
			expect(dump).not.toContain('203.0.113.77');
		}
	});
});

onBothDatabases('follow-up sessions', (ctx) => {
	it('open with the receipt, last 15 to 30 minutes idle, and end on leave', async () => {
		const r = await intake.submit(ctx.db, rawReport(), [], {
			...opts,
			client: client()
		});
		if (!r.ok) throw new Error('setup');
		const t0 = new Date('2026-05-01T10:00:00Z');
		const opened = await followup.open(ctx.db, {
			receipt: receipts.format(r.receipt),
			client: client(),
			now: t0
		});
		expect(opened.ok).toBe(true);
		if (!opened.ok) return;
		const at = (min: number) => new Date(t0.getTime() + min * 60_000);
		expect(await followup.validate(ctx.db, opened.token, at(14))).toBe(r.reportId);
		expect(await followup.validate(ctx.db, opened.token, at(28))).toBe(r.reportId);
		expect(await followup.validate(ctx.db, opened.token, at(44))).toBe(r.reportId);
		// Last seen in the 10:30 quarter: 17 minutes idle at 11:01 is past its end (11:00).
		expect(await followup.validate(ctx.db, opened.token, at(61))).toBeNull();

		const again = await followup.open(ctx.db, {
			receipt: r.receipt,
			client: client()
		});
		if (!again.ok) throw new Error('open');
		await followup.leave(ctx.db, again.token);
		expect(await followup.validate(ctx.db, again.token)).toBeNull();
	});

	it('store when a reporter was active only to the hour and the quarter hour, 2 hours at most', async () => {
		const r = await intake.submit(ctx.db, rawReport(), [], { ...opts, client: client() });
		if (!r.ok) throw new Error('setup');
		const t0 = new Date('2026-05-01T10:37:12.345Z');
		const opened = await followup.open(ctx.db, {
			receipt: receipts.format(r.receipt),
			client: client(),
			now: t0
		});
		if (!opened.ok) throw new Error('open');
		const row = () =>
			ctx.db
				.selectFrom('followup_session')
				.select(['created_at', 'last_seen_at'])
				.where('report_id', '=', r.reportId)
				.executeTakeFirstOrThrow();
		expect(await row()).toEqual({
			created_at: new Date('2026-05-01T10:00:00Z'),
			last_seen_at: new Date('2026-05-01T10:30:00Z')
		});
		const at = (iso: string) => new Date(`2026-05-01T${iso}Z`);
		expect(await followup.validate(ctx.db, opened.token, at('10:52:01.999'))).toBe(r.reportId);
		expect((await row()).last_seen_at).toEqual(at('10:45:00'));
		for (const t of ['11:10:00', '11:25:00', '11:40:00', '11:55:00'])
			expect(await followup.validate(ctx.db, opened.token, at(t))).toBe(r.reportId);
		// Active all along, but two hours after the hour it opened in the session ends.
		expect(await followup.validate(ctx.db, opened.token, at('12:00:00'))).toBeNull();
	});

	it('tell a throttled client to wait, never "wrong number", and letters as a format error', async () => {
		expect(
			await followup.open(ctx.db, {
				receipt: '1234 5678 9012 345a',
				client: client()
			})
		).toEqual({ ok: false, error: 'format' });
		expect(
			await followup.open(ctx.db, {
				receipt: '0000 0000 0000 0000',
				client: client()
			})
		).toEqual({ ok: false, error: 'failed' });
		const r = await intake.submit(ctx.db, rawReport(), [], {
			...opts,
			client: client()
		});
		if (!r.ok) throw new Error('setup');
		// One attacker's /64: every address in it counts against the same window.
		const attacker = (i: number) => `2001:db8:${ctx.kind === 'pglite' ? 1 : 2}:7::${i + 1}`;
		for (let i = 0; i < 10; i++)
			await followup.open(ctx.db, {
				receipt: `1111 2222 3333 ${String(i).padStart(4, '0')}`,
				client: attacker(i)
			});
		const refused = await followup.open(ctx.db, {
			receipt: r.receipt,
			client: attacker(99)
		});
		expect(refused).toMatchObject({ ok: false, error: 'busy' });
		if (refused.ok || refused.error !== 'busy') return;
		expect(refused.retryAfterSeconds).toBeGreaterThan(14 * 60);
		expect(refused.retryAfterSeconds).toBeLessThanOrEqual(15 * 60);
		expect((await followup.open(ctx.db, { receipt: r.receipt, client: client() })).ok).toBe(true);
	});

	it('open the right receipt from a fresh client after 1 000 wrong tries from many addresses', async () => {
		const r = await intake.submit(ctx.db, rawReport(), [], {
			...opts,
			client: client()
		});
		if (!r.ok) throw new Error('setup');
		const answers = [];
		for (let i = 0; i < 1000; i++) {
			const receipt = `9999 8888 ${String(i).padStart(4, '0')} 0000`;
			const from = `192.0.2.${i % 100}`;
			answers.push((await followup.open(ctx.db, { receipt, client: from })).ok);
		}
		expect(answers.some(Boolean)).toBe(false);
		const fresh = ctx.kind === 'pglite' ? '2001:db8:aaaa:1::1' : '2001:db8:aaaa:2::1';
		expect(await followup.open(ctx.db, { receipt: r.receipt, client: fresh })).toMatchObject({
			ok: true,
			reportId: r.reportId
		});
	});

	it('show the reporter their messages and replies in one thread', async () => {
		const r = await intake.submit(ctx.db, rawReport(), [], {
			...opts,
			client: client()
		});
		if (!r.ok) throw new Error('setup');
		await reports.addMessage(ctx.db, r.reportId, {
			author: 'staff',
			template: 'acknowledged'
		});
		const cleaned = await photos.clean(await jpegWithGps());
		if (!cleaned.ok) throw new Error('photo');
		await reports.addMessage(
			ctx.db,
			r.reportId,
			{ author: 'reporter', text: 'Dziękuję', language: 'pl' },
			[cleaned.photo]
		);
		const thread = await reports.messages(ctx.db, r.reportId);
		expect(thread.map((m) => [m.author, m.template, m.text])).toEqual([
			['staff', 'acknowledged', null],
			['reporter', null, 'Dziękuję']
		]);
		expect((await reports.read(ctx.db, r.reportId))?.photoCount).toBe(1);
	});

	it('take a reporter’s reply under the report’s own text and photo limits', async () => {
		const r = await intake.submit(ctx.db, rawReport(), [], {
			...opts,
			client: client()
		});
		if (!r.ok) throw new Error('setup');
		const reply = (text: string, files: Uint8Array[] = []) =>
			intake.reply(ctx.db, r.reportId, { text, files, locale: 'pl' });
		const longest = 'ż'.repeat(reportInput.MAX_TEXT);
		expect(await reply(longest + 'ż')).toEqual({
			ok: false,
			refusal: 'too_large',
			error: 'text_too_long'
		});
		expect(await reply(' \u200B ')).toEqual({
			ok: false,
			refusal: 'invalid',
			error: 'reply_empty'
		});
		const photo = await jpegWithGps();
		expect(await reply('', Array(photos.MAX_PHOTOS + 1).fill(photo))).toEqual({
			ok: false,
			refusal: 'invalid',
			error: 'photo_count'
		});
		expect(await reply('', [Buffer.from('<html></html>')])).toEqual({
			ok: false,
			refusal: 'unsupported_type',
			error: 'photo_type'
		});
		expect(await reports.messages(ctx.db, r.reportId)).toEqual([]);
		expect(await reply(longest, [photo])).toEqual({ ok: true });
		const thread = await reports.messages(ctx.db, r.reportId);
		expect(thread.map((m) => [m.author, m.text?.length, m.language])).toEqual([
			['reporter', reportInput.MAX_TEXT, 'pl']
		]);
		expect((await reports.read(ctx.db, r.reportId))?.photoCount).toBe(1);
	});
});

onBothDatabases('report intake properties', (ctx) => {
	it('stores every column of the row it built, in its own column, report after report', async () => {
		// Intake compiles its statement once and puts each report's values in place: a value in
		// the wrong place, or the first report's value left behind, shows here.
		const gemeenten = ['tiel', 'buren'];
		for (const [raw, channel] of [
			[
				rawReport({ gemeente: 'unknown', situations: ['threatened', 'id_withheld'], consent: '1' }),
				'api'
			],
			[rawReport({ contact_wanted: 'yes', contact: 'a@example.test', consent: '3' }), 'web']
		] as const) {
			const parsed = reportInput.parse(raw, gemeenten);
			if (!parsed.ok) throw new Error(JSON.stringify(parsed.errors));
			const options = { ...opts, channel, now: new Date() };
			const r = await reports.create(ctx.db, parsed.value, [], options);
			const stored = await ctx.db
				.selectFrom('report')
				.selectAll()
				.where('id', '=', r.reportId)
				.executeTakeFirstOrThrow();
			// The same input builds the same row but for its id and its fresh data key.
			const { row } = await reports.newRow(ctx.db, parsed.value, 0, options);
			const fresh = new Set(['id', 'data_key', 'content']);
			for (const [column, value] of Object.entries(row)) {
				if (fresh.has(column)) continue;
				const got = (stored as Record<string, unknown>)[column];
				expect(got instanceof Uint8Array ? Buffer.from(got) : got, column).toEqual(value);
			}
			const key = crypto.unwrapDataKey(stored.data_key, r.reportId);
			expect(
				JSON.parse(crypto.open(key, stored.content, `report:${r.reportId}`).toString())
			).toMatchObject({ contact: parsed.value.contact, text: parsed.value.text });
			const events = await ctx.db
				.selectFrom('report_event')
				.select(['kind', 'at'])
				.where('report_id', '=', r.reportId)
				.execute();
			expect(events).toEqual([{ kind: 'created', at: stored.created_at }]);
		}
	});

	it('round-trips any valid report: what is stored reads back as the cleaned input', async () => {
		const valid = fc.constantFrom(...GROUPS).chain((group) =>
			fc.record({
				group: fc.constant(group),
				situations: fc.subarray(
					situationsOf(group).map((s) => s.code),
					{ minLength: 1 }
				),
				gemeente: fc.constantFrom('tiel', 'buren', 'unknown'),
				text: fc.string({ unit: 'grapheme', minLength: 1, maxLength: 400 }),
				subject_name: fc.string({ unit: 'grapheme', maxLength: 100 }),
				consent: fc.constantFrom('1', '2', '3')
			})
		);
		await fc.assert(
			fc.asyncProperty(valid, async (generated) => {
				// A fresh key per run: shrinking repeats inputs, and a repeated key is (rightly) the
				// same report or none.
				const raw = {
					...generated,
					submission_key: randomBytes(32).toString('base64url')
				};
				const r = await intake.submit(ctx.db, raw, [], {
					...opts,
					client: client()
				});
				if (!r.ok) {
					// Only an empty text after cleaning may be refused (it is required with no text).
					expect(clean(raw.text) === '' && raw.group === 'other').toBe(true);
					return;
				}
				const stored = await reports.read(ctx.db, r.reportId);
				expect(stored?.content.text).toBe(clean(raw.text));
				expect(stored?.content.subjectName).toBe(cleanLine(raw.subject_name));
				expect(stored?.situations).toEqual([...new Set(raw.situations)]);
				expect(stored?.consent).toBe(Number(raw.consent));
				expect(stored?.gemeenteId).toBe(raw.gemeente === 'unknown' ? null : raw.gemeente);
			}),
			{ numRuns: 30 }
		);
	});
});

onBothDatabases('master key rotation', (ctx) => {
	it('binds each data key to its report; keys wrapped before that open, and rotation binds them', async () => {
		const submit = async (text: string) => {
			const r = await intake.submit(ctx.db, rawReport({ text }), [], { ...opts, client: client() });
			if (!r.ok) throw new Error('setup');
			return r.reportId;
		};
		const [a, b] = [await submit('binding canary A'), await submit('binding canary B')];
		const keyOf = async (id: string) =>
			(
				await ctx.db
					.selectFrom('report')
					.select('data_key')
					.where('id', '=', id)
					.executeTakeFirstOrThrow()
			).data_key;
		const setKey = (id: string, wrapped: Uint8Array) =>
			ctx.db
				.updateTable('report')
				.set({ data_key: Buffer.from(wrapped) })
				.where('id', '=', id)
				.execute();
		// Someone with write access copies A's wrapped key onto B: B no longer opens with it.
		const bKey = await keyOf(b);
		await setKey(b, await keyOf(a));
		await expect(reports.read(ctx.db, b)).rejects.toThrow();
		await setKey(b, bKey);
		// A key wrapped the earlier way ('dek' alone) still opens, and rotation binds it.
		const plain = crypto.unwrapDataKey(await keyOf(a), a);
		await setKey(a, crypto.sealWithMaster(plain, 'dek'));
		expect((await reports.read(ctx.db, a))?.content.text).toBe('binding canary A');
		expect(crypto.isCurrentDataKey(await keyOf(a), a)).toBe(false);
		expect((await rotation.rewrapAll(ctx.db)).reports).toBeGreaterThanOrEqual(1);
		expect(crypto.isCurrentDataKey(await keyOf(a), a)).toBe(true);
		expect((await reports.read(ctx.db, a))?.content.text).toBe('binding canary A');
		expect((await reports.read(ctx.db, b))?.content.text).toBe('binding canary B');
	});

	it('rewraps every data key and TOTP key so content opens with the new key alone', async () => {
		const r = await intake.submit(ctx.db, rawReport({ text: 'rotation canary' }), [], {
			...opts,
			client: client()
		});
		if (!r.ok) throw new Error('setup');
		const user = await staffUser(ctx.db);
		const old = secrets.get();
		const next = {
			...old,
			masterKey: new Uint8Array(randomBytes(32)),
			previousMasterKey: old.masterKey
		};
		expect(await rotation.rewrapAll(ctx.db, next)).toMatchObject({
			reports: expect.any(Number),
			users: expect.any(Number)
		});
		const onlyNew = { ...next, previousMasterKey: null };
		const row = await ctx.db
			.selectFrom('report')
			.select(['data_key', 'content'])
			.where('id', '=', r.reportId)
			.executeTakeFirstOrThrow();
		const key = crypto.unwrapDataKey(row.data_key, r.reportId, onlyNew);
		expect(crypto.open(key, row.content, `report:${r.reportId}`).toString()).toContain(
			'rotation canary'
		);
		const u = await ctx.db
			.selectFrom('staff_user')
			.select('totp_key')
			.where('id', '=', user.id)
			.executeTakeFirstOrThrow();
		expect(
			Buffer.from(crypto.openWithMaster(u.totp_key!, `totp:${user.id}`, onlyNew)).equals(
				Buffer.from(user.totpKey)
			)
		).toBe(true);
		// Running it again has nothing left to do.
		expect(await rotation.rewrapAll(ctx.db, next)).toEqual({
			reports: 0,
			users: 0
		});
	});
});

onBothDatabases('reporter times to the hour', (ctx) => {
	it('stores every reporter-originated time to the hour and orders the thread by sequence', async () => {
		const sent = new Date('2026-12-05T10:37:12.345Z');
		const hour = new Date('2026-12-05T10:00:00.000Z');
		const cleaned = await photos.clean(await jpegWithGps());
		if (!cleaned.ok) throw new Error('photo');
		const r = await intake.submit(ctx.db, rawReport(), [await jpegWithGps()], {
			...opts,
			client: client(),
			now: sent
		});
		if (!r.ok) throw new Error('setup');
		await reports.addMessage(
			ctx.db,
			r.reportId,
			{ author: 'staff', template: 'acknowledged' },
			[],
			new Date('2026-12-05T10:40:00.500Z')
		);
		await reports.addMessage(
			ctx.db,
			r.reportId,
			{ author: 'reporter', text: 'Thank you', language: 'pl' },
			[cleaned.photo],
			new Date('2026-12-05T10:45:31.999Z')
		);

		const row = await ctx.db
			.selectFrom('report')
			.select(['created_at', 'updated_at', 'ack_due_at'])
			.where('id', '=', r.reportId)
			.executeTakeFirstOrThrow();
		expect(new Date(row.created_at)).toEqual(hour);
		// Service levels run from the stored hour: 7 days to acknowledge (normal priority).
		expect(new Date(row.ack_due_at!).getTime() - hour.getTime()).toBe(7 * 24 * 3600_000);
		// The staff reply's exact time stays; the reporter's later hour never moves it back.
		expect(new Date(row.updated_at)).toEqual(new Date('2026-12-05T10:40:00.500Z'));

		const thread = await reports.messages(ctx.db, r.reportId);
		expect(thread.map((m) => [m.author, m.createdAt.toISOString()])).toEqual([
			['staff', '2026-12-05T10:40:00.500Z'],
			['reporter', hour.toISOString()]
		]);
		const pictures = await reports.photos(ctx.db, r.reportId);
		expect(pictures.map((p) => [p.origin, p.createdAt.toISOString()])).toEqual([
			['report', hour.toISOString()],
			['reporter', hour.toISOString()]
		]);
		const events = await reports.timeline(ctx.db, r.reportId);
		expect(events.map((e) => [e.kind, e.at.toISOString()])).toEqual([
			['created', hour.toISOString()]
		]);
	});
});
