import { expect, it } from 'vitest';
import * as facts from '../../src/lib/server/content/facts.ts';
import * as guides from '../../src/lib/server/content/guides.ts';
import * as seed from '../../src/lib/server/app/seed/index.ts';
import * as welcome from '../../src/lib/server/content/welcome.ts';
import { actor, staffUser } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];

const editor = (ctx: { db: Parameters<typeof actor>[0] }, gemeenten: string[]) =>
	actor(ctx.db, 'editor', gemeenten);

onBothDatabases('guide figures', (ctx) => {
	it('show the current figure in the guide, in the reader’s notation, with its check date', async () => {
		const before = guides.read('en', 'work-rights', await facts.list(ctx.db))!;
		expect(before.steps[0].text).toContain('€14.40');
		const u = await staffUser(ctx.db, { role: 'editor' });
		const r = await facts.update(ctx.db, u.id, 'min_wage_hour', {
			value: '14,71',
			checkedOn: '2026-01-02',
			source: 'https://www.government.nl/topics/minimum-wage'
		});
		expect(r).toEqual({ ok: true });
		const after = guides.read('nl', 'work-rights', await facts.list(ctx.db))!;
		expect(after.steps[0].text).toMatch(/€\s?14,71/);
		expect(after.steps[0].text).not.toContain('{min_wage_hour}');
		// The guide may only claim the oldest check among the figures it quotes.
		expect(after.figuresChecked).toBe('2025-07-01');
		const audit = await ctx.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'fact.update')
			.execute();
		expect(audit.map((a) => a.object_id)).toContain('min_wage_hour');
	});

	it('refuse a wrong value or a check in the future and keep the old figure', async () => {
		const u = await staffUser(ctx.db, { role: 'editor' });
		const input = { value: 'veel', checkedOn: '2026-01-01', source: 'x' };
		expect(await facts.update(ctx.db, u.id, 'own_risk', input)).toEqual({
			ok: false,
			error: 'value'
		});
		expect(
			await facts.update(ctx.db, u.id, 'own_risk', {
				...input,
				value: '400',
				checkedOn: '2999-01-01'
			})
		).toEqual({ ok: false, error: 'checked_on' });
		expect(await facts.update(ctx.db, u.id, 'nope', { ...input, value: '1' })).toEqual({
			ok: false,
			error: 'unknown'
		});
		expect((await facts.list(ctx.db)).find((f) => f.key === 'own_risk')?.value).toBe('385');
	});

	it('are not overwritten by seeding again', async () => {
		await seed.run(ctx.db);
		expect((await facts.list(ctx.db)).find((f) => f.key === 'min_wage_hour')?.value).toBe('14.71');
	});
});

onBothDatabases('welkomstpakket', (ctx) => {
	it('falls back to English, then Dutch, and says so; the reader’s own text wins', async () => {
		const pl = (await welcome.forWorker(ctx.db, 'rivierenland', 'tiel', 'pl'))!;
		expect(pl.published).toBe(true);
		expect(pl.texts.welcome?.fallback).toBe('en');
		const nl = (await welcome.forWorker(ctx.db, 'rivierenland', 'tiel', 'nl'))!;
		expect(nl.texts.welcome).toMatchObject({ fallback: null });
		expect(nl.contacts.map((c) => c.kind)).toContain('police');
	});

	it('is scoped: an editor of one gemeente may not edit another, a regional editor may', async () => {
		const local = await editor(ctx, ['culemborg']);
		expect(await welcome.mayEdit(ctx.db, local, 'culemborg')).toBe(true);
		expect(await welcome.mayEdit(ctx.db, local, 'tiel')).toBe(false);
		const regional = await editor(ctx, []);
		expect(await welcome.mayEdit(ctx.db, regional, 'tiel')).toBe(true);
		expect(await welcome.mayEdit(ctx.db, regional, 'elsewhere')).toBe(false);
		expect(await welcome.forWorker(ctx.db, 'other-region', 'tiel', 'en')).toBeUndefined();
	});

	it('cannot be published without a Dutch welcome text, and shows nothing until published', async () => {
		const e = await editor(ctx, ['buren']);
		expect(await welcome.setPublished(ctx.db, e.id, 'buren', true)).toEqual({
			ok: false,
			error: 'no_text'
		});
		const en = welcome.validateTexts({ welcome: '<b>Welcome</b> to Buren', waste: '' });
		if (!en.ok) throw new Error('valid');
		await welcome.saveTexts(ctx.db, e.id, 'buren', 'en', en.texts);
		expect(await welcome.setPublished(ctx.db, e.id, 'buren', true)).toMatchObject({ ok: false });
		const draft = (await welcome.forWorker(ctx.db, 'rivierenland', 'buren', 'en'))!;
		expect(draft).toMatchObject({ published: false, contacts: [] });
		expect(draft.texts.welcome).toBeNull();

		const nl = welcome.validateTexts({ welcome: 'Welkom in Buren', waste: 'Afval scheiden.' });
		if (!nl.ok) throw new Error('valid');
		await welcome.saveTexts(ctx.db, e.id, 'buren', 'nl', nl.texts);
		expect(await welcome.setPublished(ctx.db, e.id, 'buren', true)).toEqual({ ok: true });
		const live = (await welcome.forWorker(ctx.db, 'rivierenland', 'buren', 'en'))!;
		// Stored and returned as typed: the page renders it as text, never as markup.
		expect(live.texts.welcome).toEqual({ text: '<b>Welcome</b> to Buren', fallback: null });
		expect(live.texts.waste).toEqual({ text: 'Afval scheiden.', fallback: 'nl' });

		const overview = await welcome.overview(ctx.db, e, LOCALES);
		expect(overview).toHaveLength(1);
		expect(overview[0].coverage).toMatchObject({ nl: 'complete', en: 'partial', ro: 'missing' });

		await welcome.setPublished(ctx.db, e.id, 'buren', false);
		expect((await welcome.forWorker(ctx.db, 'rivierenland', 'buren', 'en'))!.published).toBe(false);
		const actions = await ctx.db
			.selectFrom('audit_log')
			.select('action')
			.where('gemeente_id', '=', 'buren')
			.execute();
		expect(actions.map((a) => a.action)).toEqual(
			expect.arrayContaining(['welcome.texts', 'welcome.publish', 'welcome.unpublish'])
		);
	});

	it('keeps an editor’s changes when the demo is seeded again', async () => {
		const e = await editor(ctx, ['tiel']);
		await welcome.saveContacts(ctx.db, e.id, 'tiel', [
			{ kind: 'rni', name: 'RNI-loket', address: '', phone: '', hours: '', website: '' }
		]);
		await seed.run(ctx.db);
		const pack = (await welcome.forWorker(ctx.db, 'rivierenland', 'tiel', 'nl'))!;
		expect(pack.contacts.map((c) => c.kind)).toEqual(['rni']);
	});
});
