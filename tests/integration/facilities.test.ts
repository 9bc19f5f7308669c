import { expect, it } from 'vitest';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import * as facilities from '../../src/lib/server/facilities/facilities.ts';
import * as files from '../../src/lib/server/facilities/files.ts';
import * as pages from '../../src/lib/server/facilities/pages.ts';
import * as demo from '../../src/lib/server/app/seed/facilities.ts';
import * as seed from '../../src/lib/server/app/seed/index.ts';
import * as many from '../factories/facilities.ts';
import { staffUser } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const HEADER = 'gemeente,category,name,address,place,lat,lng,hours,exceptions,languages,published';
const csv = (...lines: string[]) => new TextEncoder().encode([HEADER, ...lines].join('\n'));

async function count(db: Db): Promise<number> {
	const r = await db
		.selectFrom('facility')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

async function imports(db: Db): Promise<number> {
	const r = await db
		.selectFrom('audit_log')
		.select((eb) => eb.fn.countAll<string>().as('n'))
		.where('action', '=', 'facility.import')
		.executeTakeFirstOrThrow();
	return Number(r.n);
}

onBothDatabases('facilities', (ctx) => {
	const editor = async (gemeenten = ['tiel']) => {
		const u = await staffUser(ctx.db, { role: 'editor', gemeenten });
		return { id: u.id, role: 'editor' as const, regionId: 'rivierenland', gemeenten };
	};

	it('seeds the demo set once, marked as demo, and seeding again adds nothing', async () => {
		const first = await count(ctx.db);
		expect(first).toBe(demo.DEMO.length);
		await seed.run(ctx.db);
		expect(await count(ctx.db)).toBe(first);
		const rows = await ctx.db.selectFrom('facility').select(['demo', 'published']).execute();
		expect(rows.every((r) => r.demo && r.published)).toBe(true);
	});

	it('seeds no RNI desk in Rivierenland, and takes the fictional one of earlier versions away', async () => {
		const rni = () =>
			ctx.db.selectFrom('facility').select('id').where('category', '=', 'rni_loket').execute();
		expect(await rni()).toEqual([]);
		// A database seeded by an earlier version still holds the invented "RNI-loket Tiel".
		const [row] = await ctx.db
			.selectFrom('facility')
			.selectAll()
			.where('category', '=', 'gemeentehuis')
			.limit(1)
			.execute();
		await ctx.db
			.insertInto('facility')
			.values({
				...row,
				id: demo.demoId('tiel-rni'),
				category: 'rni_loket',
				name: 'RNI-loket Tiel',
				hours: JSON.stringify(row.hours),
				notes: JSON.stringify(row.notes)
			})
			.execute();
		expect(await rni()).toHaveLength(1);
		await seed.run(ctx.db);
		expect(await rni()).toEqual([]);
	});

	it('never ends the night search for an open huisarts empty: the huisartsenpost comes instead', async () => {
		const saturdayNight = new Date('2026-12-05T21:00:00Z');
		const filters = { category: 'huisarts', gemeente: null, language: null, open: true, rni: true };
		const list = await pages.list(ctx.db, 'rivierenland', 'en', filters, 1, saturdayNight);
		expect(list.count).toBe(0);
		const posts = await pages.outOfHours(ctx.db, 'rivierenland', filters, saturdayNight);
		expect(posts?.length).toBeGreaterThan(0);
		expect(posts?.[0]).toMatchObject({ open: true });
		expect(
			await pages.outOfHours(
				ctx.db,
				'rivierenland',
				{ ...filters, category: 'apotheek' },
				saturdayNight
			)
		).toBeUndefined();
	});

	it('refuses an import with broken rows, lists every error by line and field, writes nothing', async () => {
		const actor = await editor();
		const before = await count(ctx.db);
		const auditBefore = await imports(ctx.db);
		const parsed = files.parseCsv(
			csv(
				'tiel,huisarts,Praktijk Goed,Waterstraat 1,Tiel,51.887,5.428,mon-fri 08:00-17:00,,nl en,yes',
				'tiel,huisarts,Praktijk Laat,Waterstraat 2,Tiel,51.887,5.428,mon 09:00-25:00,,nl,yes',
				'tiel,apotheek,Apotheek Berlijn,Unter den Linden 1,Berlin,52.517,13.389,,,de,yes',
				'tiel,casino,Casino,Dijk 1,Tiel,51.887,5.428,,,nl,yes',
				'culemborg,huisarts,Niet mijn gemeente,Markt 1,Culemborg,51.955,5.227,,2026-02-30 closed,nl,yes'
			)
		);
		if (!parsed.ok) throw new Error(parsed.error);
		const r = await facilities.importRows(ctx.db, actor, parsed.rows);
		expect(r).toEqual({
			ok: false,
			errors: [
				{ line: 3, field: 'hours', reason: 'hours' },
				{ line: 4, field: 'lng', reason: 'outside_nl' },
				{ line: 5, field: 'category', reason: 'category' },
				{ line: 6, field: 'gemeente', reason: 'gemeente' },
				{ line: 6, field: 'exceptions', reason: 'exceptions' }
			]
		});
		expect(await count(ctx.db)).toBe(before);
		expect(await imports(ctx.db)).toBe(auditBefore);
	});

	it('refuses a file with a wrong column, a missing column or another encoding as a whole', () => {
		const wrongColumn = files.parseCsv(
			new TextEncoder().encode('gemeente,category,name,lat,lng,colour\ntiel,sport,Hal,51.9,5.4,red')
		);
		expect(wrongColumn).toMatchObject({
			ok: false,
			error: 'column',
			errors: [{ line: 1, field: 'colour', reason: 'unknown_column' }]
		});
		const missing = files.parseCsv(
			new TextEncoder().encode('gemeente,category,name\ntiel,sport,Hal')
		);
		expect(missing).toMatchObject({ ok: false, error: 'missing_column' });
		// "Café" in Latin-1: é is the single byte 0xE9, not valid UTF-8.
		const latin1 = new Uint8Array([
			...new TextEncoder().encode(`${HEADER}\ntiel,sport,Caf`),
			0xe9,
			...new TextEncoder().encode(',Dijk 1,Tiel,51.9,5.4,,,nl,yes')
		]);
		expect(files.parseCsv(latin1)).toEqual({ ok: false, error: 'encoding' });
		expect(files.parseCsv(new Uint8Array(files.MAX_BYTES + 1))).toEqual({
			ok: false,
			error: 'too_large'
		});
		expect(files.parseGeoJson(new TextEncoder().encode('{"type":"Feature"}'))).toEqual({
			ok: false,
			error: 'format'
		});
	});

	it('imports a valid file in one go, and an export imported again updates the same rows', async () => {
		const actor = await editor();
		const before = await count(ctx.db);
		const parsed = files.parseCsv(
			csv(
				'tiel,taalcursus,"Taalcafé ""De Brug""",Kerkstraat 2,Tiel,51.886,5.430,tue 19:00-21:00,2026-12-29 closed,nl en pl,yes',
				'tiel,sport,Zwembad Tiel,Zwemweg 1,Tiel,"51,890",5.420,mon-sun 07:00-22:00,,nl,no'
			)
		);
		if (!parsed.ok) throw new Error(parsed.error);
		expect(await facilities.importRows(ctx.db, actor, parsed.rows)).toEqual({
			ok: true,
			created: 2,
			updated: 0
		});
		expect(await count(ctx.db)).toBe(before + 2);
		const mine = await facilities.list(ctx.db, actor, { demo: false });
		const cafe = mine.find((f) => f.name === 'Taalcafé "De Brug"');
		expect(cafe?.hours).toEqual({
			weekly: { tue: [['19:00', '21:00']] },
			exceptions: [{ date: '2026-12-29', ranges: [] }]
		});
		expect(cafe?.languages).toEqual(['nl', 'en', 'pl']);
		expect(mine.find((f) => f.name === 'Zwembad Tiel')?.lat).toBe(51.89);

		const exported = files.toCsv(mine);
		const again = files.parseCsv(new TextEncoder().encode(exported));
		if (!again.ok) throw new Error(again.error);
		expect(await facilities.importRows(ctx.db, actor, again.rows)).toEqual({
			ok: true,
			created: 0,
			updated: mine.length
		});
		const geo = files.parseGeoJson(new TextEncoder().encode(JSON.stringify(files.toGeoJson(mine))));
		if (!geo.ok) throw new Error(geo.error);
		expect(await facilities.importRows(ctx.db, actor, geo.rows)).toMatchObject({
			ok: true,
			updated: mine.length
		});
		expect(await count(ctx.db)).toBe(before + 2);
	});

	it("keeps an editor to their own gemeenten: another gemeente's facility is not found", async () => {
		const tiel = await editor(['tiel']);
		const other = await ctx.db
			.selectFrom('facility')
			.select('id')
			.where('gemeente_id', '=', 'culemborg')
			.executeTakeFirstOrThrow();
		expect(await facilities.read(ctx.db, tiel, other.id)).toBeUndefined();
		expect(await facilities.change(ctx.db, tiel, other.id, 'delete')).toBe(false);
		const row = files.parseCsv(
			new TextEncoder().encode(
				`id,gemeente,category,name,lat,lng\n${other.id},tiel,sport,X,51.9,5.4`
			)
		);
		if (!row.ok) throw new Error(row.error);
		expect(await facilities.importRows(ctx.db, tiel, row.rows)).toEqual({
			ok: false,
			errors: [{ line: 2, field: 'id', reason: 'unknown_id' }]
		});
		expect((await facilities.list(ctx.db, tiel)).every((f) => f.gemeente_id === 'tiel')).toBe(true);
		// An editor bound to no gemeente edits nothing (a missing link never widens to the region);
		// nor does a handler.
		expect(await facilities.read(ctx.db, await editor([]), other.id)).toBeUndefined();
		const handler = await staffUser(ctx.db, { role: 'handler', gemeenten: ['culemborg'] });
		const asHandler = {
			id: handler.id,
			role: 'handler' as const,
			regionId: 'rivierenland',
			gemeenten: ['culemborg']
		};
		expect(await facilities.read(ctx.db, asHandler, other.id)).toBeUndefined();
	});

	it('removes the demo set of the editor’s gemeenten in one action, audited, and a new seed run keeps it removed', async () => {
		const tiel = await editor(['tiel']);
		const inTiel = demo.DEMO.filter((d) => d.gemeente === 'tiel').length;
		const before = await count(ctx.db);
		expect(await facilities.removeDemo(ctx.db, tiel)).toBe(inTiel);
		expect(await count(ctx.db)).toBe(before - inTiel);
		const coordinator = await staffUser(ctx.db, { role: 'coordinator' });
		const all = {
			id: coordinator.id,
			role: 'coordinator' as const,
			regionId: 'rivierenland',
			gemeenten: []
		};
		expect(await facilities.removeDemo(ctx.db, all)).toBe(demo.DEMO.length - inTiel);
		await seed.run(ctx.db);
		expect(
			await ctx.db.selectFrom('facility').select('id').where('demo', '=', true).execute()
		).toEqual([]);
		const audit = await ctx.db
			.selectFrom('audit_log')
			.select(['actor_id', 'detail'])
			.where('action', '=', 'facility.demo_remove')
			.execute();
		expect(audit.map((a) => a.detail)).toEqual([
			{ removed: inTiel },
			{ removed: demo.DEMO.length - inTiel }
		]);
	});

	it('lets an editor linked to no gemeente change no facility at all, not the whole region', async () => {
		expect([...(await facilities.editableGemeenten(ctx.db, await editor([])))]).toEqual([]);
		expect([...(await facilities.editableGemeenten(ctx.db, await editor(['tiel'])))]).toEqual([
			'tiel'
		]);
	});

	it('changes the data version when a facility is published, edited or removed', async () => {
		const actor = await editor();
		const v1 = await facilities.version(ctx.db, 'rivierenland');
		const checked = facilities.validate(
			{ gemeente: 'tiel', category: 'bibliotheek', name: 'Bieb', lat: '51.88', lng: '5.42' },
			new Set(['tiel'])
		);
		if (!checked.ok) throw new Error('valid');
		const id = await facilities.create(ctx.db, actor, checked.value);
		const v2 = await facilities.version(ctx.db, 'rivierenland');
		expect(v2.key).not.toBe(v1.key);
		expect(await facilities.change(ctx.db, actor, id, 'publish')).toBe(true);
		const v3 = await facilities.version(ctx.db, 'rivierenland');
		expect(v3.key).not.toBe(v2.key);
		expect((await facilities.readPublished(ctx.db, 'rivierenland', id))?.name).toBe('Bieb');
		expect(await facilities.change(ctx.db, actor, id, 'delete')).toBe(true);
		expect((await facilities.version(ctx.db, 'rivierenland')).key).not.toBe(v3.key);
		const actions = await ctx.db
			.selectFrom('audit_log')
			.select('action')
			.where('object_id', '=', id)
			.orderBy('id')
			.execute();
		expect(actions.map((a) => a.action)).toEqual([
			'facility.create',
			'facility.publish',
			'facility.delete'
		]);
		// A demo row an editor checks becomes real data, kept when the demo set is removed.
		const sample = await facilities.create(ctx.db, actor, checked.value, true);
		expect((await facilities.read(ctx.db, actor, sample))?.demo).toBe(true);
		await facilities.change(ctx.db, actor, sample, 'verify', new Date('2026-11-23T10:00:00Z'));
		expect(await facilities.read(ctx.db, actor, sample)).toMatchObject({
			demo: false,
			verified_on: '2026-11-23'
		});
		await facilities.removeDemo(ctx.db, actor);
		expect((await facilities.read(ctx.db, actor, sample))?.id).toBe(sample);
	});

	it('pages a long list by 50, and gives the map every place the same filters ask for', async () => {
		await many.facilities(ctx.db, 130);
		const now = new Date('2026-11-23T10:00:00Z');
		const none = pages.filtersFrom(new URLSearchParams());
		const map = await pages.points(ctx.db, 'rivierenland', none, now);
		const first = await pages.list(ctx.db, 'rivierenland', 'pl', none, 1, now);
		expect(first.count).toBe(map.items.length);
		expect(first.count).toBeGreaterThanOrEqual(130);
		expect(first.pages).toBe(Math.ceil(first.count / pages.PAGE_SIZE));
		expect(first.items).toHaveLength(pages.PAGE_SIZE);
		// The pages together are the map's list, in the same order, each place once.
		const ids: string[] = [];
		for (let p = 1; p <= first.pages; p++) {
			const page = await pages.list(ctx.db, 'rivierenland', 'pl', none, p, now);
			expect(page.page).toBe(p);
			ids.push(...page.items.map((x) => x.id));
		}
		expect(ids).toEqual(map.items.map((x) => x.id));
		// A page past the end shows the last one.
		const past = await pages.list(ctx.db, 'rivierenland', 'pl', none, 999, now);
		expect(past.page).toBe(first.pages);
		expect(pages.pageFrom(new URLSearchParams('page=-3'))).toBe(1);
		expect(pages.pageFrom(new URLSearchParams('page=2.5'))).toBe(1);

		// Filters apply to both alike. Monday 10:00 in Tiel: the bench places are open.
		const f = pages.filtersFrom(new URLSearchParams('category=tandarts&rni=1&open=1'));
		const dentists = await pages.points(ctx.db, 'rivierenland', f, now);
		const listed = await pages.list(ctx.db, 'rivierenland', 'pl', f, 1, now);
		expect(dentists.items.length).toBeGreaterThan(0);
		expect(listed.count).toBe(dentists.items.length);
		for (const x of dentists.items) {
			expect(x).toMatchObject({ category: 'tandarts', acceptsRni: true, status: { open: true } });
		}
	});
});
