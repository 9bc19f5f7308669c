import { expect, it } from 'vitest';
import * as facts from '../../src/lib/server/content/facts.ts';
import * as guides from '../../src/lib/server/content/guides.ts';
import * as jobs from '../../src/lib/server/app/jobs.ts';
import * as seed from '../../src/lib/server/app/seed/index.ts';
import * as welcome from '../../src/lib/server/content/welcome.ts';
import { actor, staffUser } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];

const editor = (ctx: { db: Parameters<typeof actor>[0] }, gemeenten: string[]) =>
	actor(ctx.db, 'editor', gemeenten);

onBothDatabases('guide figures', (ctx) => {
	const input = (over: Partial<facts.FactInput> = {}): facts.FactInput => ({
		value: '15,00',
		validFrom: '2026-07-01',
		reviewBy: '2027-07-01',
		checkedOn: '2026-12-01',
		source: 'https://www.rijksoverheid.nl/onderwerpen/minimumloon',
		confirmed: true,
		...over
	});

	it('do not state a figure past its date as current: the guide says it may have changed and links the source', async () => {
		const seeded = guides.read('en', 'work-rights', await facts.list(ctx.db), '2026-12-05')!;
		expect(seeded.steps[0].text).toContain('€14.71' + guides.CAVEAT_MARK);
		expect(seeded.caveats.find((c) => c.key === 'min_wage_hour')).toMatchObject({
			value: '€14.71',
			expired: true,
			reviewBy: '2026-07-01',
			source: 'https://www.rijksoverheid.nl/onderwerpen/minimumloon'
		});
		// The same figure before its date is stated plainly.
		const before = guides.read('en', 'work-rights', await facts.list(ctx.db), '2026-03-01')!;
		expect(before.steps[0].text).toContain('€14.71');
		expect(before.steps[0].text).not.toContain('€14.71' + guides.CAVEAT_MARK);
		expect(before.caveats.map((c) => c.key)).not.toContain('min_wage_hour');
	});

	it('mark a figure no official source confirmed, whatever its date', async () => {
		const g = guides.read('en', 'health-insurance', await facts.list(ctx.db), '2026-03-01')!;
		expect(g.caveats.find((c) => c.key === 'own_risk')).toMatchObject({
			confirmed: false,
			expired: false
		});
	});

	it('change with its period, source and check date; the change is audited with old and new', async () => {
		const u = await staffUser(ctx.db, { role: 'editor' });
		const r = await facts.update(ctx.db, u.id, 'min_wage_hour', input(), '2026-12-05');
		expect(r).toEqual({ ok: true });
		const stored = (await facts.list(ctx.db)).find((f) => f.key === 'min_wage_hour')!;
		expect(stored).toMatchObject({
			value: '15.00',
			validFrom: '2026-07-01',
			reviewBy: '2027-07-01',
			checkedOn: '2026-12-01',
			confirmed: true
		});
		const after = guides.read('nl', 'work-rights', await facts.list(ctx.db), '2026-12-05')!;
		expect(after.steps[0].text).toMatch(/€\s?15,00/);
		expect(after.caveats.map((c) => c.key)).not.toContain('min_wage_hour');
		const rows = await ctx.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'fact.update')
			.where('object_id', '=', 'min_wage_hour')
			.execute();
		expect(rows).toHaveLength(1);
		const detail = (
			typeof rows[0].detail === 'string' ? JSON.parse(rows[0].detail) : rows[0].detail
		) as {
			from: { value: string; reviewBy: string };
			to: { value: string; reviewBy: string };
		};
		expect(detail.from).toMatchObject({ value: '14.71', reviewBy: '2026-07-01' });
		expect(detail.to).toMatchObject({ value: '15.00', reviewBy: '2027-07-01' });
	});

	it('refuse a wrong value, a missing or past review date, a check in the future, and keep the old figure', async () => {
		const u = await staffUser(ctx.db, { role: 'editor' });
		const on = '2026-12-05';
		const cases: [Partial<facts.FactInput>, string][] = [
			[{ value: 'veel' }, 'value'],
			[{ validFrom: '2026-02-30' }, 'valid_from'],
			[{ reviewBy: '' }, 'review_by'],
			[{ reviewBy: '2026-12-05' }, 'review_by'],
			[{ validFrom: '2027-02-01', reviewBy: '2027-01-01' }, 'review_by'],
			[{ checkedOn: '2999-01-01' }, 'checked_on'],
			[{ source: ' ' }, 'source']
		];
		for (const [over, error] of cases)
			expect(await facts.update(ctx.db, u.id, 'own_risk', input(over), on)).toEqual({
				ok: false,
				error
			});
		expect(await facts.update(ctx.db, u.id, 'nope', input(), on)).toEqual({
			ok: false,
			error: 'unknown'
		});
		expect((await facts.list(ctx.db)).find((f) => f.key === 'own_risk')?.value).toBe('385');
	});

	it('seeding again brings untouched figures to the code’s values and never overwrites an editor’s', async () => {
		await ctx.db
			.updateTable('fact')
			.set({ value: '14.40', review_by: null, checked_on: '2025-07-01' })
			.where('key', '=', 'min_wage_from')
			.execute();
		await seed.run(ctx.db);
		const all = await facts.list(ctx.db);
		expect(all.find((f) => f.key === 'min_wage_from')).toMatchObject({
			value: '2026-01-01',
			reviewBy: '2026-07-01'
		});
		expect(all.find((f) => f.key === 'min_wage_hour')?.value).toBe('15.00');
	});

	it('are listed by the daily check before their date passes', async () => {
		const result = await jobs.DAILY.facts(ctx.db, new Date('2026-12-05T07:00:00Z'));
		expect(result).toEqual({ due: ['own_risk'], expired: ['min_wage_from'] });
		await jobs.runDaily(ctx.db, new Date('2026-12-05T07:00:00Z'));
		expect(await jobs.lastResult(ctx.db, 'facts')).toEqual({ day: '2026-12-05', result });
	});
});

onBothDatabases('welkomstpakket', (ctx) => {
	it('exists for every gemeente of the region in every language, with confirmed contacts only', async () => {
		for (const g of seed.modelRegion.gemeenten)
			for (const locale of LOCALES) {
				const pack = (await welcome.forWorker(ctx.db, 'rivierenland', g.slug, locale))!;
				expect(pack.published, `${g.slug} ${locale}`).toBe(true);
				expect(pack.texts.welcome, `${g.slug} ${locale}`).toMatchObject({ fallback: null });
				expect(pack.texts.welcome?.text).toContain(g.name);
				expect(pack.texts.noise?.text).toContain(g.name);
				expect(pack.contacts.map((c) => c.kind)).toEqual(['gemeente', 'rni', 'police']);
			}
		const maasdriel = (await welcome.forWorker(ctx.db, 'rivierenland', 'maasdriel', 'pl'))!;
		expect(maasdriel.contacts[0]).toMatchObject({
			address: 'Kerkstraat 45, 5331 CB Kerkdriel',
			phone: '14 0418'
		});
		// Never the invented RNI desk in Tiel: the real nearest one.
		expect(maasdriel.contacts[1].address).toBe('Tweede Walstraat 14, Nijmegen');
	});

	it('falls back to English, then Dutch, and says so; the reader’s own text wins', async () => {
		await ctx.db
			.deleteFrom('welcome_text')
			.where('gemeente_id', '=', 'tiel')
			.where('locale', '=', 'pl')
			.execute();
		const pl = (await welcome.forWorker(ctx.db, 'rivierenland', 'tiel', 'pl'))!;
		expect(pl.published).toBe(true);
		expect(pl.texts.welcome?.fallback).toBe('en');
		const nl = (await welcome.forWorker(ctx.db, 'rivierenland', 'tiel', 'nl'))!;
		expect(nl.texts.welcome).toMatchObject({ fallback: null });
		expect(nl.contacts.map((c) => c.kind)).toContain('police');
	});

	it('is scoped: an editor edits their own gemeenten only, one linked to none edits nothing', async () => {
		const local = await editor(ctx, ['culemborg']);
		expect(await welcome.mayEdit(ctx.db, local, 'culemborg')).toBe(true);
		expect(await welcome.mayEdit(ctx.db, local, 'tiel')).toBe(false);
		// A missing link never widens to the whole region (issue #17).
		const unlinked = await editor(ctx, []);
		expect(await welcome.editable(ctx.db, unlinked)).toEqual([]);
		expect(await welcome.mayEdit(ctx.db, unlinked, 'tiel')).toBe(false);
		const regional = { ...unlinked, role: 'coordinator' as const };
		expect(await welcome.mayEdit(ctx.db, regional, 'tiel')).toBe(true);
		expect(await welcome.mayEdit(ctx.db, regional, 'elsewhere')).toBe(false);
		expect(await welcome.forWorker(ctx.db, 'other-region', 'tiel', 'en')).toBeUndefined();
	});

	it('cannot be published without a Dutch welcome text, and shows nothing until published', async () => {
		await ctx.db.deleteFrom('welcome_pack').where('gemeente_id', '=', 'buren').execute();
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
