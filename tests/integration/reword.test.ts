import { expect, it } from 'vitest';
import * as demoFacilities from '../../src/lib/server/app/seed/facilities.ts';
import * as former from '../../src/lib/server/app/seed/former-wordings.ts';
import * as seed from '../../src/lib/server/app/seed/index.ts';
import * as reword from '../../src/lib/server/app/seed/reword.ts';
import * as starterSurvey from '../../src/lib/server/app/seed/starter-survey.ts';
import * as welcomePacks from '../../src/lib/server/app/seed/welcome-packs.ts';
import * as surveys from '../../src/lib/server/surveys/surveys.ts';
import * as welcome from '../../src/lib/server/content/welcome.ts';
import { actor } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const today = starterSurvey.wording();
const old = (key: string, locale: string) => former.starterSurvey[key][locale][0];
const reworded = async (db: Parameters<typeof reword.run>[0]) => reword.run(db, seed.modelRegion);

async function starter(db: Parameters<typeof surveys.list>[0]) {
	const s = (await surveys.list(db, 'rivierenland')).find((x) => x.series === 'starter')!;
	const all = await surveys.questions(db, s.id, { all: true });
	const current = (key: string) => all.find((q) => q.key === key && !q.retired_at)!;
	return { s, all, current };
}

onBothDatabases('seeded texts of an earlier version', (ctx) => {
	it('the starter survey seeded formally gets the informal wording once; an editor’s text and answered versions stay', async () => {
		const { s, current } = await starter(ctx.db);
		// As a database seeded before the survey was reworded holds it.
		await ctx.db
			.updateTable('survey')
			.set({
				title: old('title', 'nl'),
				titles: JSON.stringify({ ...today.title, nl: old('title', 'nl'), uk: old('title', 'uk') })
			})
			.where('id', '=', s.id)
			.execute();
		for (const key of ['life', 'stay'])
			await ctx.db
				.updateTable('survey_question')
				.set({
					texts: JSON.stringify({
						...today.questions[key],
						nl: old(key, 'nl'),
						uk: old(key, 'uk'),
						lt: old(key, 'lt')
					})
				})
				.where('id', '=', current(key).id)
				.execute();
		// An editor rewrites the Ukrainian 'stay' question only: a new version, the old one retired.
		const editor = await actor(ctx.db, 'coordinator');
		const stay = (await starter(ctx.db)).current('stay');
		const mine = 'Скільки часу ти вже живеш у Нідерландах?';
		await surveys.saveQuestion(ctx.db, editor, s, {
			key: 'stay',
			kind: stay.kind,
			texts: { ...stay.texts, uk: mine },
			options: stay.options,
			showIf: stay.show_if,
			background: stay.background
		});

		expect(await reworded(ctx.db)).toMatchObject({ survey: 3 + 3 + 2 });

		const after = await starter(ctx.db);
		expect(after.s.title).toBe(today.title.nl);
		expect(after.s.titles).toEqual(today.title);
		expect(after.current('life').texts).toEqual(today.questions.life);
		expect(after.current('stay').texts).toEqual({ ...today.questions.stay, uk: mine });
		const retired = after.all.find((q) => q.id === stay.id)!;
		expect(retired.texts.uk).toBe(old('stay', 'uk'));
		// Exactly once: nothing is left that equals a former wording.
		expect(await reworded(ctx.db)).toEqual({ survey: 0, welcome: 0, facilities: 0 });
	});

	it('a welkomstpakket seeded earlier gets today’s texts, locales and contacts; what an editor wrote stays', async () => {
		const e = await actor(ctx.db, 'editor', ['buren', 'west-betuwe']);
		// Tiel as the first demo left it: nl and en only, contacts never confirmed.
		await ctx.db.deleteFrom('welcome_text').where('gemeente_id', '=', 'tiel').execute();
		await ctx.db
			.insertInto('welcome_text')
			.values(
				['nl', 'en'].map((locale) => ({
					gemeente_id: 'tiel',
					locale,
					...former.welcomeTexts[locale][0]
				}))
			)
			.execute();
		await ctx.db
			.updateTable('welcome_pack')
			.set({ contacts: JSON.stringify(former.welcomeContacts.tiel[0]) })
			.where('gemeente_id', '=', 'tiel')
			.execute();
		// Culemborg and Buren as the 2026-12-05 packs said it in Ukrainian ("громада").
		const ukOld = (name: string) =>
			Object.fromEntries(
				Object.entries(former.welcomeTexts.uk[0]).map(([f, t]) => [f, t.replaceAll('{name}', name)])
			);
		for (const [slug, name] of [
			['culemborg', 'Culemborg'],
			['buren', 'Buren']
		])
			await ctx.db
				.updateTable('welcome_text')
				.set(ukOld(name))
				.where('gemeente_id', '=', slug)
				.where('locale', '=', 'uk')
				.execute();
		// Buren's editor rewrites the Ukrainian text; West Betuwe's writes Dutch and keeps one old row.
		const burenUk = { welcome: 'Вітаємо в Buren!', waste: '', parking: '', noise: '' };
		await welcome.saveTexts(ctx.db, e.id, 'buren', 'uk', burenUk);
		await ctx.db
			.deleteFrom('welcome_text')
			.where('gemeente_id', '=', 'west-betuwe')
			.where('locale', 'not in', ['nl', 'uk'])
			.execute();
		await ctx.db
			.updateTable('welcome_text')
			.set(ukOld('West Betuwe'))
			.where('gemeente_id', '=', 'west-betuwe')
			.where('locale', '=', 'uk')
			.execute();
		const westNl = { welcome: 'Welkom in West Betuwe.', waste: '', parking: '', noise: '' };
		await welcome.saveTexts(ctx.db, e.id, 'west-betuwe', 'nl', westNl);

		await reworded(ctx.db);

		const rows = async (gemeente: string) =>
			ctx.db
				.selectFrom('welcome_text')
				.select(['locale', 'welcome', 'waste', 'parking', 'noise'])
				.where('gemeente_id', '=', gemeente)
				.execute();
		const text = async (gemeente: string, locale: string) => {
			const r = (await rows(gemeente)).find((x) => x.locale === locale)!;
			return { welcome: r.welcome, waste: r.waste, parking: r.parking, noise: r.noise };
		};
		const tiel = welcomePacks.texts('Tiel');
		expect((await rows('tiel')).map((r) => r.locale).sort()).toEqual(Object.keys(tiel).sort());
		for (const locale of Object.keys(tiel))
			expect(await text('tiel', locale)).toEqual(tiel[locale]);
		const pack = (await welcome.forWorker(ctx.db, 'rivierenland', 'tiel', 'pl'))!;
		expect(pack.contacts).toEqual(welcomePacks.contacts('tiel'));
		expect(await text('culemborg', 'uk')).toEqual(welcomePacks.texts('Culemborg').uk);
		expect(await text('buren', 'uk')).toEqual(burenUk);
		// West Betuwe's untouched row is reworded, but an edited pack gets no locales it lacked.
		expect(await text('west-betuwe', 'uk')).toEqual(welcomePacks.texts('West Betuwe').uk);
		expect(await text('west-betuwe', 'nl')).toEqual(westNl);
		expect((await rows('west-betuwe')).length).toBe(2);
		expect(await reworded(ctx.db)).toEqual({ survey: 0, welcome: 0, facilities: 0 });
	});

	it('a demo facility keeps an address only until an editor saves it: the unconfirmed one is withdrawn', async () => {
		const id = demoFacilities.demoId('tiel-gemeentehuis');
		const place = () =>
			ctx.db
				.selectFrom('facility')
				.select(['address', 'postcode'])
				.where('id', '=', id)
				.executeTakeFirstOrThrow();
		const unconfirmed = { address: 'Kellenseweg 4', postcode: '4004 JK' };
		await ctx.db.updateTable('facility').set(unconfirmed).where('id', '=', id).execute();
		await seed.run(ctx.db);
		expect(await place()).toEqual({ address: '', postcode: '' });

		await ctx.db
			.updateTable('facility')
			.set({ ...unconfirmed, demo: false })
			.where('id', '=', id)
			.execute();
		expect(await reworded(ctx.db)).toMatchObject({ facilities: 0 });
		expect(await place()).toEqual(unconfirmed);
	});
});
