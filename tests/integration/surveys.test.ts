import { sql } from 'kysely';
import { expect, it } from 'vitest';
import * as feedback from '../../src/lib/server/content/feedback.ts';
import * as moderation from '../../src/lib/server/platform/moderation.ts';
import * as responses from '../../src/lib/server/surveys/responses.ts';
import * as seed from '../../src/lib/server/app/seed/index.ts';
import * as results from '../../src/lib/server/surveys/results.ts';
import * as surveys from '../../src/lib/server/surveys/surveys.ts';
import * as tokens from '../../src/lib/server/platform/tokens.ts';
import { staffUser } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const key = () => tokens.random(20);

async function starter(db: Parameters<typeof surveys.list>[0]) {
	const s = (await surveys.list(db, 'rivierenland')).find((x) => x.series === 'starter');
	if (!s) throw new Error('starter survey missing');
	const qs = await surveys.questions(db, s.id);
	const q = (k: string) => qs.find((x) => x.key === k)!;
	return { s, q };
}

onBothDatabases('survey answering', (ctx) => {
	it('seeds one starter survey, open, complete in all 13 languages, however often seeding runs', async () => {
		await seed.run(ctx.db);
		const all = (await surveys.list(ctx.db, 'rivierenland')).filter((s) => s.series === 'starter');
		expect(all.length).toBe(1);
		expect(all[0].state).toBe('open');
		expect(all[0].locales.length).toBe(13);
		const qs = await surveys.questions(ctx.db, all[0].id);
		expect(qs.map((q) => q.key)).toContain('life');
		expect(surveys.missingLocales(all[0], qs)).toEqual([]);
	});

	it('stores chosen options with the language and the ISO week only, and nothing that identifies', async () => {
		const { s, q } = await starter(ctx.db);
		const r = await responses.submit(
			ctx.db,
			s,
			{
				submission_key: key(),
				[`a_${q('life').id}`]: '8',
				[`a_${q('housing').id}`]: ['own_bedroom', 'contact_known'],
				[`a_${q('stay').id}`]: 'mid',
				[`a_${q('gemeente').id}`]: 'tiel'
			},
			{ locale: 'pl', now: new Date('2026-11-26T15:00:00Z') }
		);
		expect(r).toEqual({ ok: true, created: true });
		const cols = await sql<{
			column_name: string;
		}>`select column_name from information_schema.columns
			where table_name = 'survey_response'`.execute(ctx.db);
		const names = cols.rows.map((c) => c.column_name).sort();
		expect(names).toEqual(
			['gemeente', 'id', 'locale', 'sector', 'stay', 'submission_hash', 'survey_id', 'week'].sort()
		);
		const row = await ctx.db
			.selectFrom('survey_response')
			.selectAll()
			.where('survey_id', '=', s.id)
			.executeTakeFirstOrThrow();
		// Thursday 26 November 2026 → the Monday of that ISO week.
		expect(row.week).toBe('2026-11-23');
		expect(row).toMatchObject({ locale: 'pl', gemeente: 'tiel', stay: 'mid' });
		const answers = await ctx.db
			.selectFrom('survey_answer')
			.select(['choice'])
			.where('response_id', '=', row.id)
			.execute();
		expect(answers.map((a) => a.choice).sort()).toEqual(
			['8', 'contact_known', 'mid', 'own_bedroom', 'tiel'].sort()
		);
	});

	it('stores a retried submission once', async () => {
		const { s, q } = await starter(ctx.db);
		const k = key();
		const raw = { submission_key: k, [`a_${q('life').id}`]: '3' };
		const before = await count(ctx.db, s.id);
		const [a, b] = await Promise.all([
			responses.submit(ctx.db, s, raw, { locale: 'ro' }),
			responses.submit(ctx.db, s, raw, { locale: 'ro' })
		]);
		expect([a.ok, b.ok]).toEqual([true, true]);
		expect(await count(ctx.db, s.id)).toBe(before + 1);
		expect(await responses.submit(ctx.db, s, raw, { locale: 'ro' })).toEqual({
			ok: true,
			created: false
		});
	});

	it('refuses unknown options, unknown questions and 10 000-character answers, storing nothing', async () => {
		const { s, q } = await starter(ctx.db);
		const before = await count(ctx.db, s.id);
		const bad = await responses.submit(
			ctx.db,
			s,
			{
				submission_key: key(),
				[`a_${q('health').id}`]: 'excellent',
				[`a_${q('needs_other').id}`]: 'x'.repeat(10_000)
			},
			{ locale: 'en' }
		);
		expect(bad).toEqual({
			ok: false,
			fields: {
				[`a_${q('health').id}`]: 'unknown_option',
				[`a_${q('needs_other').id}`]: 'too_long'
			}
		});
		const scale = await responses.submit(
			ctx.db,
			s,
			{ submission_key: key(), [`a_${q('life').id}`]: '11' },
			{ locale: 'en' }
		);
		expect(scale).toMatchObject({ ok: false, fields: { [`a_${q('life').id}`]: 'unknown_option' } });
		const unknown = await responses.submit(
			ctx.db,
			s,
			{ submission_key: key(), 'a_00000000-0000-4000-8000-000000000000': 'yes' },
			{ locale: 'en' }
		);
		expect(unknown).toMatchObject({ ok: false, form: 'unknown_question' });
		expect(await count(ctx.db, s.id)).toBe(before);
		expect(responses.echo({ a_x: 'kept', code: 'SECRET', submission_key: 'k' })).toEqual({
			a_x: ['kept']
		});
	});

	it('refuses answers to a closed survey or one past its closing date', async () => {
		const editor = await staffUser(ctx.db, { role: 'editor' });
		const actor = { id: editor.id, regionId: 'rivierenland' };
		const id = await surveys.create(ctx.db, actor, input({ closesOn: '2026-01-31' }));
		const s = (await surveys.read(ctx.db, 'rivierenland', id))!;
		await surveys.saveQuestion(ctx.db, actor, s, question('ok', 'yesno'));
		expect((await surveys.open(ctx.db, actor, s)).ok).toBe(true);
		const opened = (await surveys.read(ctx.db, 'rivierenland', id))!;
		const [qq] = await surveys.questions(ctx.db, id);
		const late = await responses.submit(
			ctx.db,
			opened,
			{ submission_key: key(), [`a_${qq.id}`]: 'yes' },
			{ locale: 'nl', now: new Date('2026-02-01T12:00:00Z') }
		);
		expect(late).toMatchObject({ ok: false, form: 'closed' });
		const inTime = await responses.submit(
			ctx.db,
			opened,
			{ submission_key: key(), [`a_${qq.id}`]: 'yes' },
			{ locale: 'nl', now: new Date('2026-01-15T12:00:00Z') }
		);
		expect(inTime.ok).toBe(true);
		await surveys.setState(ctx.db, actor, id, 'closed');
		const closed = (await surveys.read(ctx.db, 'rivierenland', id))!;
		expect(
			await responses.submit(
				ctx.db,
				closed,
				{ submission_key: key(), [`a_${qq.id}`]: 'yes' },
				{ locale: 'nl', now: new Date('2026-01-15T12:00:00Z') }
			)
		).toMatchObject({ ok: false, form: 'closed' });
	});

	it('cannot open until every target language has every text', async () => {
		const editor = await staffUser(ctx.db, { role: 'editor' });
		const actor = { id: editor.id, regionId: 'rivierenland' };
		const id = await surveys.create(ctx.db, actor, input({ locales: ['nl', 'pl'] }));
		const s = (await surveys.read(ctx.db, 'rivierenland', id))!;
		await surveys.saveQuestion(ctx.db, actor, s, {
			...question('q', 'yesno'),
			texts: { nl: 'Vraag' }
		});
		expect(await surveys.open(ctx.db, actor, s)).toEqual({
			ok: false,
			error: 'incomplete',
			missing: ['pl']
		});
		expect((await surveys.read(ctx.db, 'rivierenland', id))!.state).toBe('draft');
	});

	it('spends a one-time code once; the response keeps no link to it', async () => {
		const editor = await staffUser(ctx.db, { role: 'editor' });
		const actor = { id: editor.id, regionId: 'rivierenland' };
		const id = await surveys.create(ctx.db, actor, input({ requiresCode: true }));
		const s0 = (await surveys.read(ctx.db, 'rivierenland', id))!;
		await surveys.saveQuestion(ctx.db, actor, s0, question('ok', 'yesno'));
		await surveys.open(ctx.db, actor, s0);
		const s = (await surveys.read(ctx.db, 'rivierenland', id))!;
		const [qq] = await surveys.questions(ctx.db, id);
		const [code] = await surveys.issueCodes(ctx.db, actor, id, 3);
		const answer = { [`a_${qq.id}`]: 'no' };
		expect(
			await responses.submit(ctx.db, s, { ...answer, submission_key: key() }, { locale: 'nl' })
		).toMatchObject({ ok: false, form: 'code_missing' });
		expect(
			await responses.submit(
				ctx.db,
				s,
				{ ...answer, submission_key: key(), code: code.toLowerCase() },
				{ locale: 'nl' }
			)
		).toEqual({ ok: true, created: true });
		expect(
			await responses.submit(
				ctx.db,
				s,
				{ ...answer, submission_key: key(), code },
				{ locale: 'nl' }
			)
		).toMatchObject({ ok: false, form: 'code_used' });
		expect(await count(ctx.db, id)).toBe(1);
		// The spent code's row is gone; the unspent ones keep nothing but their hash.
		const left = await ctx.db
			.selectFrom('survey_code')
			.selectAll()
			.where('survey_id', '=', id)
			.execute();
		expect(left.map((r) => Object.keys(r).sort())).toEqual([
			['code_hash', 'spent', 'survey_id'],
			['code_hash', 'spent', 'survey_id']
		]);
		expect(left.every((r) => !r.spent)).toBe(true);
	});

	it('leaves no system column that joins a spent code to its answers (xmin)', async () => {
		const editor = await staffUser(ctx.db, { role: 'editor' });
		const actor = { id: editor.id, regionId: 'rivierenland' };
		const id = await surveys.create(ctx.db, actor, input({ requiresCode: true }));
		const s0 = (await surveys.read(ctx.db, 'rivierenland', id))!;
		await surveys.saveQuestion(ctx.db, actor, s0, question('ok', 'yesno'));
		await surveys.open(ctx.db, actor, s0);
		const s = (await surveys.read(ctx.db, 'rivierenland', id))!;
		const [qq] = await surveys.questions(ctx.db, id);
		const codes = await surveys.issueCodes(ctx.db, actor, id, 4);
		for (const code of codes.slice(0, 2))
			await responses.submit(
				ctx.db,
				s,
				{ [`a_${qq.id}`]: 'yes', submission_key: key(), code },
				{ locale: 'nl' }
			);
		const xmins = async (table: string) =>
			(
				await sql<{ x: string }>`select xmin::text as x from ${sql.table(table)}
					where survey_id = ${id}`.execute(ctx.db)
			).rows.map((r) => r.x);
		const codeXmins = await xmins('survey_code');
		expect(codeXmins).toHaveLength(2);
		for (const table of ['survey_response', 'survey_answer', 'survey_tally']) {
			const answerXmins = await xmins(table);
			expect(answerXmins.length, table).toBeGreaterThan(0);
			expect(
				answerXmins.filter((x) => codeXmins.includes(x)),
				table
			).toEqual([]);
		}
		// Nothing left says which codes were used, or when.
		expect(codeXmins.length + 2).toBe(codes.length);
	});

	it('keeps answers tied to the question version they answered after an edit', async () => {
		const editor = await staffUser(ctx.db, { role: 'editor' });
		const actor = { id: editor.id, regionId: 'rivierenland' };
		const id = await surveys.create(ctx.db, actor, input({}));
		const s0 = (await surveys.read(ctx.db, 'rivierenland', id))!;
		await surveys.saveQuestion(ctx.db, actor, s0, question('q', 'yesno'));
		await surveys.open(ctx.db, actor, s0);
		const s = (await surveys.read(ctx.db, 'rivierenland', id))!;
		const [v1] = await surveys.questions(ctx.db, id);
		// A form loaded before the edit...
		const oldForm = { submission_key: key(), [`a_${v1.id}`]: 'yes' };
		await surveys.saveQuestion(ctx.db, actor, s, {
			...question('q', 'yesno'),
			texts: Object.fromEntries(LOCALES.map((l) => [l, `Nieuwe vraag ${l}`]))
		});
		const [v2] = await surveys.questions(ctx.db, id);
		expect(v2.version).toBe(2);
		expect(v2.id).not.toBe(v1.id);
		// ...is still accepted, and its answer stays with version 1.
		expect(await responses.submit(ctx.db, s, oldForm, { locale: 'nl' })).toEqual({
			ok: true,
			created: true
		});
		expect(
			await responses.submit(
				ctx.db,
				s,
				{ submission_key: key(), [`a_${v2.id}`]: 'no' },
				{ locale: 'nl' }
			)
		).toEqual({ ok: true, created: true });
		const rows = await ctx.db
			.selectFrom('survey_answer')
			.select(['question_id', 'choice'])
			.where('survey_id', '=', id)
			.execute();
		expect(rows).toEqual(
			expect.arrayContaining([
				{ question_id: v1.id, choice: 'yes' },
				{ question_id: v2.id, choice: 'no' }
			])
		);
		const all = await surveys.questions(ctx.db, id, { all: true });
		expect(all.map((q) => [q.version, q.retired_at === null])).toEqual([
			[1, false],
			[2, true]
		]);
	});

	it('ignores an answer to a show-if question whose condition was not met', async () => {
		const { s, q } = await starter(ctx.db);
		const answers = async (question: string) =>
			Number(
				(
					await ctx.db
						.selectFrom('survey_answer')
						.select(sql<string>`count(*)`.as('n'))
						.where('question_id', '=', q(question).id)
						.executeTakeFirstOrThrow()
				).n
			);
		const before = {
			registration: await answers('registration'),
			help: await answers('registration_help')
		};
		// The submission itself must succeed, or "no answer stored" would prove nothing.
		expect(
			await responses.submit(
				ctx.db,
				s,
				{
					submission_key: key(),
					[`a_${q('registration').id}`]: 'brp',
					[`a_${q('registration_help').id}`]: 'yes'
				},
				{ locale: 'en' }
			)
		).toEqual({ ok: true, created: true });
		expect(await answers('registration')).toBe(before.registration + 1);
		expect(await answers('registration_help')).toBe(before.help);
	});

	it('sends open answers to moderation with flags, and shows nothing to the panel before approval', async () => {
		const { s, q } = await starter(ctx.db);
		await responses.submit(
			ctx.db,
			s,
			{
				submission_key: key(),
				[`a_${q('needs_other').id}`]: 'De baas Jan Kowalski belt 06-12345678'
			},
			{ locale: 'nl' }
		);
		const queue = await moderation.queue(ctx.db, 'rivierenland');
		const item = queue.answers.find((a) => a.body.includes('Kowalski'))!;
		expect(item.flags).toEqual(expect.arrayContaining(['phone', 'name']));
		const editor = await staffUser(ctx.db, { role: 'editor' });
		expect(
			await moderation.decide(
				ctx.db,
				{ id: editor.id, regionId: 'other' },
				{ kind: 'survey_text', id: item.id, state: 'approved', body: 'x' }
			)
		).toBe('not_found');
		expect(
			await moderation.decide(
				ctx.db,
				{ id: editor.id, regionId: 'rivierenland' },
				{
					kind: 'survey_text',
					id: item.id,
					state: 'approved',
					body: 'De baas [naam] belt [telefoon]'
				}
			)
		).toBe('ok');
		const stored = await ctx.db
			.selectFrom('survey_text')
			.selectAll()
			.where('id', '=', item.id)
			.executeTakeFirstOrThrow();
		expect(stored).toMatchObject({ state: 'approved', body: 'De baas [naam] belt [telefoon]' });
	});

	it('names gemeenten and options in the gemeente breakdown, on the page and in the CSV', async () => {
		await seed.run(ctx.db);
		const { s, q } = await starter(ctx.db);
		for (let i = 0; i < 12; i++)
			expect(
				await responses.submit(
					ctx.db,
					s,
					{
						submission_key: key(),
						[`a_${q('housing').id}`]: i % 2 ? ['own_bedroom'] : ['own_bedroom', 'contact_known'],
						[`a_${q('gemeente').id}`]: 'tiel'
					},
					{ locale: 'pl' }
				)
			).toMatchObject({ ok: true });
		const view = await results.compute(ctx.db, s, 'gemeente', 5);
		if (view.tooFew) throw new Error('enough responses');
		const housing = view.questions.find((x) => x.key === 'housing')!;
		expect(housing.cols).toContain('tiel');
		expect(view.groupNames.tiel).toBe('Tiel');
		const ownBedroom = q('housing').options.find((o) => o.key === 'own_bedroom')!.texts.nl;
		const csv = results.toCsv(view);
		// An earlier test's answer may be there too: 12 or more, shown by name.
		expect(csv).toMatch(new RegExp(`,${ownBedroom},Tiel,1[2-9]\r\n`));
		expect(csv).not.toMatch(/,own_bedroom,|,tiel,/);
	});

	it('shows nothing below k responses and "<k" for small cells above it', async () => {
		const editor = await staffUser(ctx.db, { role: 'editor' });
		const actor = { id: editor.id, regionId: 'rivierenland' };
		const id = await surveys.create(ctx.db, actor, input({}));
		const s0 = (await surveys.read(ctx.db, 'rivierenland', id))!;
		await surveys.saveQuestion(ctx.db, actor, s0, question('q', 'yesno'));
		await surveys.open(ctx.db, actor, s0);
		const s = (await surveys.read(ctx.db, 'rivierenland', id))!;
		const [qq] = await surveys.questions(ctx.db, id);
		const answer = (c: string) =>
			responses.submit(ctx.db, s, { submission_key: key(), [`a_${qq.id}`]: c }, { locale: 'nl' });
		for (let i = 0; i < 4; i++) await answer('yes');
		expect(await results.compute(ctx.db, s, 'none', 5)).toEqual({ tooFew: true, k: 5 });
		for (let i = 0; i < 8; i++) await answer('yes');
		await answer('no');
		// The running tallies agree with the answers they count, concurrent responses included.
		await Promise.all(Array.from({ length: 6 }, () => answer('dont_know')));
		const tallied = await ctx.db
			.selectFrom('survey_tally')
			.select(sql<string>`sum(n)`.as('n'))
			.where('survey_id', '=', id)
			.executeTakeFirstOrThrow();
		const answered = await ctx.db
			.selectFrom('survey_answer')
			.select(sql<string>`count(*)`.as('n'))
			.where('survey_id', '=', id)
			.executeTakeFirstOrThrow();
		expect(Number(tallied.n)).toBe(19);
		expect(Number(answered.n)).toBe(19);
		const view = await results.compute(ctx.db, s, 'none', 5);
		if (view.tooFew) throw new Error('enough responses');
		const qv = view.questions[0];
		expect(qv.rows).toEqual(['yes', 'no', 'dont_know']);
		// One "no" is small; the six "don't know" are hidden too, or 19 − 12 would give it away.
		expect(qv.cells.map((r) => r[0])).toEqual(['12', '<5', '×']);
		expect(qv.total).toBe('19');
		const csv = results.toCsv(view);
		expect(csv).toContain('<5');
		expect(csv).toMatch(/\r\n$/);
		expect(csv).not.toMatch(/,1\r?$/m);
		// Broken down, the options hidden overall stay together: "7" is 19 − 12, known already.
		const byLocale = await results.compute(ctx.db, s, 'locale', 5);
		if (byLocale.tooFew) throw new Error('enough responses');
		expect(byLocale.questions[0]).toMatchObject({
			rows: ['yes', '*'],
			cols: ['nl'],
			cells: [['12'], ['7']]
		});
		expect(results.toCsv(byLocale)).toMatch(/^Vraag nl,1,other,nl,7\r$/m);
		// The gemeente breakdown names gemeenten, on the page and in the file.
		const byGemeente = await results.compute(ctx.db, s, 'gemeente', 5);
		if (byGemeente.tooFew) throw new Error('enough responses');
		expect(byGemeente.groupNames).toMatchObject({ tiel: 'Tiel' });
	});

	it('shows the panel open answers only once approved and only from k responses on', async () => {
		const editor = await staffUser(ctx.db, { role: 'editor' });
		const actor = { id: editor.id, regionId: 'rivierenland' };
		const id = await surveys.create(ctx.db, actor, input({}));
		const s0 = (await surveys.read(ctx.db, 'rivierenland', id))!;
		await surveys.saveQuestion(ctx.db, actor, s0, question('say', 'text'));
		await surveys.open(ctx.db, actor, s0);
		const s = (await surveys.read(ctx.db, 'rivierenland', id))!;
		const [qq] = await surveys.questions(ctx.db, id);
		const say = async (body: string) =>
			expect(
				await responses.submit(
					ctx.db,
					s,
					{ submission_key: key(), [`a_${qq.id}`]: body },
					{ locale: 'nl' }
				)
			).toEqual({ ok: true, created: true });
		const decide = async (body: string, state: 'approved' | 'rejected') => {
			const item = (await moderation.queue(ctx.db, 'rivierenland')).answers.find(
				(a) => a.body === body
			)!;
			expect(
				await moderation.decide(
					ctx.db,
					{ id: editor.id, regionId: 'rivierenland' },
					{ kind: 'survey_text', id: item.id, state, body }
				)
			).toBe('ok');
		};
		for (let i = 1; i <= 4; i++) await say(`Antwoord ${i}`);
		await decide('Antwoord 1', 'approved');
		await decide('Antwoord 2', 'rejected');
		const few = await results.read(ctx.db, s, 'none', 5);
		expect(few).toMatchObject({ view: { tooFew: true }, texts: [], textQuestions: [] });
		await say('Antwoord 5');
		const enough = await results.read(ctx.db, s, 'none', 5);
		expect(enough.view.tooFew).toBe(false);
		expect(enough.texts).toEqual([{ question_id: qq.id, body: 'Antwoord 1', locale: 'nl' }]);
		expect(enough.textQuestions).toEqual([{ id: qq.id, key: 'say', text: 'Vraag nl' }]);
	});
});

onBothDatabases('page feedback', (ctx) => {
	it('counts yes and no per page, keeps a retry once, and never accepts report pages', async () => {
		const k = key();
		const input = { page: '/pl/more', helpful: 'yes', comment: '', locale: 'pl', submissionKey: k };
		expect(await feedback.submit(ctx.db, 'rivierenland', input)).toEqual({ ok: true });
		expect(await feedback.submit(ctx.db, 'rivierenland', input)).toEqual({ ok: true });
		await feedback.submit(ctx.db, 'rivierenland', {
			...input,
			helpful: 'no',
			submissionKey: key()
		});
		expect(
			await feedback.submit(ctx.db, 'rivierenland', {
				...input,
				page: '/pl/report',
				submissionKey: key()
			})
		).toEqual({ ok: false, error: 'empty' });
		expect(
			await feedback.submit(ctx.db, 'rivierenland', {
				...input,
				comment: 'x'.repeat(10_000),
				submissionKey: key()
			})
		).toEqual({ ok: false, error: 'too_long' });
		const inbox = await feedback.inbox(ctx.db, 'rivierenland');
		expect(inbox.pages).toEqual([{ page: '/more', yes: 1, no: 1 }]);
	});
});

const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];

function input(over: Partial<surveys.SurveyInput>): surveys.SurveyInput {
	return {
		title: 'Test',
		series: `t${Math.random().toString(36).slice(2, 8)}`,
		titles: Object.fromEntries(LOCALES.map((l) => [l, `Titel ${l}`])),
		locales: LOCALES,
		gemeenten: [],
		opensOn: null,
		closesOn: null,
		requiresCode: false,
		...over
	};
}

function question(k: string, kind: 'yesno' | 'scale' | 'text'): surveys.QuestionInput {
	return {
		key: k,
		kind,
		texts: Object.fromEntries(LOCALES.map((l) => [l, `Vraag ${l}`])),
		options: [],
		showIf: null,
		background: null
	};
}

async function count(db: Parameters<typeof surveys.list>[0], surveyId: string): Promise<number> {
	const r = await db
		.selectFrom('survey_response')
		.select(sql<string>`count(*)`.as('n'))
		.where('survey_id', '=', surveyId)
		.executeTakeFirstOrThrow();
	return Number(r.n);
}
