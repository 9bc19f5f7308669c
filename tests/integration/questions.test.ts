import { expect, it } from 'vitest';
import * as casework from '../../src/lib/server/casework/casework.ts';
import type { Actor } from '../../src/lib/server/casework/casework.ts';
import * as inbox from '../../src/lib/server/casework/inbox.ts';
import * as questions from '../../src/lib/server/casework/questions.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import { WORKER } from '../../src/lib/server/i18n/messages.ts';
import { template } from '../../src/lib/report/texts.ts';
import { report, version } from '../factories/reports.ts';
import { actor } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

async function ask(db: Db, a: Actor, id: string, keys: string[]) {
	const r = await questions.ask(db, a, { id, version: await version(db, id), keys });
	if (!r.ok) throw new Error(`setup: ${r.error}`);
	return questions.open(db, id);
}

async function unread(db: Db, a: Actor, id: string) {
	const page = await inbox.list(db, a, { sort: 'newest', unread: true }, new Date(), 500);
	return page.items.some((i) => i.id === id);
}

/** The thread as a staff member reads it in `locale`: each message's text. */
async function read(db: Db, id: string, locale: 'nl' | 'en') {
	const t = WORKER[locale] as Record<string, string>;
	return (await reports.messagesIn(db, id, locale)).map((msg) =>
		msg.template ? template(t, msg.template, msg.params, locale) : msg.text
	);
}

onBothDatabases('structured questions', (ctx) => {
	it('is asked by key, answered in Polish with typed values, and read in Dutch', async () => {
		const a = await actor(ctx.db);
		const id = await report(ctx.db);
		const asked = await ask(ctx.db, a, id, ['sleepers', 'still_living', 'when']);
		expect(asked.map((q) => q.key)).toEqual(['sleepers', 'still_living', 'when']);
		// Stored as a key, never as text: the reporter reads it in their own language.
		const stored = await reports.messages(ctx.db, id);
		expect(
			stored.filter((m) => m.template === 'question').map((m) => [m.text, m.params.key])
		).toEqual([
			[null, 'sleepers'],
			[null, 'still_living'],
			[null, 'when']
		]);
		expect(await read(ctx.db, id, 'nl')).toContain('Hoeveel mensen slapen er in je kamer?');

		await inbox.markRead(ctx.db, a.id, id, stored.at(-1)!.seq);
		expect(await unread(ctx.db, a, id)).toBe(false);

		const [sleepers, living, when] = asked.map((q) => q.id);
		const r = await questions.answer(
			ctx.db,
			id,
			{ [sleepers]: ' 7 ', [living]: 'moved', [when]: '2026-11-30' },
			'pl'
		);
		expect(r).toEqual({ ok: true, answered: 3 });
		expect(await questions.open(ctx.db, id)).toEqual([]);
		// Answers are the reporter's messages: the case is unread again.
		expect(await unread(ctx.db, a, id)).toBe(true);

		const nl = await read(ctx.db, id, 'nl');
		expect(nl).toContain('Hoeveel mensen slapen er in je kamer? Antwoord: 7');
		expect(nl).toContain('Woon je daar nog? Antwoord: Nee, ik ben verhuisd');
		expect(nl).toContain('Wanneer is dit gebeurd? Antwoord: 30 november 2026');
		const en = await read(ctx.db, id, 'en');
		expect(en).toContain('Do you still live there? Answer: No, I moved');
	});

	it('refuses a wrong type with its error, keeps nothing of the form, and takes the corrected one', async () => {
		const id = await report(ctx.db);
		const asked = await ask(ctx.db, await actor(ctx.db), id, [
			'sleepers',
			'passport',
			'when',
			'agency'
		]);
		const [sleepers, passport, when, agency] = asked.map((q) => q.id);
		const before = (await reports.messages(ctx.db, id)).length;

		const wrong = await questions.answer(
			ctx.db,
			id,
			{ [sleepers]: '51', [passport]: 'yes', [when]: '30-11-2026', [agency]: 'x'.repeat(121) },
			'pl'
		);
		expect(wrong).toEqual({
			ok: false,
			error: 'question_number',
			errors: { [sleepers]: 'question_number', [when]: 'question_date', [agency]: 'question_text' }
		});
		// The valid passport answer was not saved on its own.
		expect((await reports.messages(ctx.db, id)).length).toBe(before);
		expect(await questions.open(ctx.db, id)).toHaveLength(4);

		for (const bad of ['0', '2.5', 'seven', '-3'])
			expect(await questions.answer(ctx.db, id, { [sleepers]: bad }, 'pl')).toMatchObject({
				ok: false,
				error: 'question_number'
			});
		expect(await questions.answer(ctx.db, id, { [passport]: 'maybe' }, 'pl')).toMatchObject({
			error: 'question_choice'
		});
		expect(await questions.answer(ctx.db, id, { [when]: '2026-02-30' }, 'pl')).toMatchObject({
			error: 'question_date'
		});
		// Nothing filled in is not an answer.
		expect(await questions.answer(ctx.db, id, { [agency]: '  ' }, 'pl')).toMatchObject({
			error: 'question_none'
		});
		expect(
			await questions.answer(ctx.db, id, { [sleepers]: '50', [passport]: 'no' }, 'pl')
		).toEqual({ ok: true, answered: 2 });
		expect((await questions.open(ctx.db, id)).map((q) => q.key)).toEqual(['when', 'agency']);
	});

	it('stores an answer once: the same form posted twice, also at the same time', async () => {
		const id = await report(ctx.db);
		const [q1, q2] = (await ask(ctx.db, await actor(ctx.db), id, ['visit', 'agency'])).map(
			(q) => q.id
		);
		const form = { [q1]: 'yes' };
		const both = await Promise.all([
			questions.answer(ctx.db, id, form, 'pl'),
			questions.answer(ctx.db, id, form, 'pl')
		]);
		expect(both.filter((r) => r.ok)).toHaveLength(1);
		expect(both.find((r) => !r.ok)).toMatchObject({ error: 'question_answered' });
		const again = await questions.answer(ctx.db, id, { [q1]: 'no', [q2]: 'Otto' }, 'pl');
		expect(again).toMatchObject({ ok: false, errors: { [q1]: 'question_answered' } });
		const answers = (await reports.messages(ctx.db, id)).filter((m) => m.template === 'answer');
		expect(answers.map((m) => m.text)).toEqual(['yes']);
	});

	it('says a withdrawn question is withdrawn, and leaves it out of the open ones', async () => {
		const a = await actor(ctx.db);
		const id = await report(ctx.db);
		const [q1, q2] = (await ask(ctx.db, a, id, ['passport', 'visit'])).map((q) => q.id);
		expect(
			await questions.withdraw(ctx.db, a, { id, version: await version(ctx.db, id), question: q1 })
		).toEqual({ ok: true });
		expect((await questions.open(ctx.db, id)).map((q) => q.id)).toEqual([q2]);
		expect(await questions.answer(ctx.db, id, { [q1]: 'yes', [q2]: 'no' }, 'pl')).toMatchObject({
			ok: false,
			error: 'question_withdrawn'
		});
		// Withdrawn once; an answered question cannot be withdrawn.
		expect(
			await questions.withdraw(ctx.db, a, { id, version: await version(ctx.db, id), question: q1 })
		).toEqual({ ok: false, error: 'question_gone' });
		expect(await questions.answer(ctx.db, id, { [q1]: '', [q2]: 'no' }, 'pl')).toEqual({
			ok: true,
			answered: 1
		});
		expect(
			await questions.withdraw(ctx.db, a, { id, version: await version(ctx.db, id), question: q2 })
		).toEqual({ ok: false, error: 'question_gone' });
	});

	it('asks only catalogue questions, only on open reports, only by staff who may see the report', async () => {
		const a = await actor(ctx.db);
		const id = await report(ctx.db);
		const v = await version(ctx.db, id);
		expect(await questions.ask(ctx.db, a, { id, version: v, keys: [] })).toMatchObject({
			error: 'question_none'
		});
		expect(await questions.ask(ctx.db, a, { id, version: v, keys: ['salary'] })).toMatchObject({
			error: 'question_unknown'
		});
		const other = await actor(ctx.db, 'handler', ['culemborg']);
		expect(await questions.ask(ctx.db, other, { id, version: v, keys: ['visit'] })).toMatchObject({
			error: 'not_found'
		});
		await casework.transition(ctx.db, a, { id, version: v, to: 'closed', reason: 'resolved' });
		expect(
			await questions.ask(ctx.db, a, { id, version: await version(ctx.db, id), keys: ['visit'] })
		).toMatchObject({ error: 'question_closed' });
		expect(await questions.list(ctx.db, id)).toEqual([]);
	});
});
