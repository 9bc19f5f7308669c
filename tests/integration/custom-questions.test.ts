// Questions coordinators write: drafts until all 13 languages, offered next to the catalogue once
// complete, answered in the reporter's language and read in Dutch, retired without losing answers,
// and scoped to the coordinator's region.
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import * as custom from '../../src/lib/server/casework/custom-questions.ts';
import * as questions from '../../src/lib/server/casework/questions.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import { check, key } from '../../src/lib/casework/custom-questions.ts';
import { template } from '../../src/lib/report/texts.ts';
import { WORKER } from '../../src/lib/server/i18n/messages.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import { report, version } from '../factories/reports.ts';
import { actor } from '../factories/staff.ts';
import { otherRegion } from '../factories/regions.ts';
import { onBothDatabases } from './databases.ts';

const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];
const WORDS: Record<string, [string, string, string]> = {
	nl: ['Wie betaalt de huur?', 'Ikzelf', 'Het uitzendbureau'],
	pl: ['Kto płaci czynsz?', 'Ja sam', 'Agencja pracy']
};

function typed(written: readonly string[]) {
	return {
		type: 'choice',
		texts: Object.fromEntries(
			written.map((l) => {
				const [question, a, b] = WORDS[l] ?? [`Rent (${l})?`, `Me (${l})`, `Agency (${l})`];
				return [l, { question, options: `${a}\n${b}` }];
			})
		)
	};
}

function checked(written: readonly string[]) {
	const r = check(typed(written), LOCALES);
	if (!r.ok) throw new Error(`setup: ${r.error}`);
	return r;
}

function audited(db: Db, id: string) {
	return db
		.selectFrom('audit_log')
		.select('action')
		.where('object_id', '=', id)
		.orderBy('id')
		.execute();
}

onBothDatabases('questions coordinators add', (ctx) => {
	it('is a draft while a language is missing: kept, listed with what is missing, not offered', async () => {
		const coordinator = await actor(ctx.db, 'coordinator');
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const id = randomUUID();
		expect(await custom.create(ctx.db, coordinator, id, checked(['nl', 'en']))).toBe(true);
		const stored = await custom.read(ctx.db, 'rivierenland', id);
		expect(stored?.missing).toEqual(LOCALES.slice(2));
		expect((await custom.usable(ctx.db, 'rivierenland')).map((q) => q.id)).not.toContain(id);
		// A handler's hand-made post of the draft is refused; nothing is asked.
		const reportId = await report(ctx.db);
		const r = await questions.ask(ctx.db, handler, {
			id: reportId,
			version: await version(ctx.db, reportId),
			keys: [key(id)]
		});
		expect(r).toEqual({ ok: false, error: 'question_unknown' });
		expect(await questions.list(ctx.db, reportId)).toEqual([]);
	});

	it('once complete is asked, answered in Polish with the right option and read in Dutch', async () => {
		const coordinator = await actor(ctx.db, 'coordinator');
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const id = randomUUID();
		await custom.create(ctx.db, coordinator, id, checked(['nl']));
		expect(await custom.update(ctx.db, coordinator, id, checked(LOCALES))).toEqual({ ok: true });
		expect((await custom.usable(ctx.db, 'rivierenland')).map((q) => q.id)).toContain(id);

		const reportId = await report(ctx.db);
		const asked = await questions.ask(ctx.db, handler, {
			id: reportId,
			version: await version(ctx.db, reportId),
			keys: [key(id), 'sleepers']
		});
		expect(asked).toEqual({ ok: true });
		const open = await questions.openFor(ctx.db, reportId, 'pl');
		expect(open[0]).toMatchObject({
			type: 'choice',
			question: 'Kto płaci czynsz?',
			choices: [
				{ value: '1', label: 'Ja sam' },
				{ value: '2', label: 'Agencja pracy' }
			]
		});
		// A value the question does not offer is refused; nothing is stored.
		const [own, sleepers] = await questions.open(ctx.db, reportId);
		expect(await questions.answer(ctx.db, reportId, { [own.id]: '3' }, 'pl')).toMatchObject({
			ok: false,
			errors: { [own.id]: 'question_choice' }
		});
		expect(
			await questions.answer(ctx.db, reportId, { [own.id]: '2', [sleepers.id]: '4' }, 'pl')
		).toEqual({ ok: true, answered: 2 });

		const defs = await custom.byKeys(ctx.db, [key(id)]);
		const nl = { ...(WORKER.nl as Record<string, string>), ...custom.pack(defs.values(), 'nl') };
		const thread = (await reports.messagesIn(ctx.db, reportId, 'nl')).map((m) =>
			m.template ? template(nl, m.template, m.params, 'nl') : m.text
		);
		expect(thread).toContain('Wie betaalt de huur?');
		expect(thread).toContain('Wie betaalt de huur? Antwoord: Het uitzendbureau');
		expect(await audited(ctx.db, id)).toEqual([
			{ action: 'question.add' },
			{ action: 'question.edit' }
		]);
	});

	it('is stored once when the same form is sent twice', async () => {
		const coordinator = await actor(ctx.db, 'coordinator');
		const id = randomUUID();
		expect(await custom.create(ctx.db, coordinator, id, checked(LOCALES))).toBe(true);
		expect(await custom.create(ctx.db, coordinator, id, checked(LOCALES))).toBe(false);
		const rows = await ctx.db
			.selectFrom('custom_question')
			.select('id')
			.where('id', '=', id)
			.execute();
		expect(rows).toHaveLength(1);
		expect(await audited(ctx.db, id)).toEqual([{ action: 'question.add' }]);
		expect(
			await ctx.db
				.selectFrom('audit_log')
				.select(['actor_id', 'object_type', 'detail'])
				.where('object_id', '=', id)
				.executeTakeFirstOrThrow()
		).toEqual({
			actor_id: coordinator.id,
			object_type: 'custom_question',
			detail: { type: 'choice', missing: [] }
		});
	});

	it('when retired is no longer asked (a stale form is told), yet an open one is still answered and read', async () => {
		const coordinator = await actor(ctx.db, 'coordinator');
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const id = randomUUID();
		await custom.create(ctx.db, coordinator, id, checked(LOCALES));
		const reportId = await report(ctx.db);
		await questions.ask(ctx.db, handler, {
			id: reportId,
			version: await version(ctx.db, reportId),
			keys: [key(id)]
		});
		// Its shape is fixed once asked: stored answers are an option's place.
		const three = check(
			{
				type: 'choice',
				texts: Object.fromEntries(LOCALES.map((l) => [l, { question: 'Q', options: 'a\nb\nc' }]))
			},
			LOCALES
		);
		if (!three.ok) throw new Error('setup');
		expect(await custom.update(ctx.db, coordinator, id, three)).toEqual({
			ok: false,
			error: 'in_use'
		});

		expect(await custom.retire(ctx.db, coordinator, id)).toBe(true);
		expect(await custom.retire(ctx.db, coordinator, id)).toBe(false);
		expect((await custom.usable(ctx.db, 'rivierenland')).map((q) => q.id)).not.toContain(id);
		const other = await report(ctx.db);
		expect(
			await questions.ask(ctx.db, handler, {
				id: other,
				version: await version(ctx.db, other),
				keys: [key(id), 'passport']
			})
		).toEqual({ ok: false, error: 'question_retired' });
		expect(await questions.list(ctx.db, other)).toEqual([]);

		const [open] = await questions.open(ctx.db, reportId);
		expect(await questions.answer(ctx.db, reportId, { [open.id]: '1' }, 'pl')).toEqual({
			ok: true,
			answered: 1
		});
		const defs = await custom.byKeys(ctx.db, [key(id)]);
		const nl = { ...(WORKER.nl as Record<string, string>), ...custom.pack(defs.values(), 'nl') };
		const last = (await reports.messagesIn(ctx.db, reportId, 'nl')).at(-1)!;
		expect(template(nl, last.template!, last.params, 'nl')).toBe(
			'Wie betaalt de huur? Antwoord: Ikzelf'
		);
		expect(await custom.update(ctx.db, coordinator, id, checked(LOCALES))).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect((await audited(ctx.db, id)).map((a) => a.action)).toEqual([
			'question.add',
			'question.retire'
		]);
		const retired = await ctx.db
			.selectFrom('audit_log')
			.select(['object_type', 'detail'])
			.where('object_id', '=', id)
			.where('action', '=', 'question.retire')
			.executeTakeFirstOrThrow();
		expect(retired).toEqual({ object_type: 'custom_question', detail: {} });
	});

	it('belongs to its region: another region’s coordinator can neither read, edit, retire nor ask it', async () => {
		await otherRegion(ctx.db);
		const mine = await actor(ctx.db, 'coordinator');
		const theirs = await actor(ctx.db, 'coordinator', [], 'elsewhere');
		const id = randomUUID();
		await custom.create(ctx.db, mine, id, checked(LOCALES));
		expect(await custom.read(ctx.db, 'elsewhere', id)).toBeUndefined();
		expect((await custom.list(ctx.db, 'elsewhere')).map((q) => q.id)).not.toContain(id);
		expect(await custom.update(ctx.db, theirs, id, checked(['nl']))).toEqual({
			ok: false,
			error: 'not_found'
		});
		expect(await custom.retire(ctx.db, theirs, id)).toBe(false);
		expect((await custom.read(ctx.db, 'rivierenland', id))?.missing).toEqual([]);
		// The other region's own complete question is not one of this region's reports' questions.
		const foreign = randomUUID();
		await custom.create(ctx.db, theirs, foreign, checked(LOCALES));
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const reportId = await report(ctx.db);
		expect(
			await questions.ask(ctx.db, handler, {
				id: reportId,
				version: await version(ctx.db, reportId),
				keys: [key(foreign)]
			})
		).toEqual({ ok: false, error: 'question_unknown' });
		expect(await questions.list(ctx.db, reportId)).toEqual([]);
	});
});
