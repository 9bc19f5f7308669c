// The staff pages of issue #19 as their load functions and actions answer: the case page offers a
// region's complete questions (never a draft) and proposes the Dutch day as referral date; the
// questions and standard-reply pages keep drafts and everything typed, and answer 404 outside
// the coordinator's region or role.
import { randomUUID } from 'node:crypto';
import { isHttpError, isActionFailure } from '@sveltejs/kit';
import { afterEach, expect, it, vi } from 'vitest';
import * as custom from '../../src/lib/server/casework/custom-questions.ts';
import { check, key } from '../../src/lib/casework/custom-questions.ts';
import * as casePage from '../../src/routes/staff/reports/[id=uuid]/+page.server.ts';
import * as questionsPage from '../../src/routes/staff/questions/+page.server.ts';
import * as templatesPage from '../../src/routes/staff/templates/+page.server.ts';
import { report } from '../factories/reports.ts';
import { actor } from '../factories/staff.ts';
import { otherRegion } from '../factories/regions.ts';
import { asAppDatabase, onBothDatabases } from './databases.ts';

const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];

// requireStaff reads the request event; each test sets who is signed in.
let current: unknown;
vi.mock('$app/server', () => ({ getRequestEvent: () => current }));

type Who = Awaited<ReturnType<typeof actor>>;
type Any = (event: never) => unknown;

function event(who: Who, path: string, params: Record<string, string> = {}, form?: FormData) {
	const url = new URL(path, 'http://localhost');
	const user = {
		...who,
		email: 'x@example.org',
		name: 'X',
		locale: 'nl',
		hasPassword: true,
		hasTotp: true,
		partnerId: null
	};
	const e = {
		url,
		params,
		locals: { user, session: { twoFactorVerified: true }, staffLocale: 'nl' },
		request: new Request(url, { method: form ? 'POST' : 'GET', body: form }),
		parent: async () => ({})
	};
	current = e;
	return e as never;
}

async function status(p: unknown): Promise<number> {
	try {
		await p;
	} catch (e) {
		if (isHttpError(e)) return e.status;
		throw e;
	}
	return 200;
}

function form(fields: Record<string, string>): FormData {
	const f = new FormData();
	for (const [k, v] of Object.entries(fields)) f.set(k, v);
	return f;
}

function texts(written: readonly string[]) {
	return Object.fromEntries(
		written.flatMap((l) => [
			[`question_${l}`, `Slaap je op een matras (${l})?`],
			[`options_${l}`, '']
		])
	);
}

onBothDatabases('the pages of own questions and drafts', (ctx) => {
	asAppDatabase(ctx);
	afterEach(() => {
		vi.useRealTimers();
	});

	it('proposes the Dutch day as referral date: at 23:30 UTC it is already tomorrow', async () => {
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const id = await report(ctx.db);
		vi.useFakeTimers({ toFake: ['Date'], now: new Date('2027-01-14T23:30:00Z') });
		const data = (await (casePage.load as Any)(event(handler, `/staff/reports/${id}`, { id }))) as {
			today: string;
		};
		expect(data.today).toBe('2027-01-15');
	});

	it('offers complete questions of the region next to the catalogue, in Dutch, and never a draft', async () => {
		const coordinator = await actor(ctx.db, 'coordinator');
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const complete = check(
			{
				type: 'yesno',
				texts: Object.fromEntries(
					LOCALES.map((l) => [l, { question: `Heb je een contract (${l})?`, options: '' }])
				)
			},
			LOCALES
		);
		if (!complete.ok) throw new Error('setup');
		const ready = randomUUID();
		const draft = randomUUID();
		await custom.create(ctx.db, coordinator, ready, complete);
		await custom.create(ctx.db, coordinator, draft, {
			...complete,
			texts: { nl: complete.texts.nl }
		});
		const id = await report(ctx.db);
		const data = (await (casePage.load as Any)(event(handler, `/staff/reports/${id}`, { id }))) as {
			catalogue: string[];
			labels: Record<string, string>;
		};
		expect(data.catalogue).toContain('sleepers');
		expect(data.catalogue).toContain(key(ready));
		expect(data.catalogue).not.toContain(key(draft));
		expect(data.labels[`followup_question_${key(ready)}`]).toBe('Heb je een contract (nl)?');
	});

	it('saves a question with languages missing as a draft and says which; a refusal keeps every word typed', async () => {
		const coordinator = await actor(ctx.db, 'coordinator');
		const fresh = randomUUID();
		const saved = await (questionsPage.actions.save as Any)(
			event(
				coordinator,
				'/staff/questions?/save',
				{},
				form({ type: 'yesno', fresh, ...texts(['nl', 'pl']) })
			)
		);
		expect(saved).toEqual({ saved: { missing: LOCALES.filter((l) => l !== 'nl' && l !== 'pl') } });
		expect((await custom.read(ctx.db, 'rivierenland', fresh))?.texts.pl?.question).toBe(
			'Slaap je op een matras (pl)?'
		);

		const refused = await (questionsPage.actions.save as Any)(
			event(
				coordinator,
				'/staff/questions?/save',
				{},
				form({ type: 'choice', fresh: randomUUID(), ...texts(['en', 'pl']) })
			)
		);
		expect(isActionFailure(refused)).toBe(true);
		const data = (refused as { status: number; data: { save: Record<string, unknown> } }).data.save;
		expect(data.error).toBe('dutch');
		expect((data.texts as Record<string, { question: string }>).pl.question).toBe(
			'Slaap je op een matras (pl)?'
		);
	});

	it('saves a standard reply with languages missing as a draft, keeps it off the case page, and keeps what was typed on a refusal', async () => {
		const coordinator = await actor(ctx.db, 'coordinator');
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const title = `Spreekuur ${randomUUID()}`;
		const fields = {
			title,
			fresh: randomUUID(),
			text_nl: 'Kom dinsdag langs.',
			text_pl: 'Przyjdź we wtorek.'
		};
		const saved = await (templatesPage.actions.save as Any)(
			event(coordinator, '/staff/templates?/save', {}, form(fields))
		);
		expect(saved).toEqual({ saved: { missing: LOCALES.filter((l) => l !== 'nl' && l !== 'pl') } });
		const id = await report(ctx.db);
		const data = (await (casePage.load as Any)(event(handler, `/staff/reports/${id}`, { id }))) as {
			customTemplates: { title: string }[];
		};
		expect(data.customTemplates.map((t) => t.title)).not.toContain(title);

		const refused = await (templatesPage.actions.save as Any)(
			event(
				coordinator,
				'/staff/templates?/save',
				{},
				form({ ...fields, fresh: randomUUID(), text_nl: '' })
			)
		);
		expect(isActionFailure(refused)).toBe(true);
		const back = (refused as { data: { save: { error: string; texts: Record<string, string> } } })
			.data.save;
		expect(back.error).toBe('dutch');
		expect(back.texts.pl).toBe('Przyjdź we wtorek.');
	});

	it('answers 404 to another region’s coordinator and to a handler', async () => {
		await otherRegion(ctx.db);
		const mine = await actor(ctx.db, 'coordinator');
		const theirs = await actor(ctx.db, 'coordinator', [], 'elsewhere');
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const id = randomUUID();
		await custom.create(ctx.db, mine, id, {
			type: 'date',
			texts: { nl: { question: 'Sinds wanneer?', options: [] } }
		});
		const path = `/staff/questions?edit=${id}`;
		expect(await status((questionsPage.load as Any)(event(mine, path)))).toBe(200);
		expect(await status((questionsPage.load as Any)(event(theirs, path)))).toBe(404);
		expect(await status((questionsPage.load as Any)(event(handler, '/staff/questions')))).toBe(404);
		const edit = form({ id, type: 'date', ...texts(['nl']) });
		expect(
			await status((questionsPage.actions.save as Any)(event(theirs, '/staff/questions', {}, edit)))
		).toBe(404);
		expect(
			await status(
				(questionsPage.actions.retire as Any)(event(theirs, '/staff/questions', {}, form({ id })))
			)
		).toBe(404);
		expect((await custom.read(ctx.db, 'rivierenland', id))?.retired).toBe(false);
		expect(
			await status(
				(templatesPage.load as Any)(event(theirs, `/staff/templates?edit=${randomUUID()}`))
			)
		).toBe(404);
	});
});
