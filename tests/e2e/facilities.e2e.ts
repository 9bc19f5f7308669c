// Voorzieningen (issue #5): the list without JavaScript, the map without a tile source, offline
// list and place pages, the API's caching, and an editor's refused and accepted imports.
import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { demoId } from '../../src/lib/server/app/seed/facilities.ts';
import { fill, messages, underServiceWorker } from './helpers';
import { signIn } from './staff';

const pl = messages('pl');
const ro = messages('ro');

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the map route is a server-rendered list whose filters are links', async ({ page }) => {
		await page.goto('/pl/map');
		await expect(page.locator('h1')).toHaveText(pl.map_title);
		await expect(page.locator('.facility-map')).toHaveCount(0);
		const places = page.getByTestId('places').locator('li');
		const total = await places.count();
		expect(total).toBeGreaterThan(20);
		await expect(page.getByTestId('count')).toContainText(
			fill(pl.map_count, { count: String(total) })
		);

		// Category: a link, and every place listed is a huisarts.
		await page.locator('summary', { hasText: pl.map_filters }).click();
		await page.getByRole('link', { name: pl.facility_category_huisarts, exact: true }).click();
		await expect(page).toHaveURL(/\/pl\/map\?category=huisarts$/);
		const doctors = await places.count();
		expect(doctors).toBeGreaterThan(3);
		expect(doctors).toBeLessThan(total);
		for (const text of await places.allTextContents()) {
			expect(text).toContain(pl.facility_category_huisarts);
		}

		// Adding a gemeente keeps the category.
		await page.getByRole('link', { name: 'Culemborg', exact: true }).click();
		await expect(page).toHaveURL(/category=huisarts&gemeente=culemborg/);
		expect(await places.count()).toBeGreaterThan(0);
		for (const text of await places.allTextContents()) {
			expect(text).toContain('Culemborg');
			expect(text).toContain(pl.facility_category_huisarts);
		}

		// Language spoken: Romanian is spoken in only some of the Culemborg doctors' practices.
		await page.getByRole('link', { name: 'rumuński', exact: true }).click();
		await expect(page).toHaveURL(/language=ro/);
		await expect(places).toHaveCount(1);

		// "Open now": every place listed says it is open, or the list says nothing matches.
		await page.goto('/pl/map?open=1');
		const open = await places.allTextContents();
		if (open.length === 0) await expect(page.getByText(pl.map_none)).toBeVisible();
		for (const text of open) expect(text).toContain(pl.place_open_now);
		expect(open.length).toBeLessThan(total);

		// Two taps from the home page: places, then an open huisarts that takes RNI patients.
		await page.goto('/pl');
		await page.getByRole('link', { name: pl.map_title }).first().click();
		await page.getByRole('link', { name: pl.map_quick_rni }).click();
		await expect(page).toHaveURL(/category=huisarts&open=1&rni=1/);
		const rni = await places.allTextContents();
		// None open (evenings, nights, weekends): never a dead end, the huisartsenpost and 112.
		if (rni.length === 0) {
			await expect(page.getByTestId('after-hours')).toContainText(pl.map_after_hours_title);
			await expect(page.getByTestId('after-hours').locator('a[href="tel:112"]')).toBeVisible();
		}
		for (const text of rni) {
			expect(text).toContain(pl.facility_category_huisarts);
			expect(text).toContain(pl.place_open_now);
			expect(text).toContain(pl.place_rni_yes);
		}

		// Nothing matches: the page says so and offers a way back.
		await page.goto('/pl/map?category=vervoer&gemeente=zaltbommel');
		await expect(page.getByText(pl.map_none)).toBeVisible();
		await page.getByRole('link', { name: pl.map_clear }).click();
		await expect(places).toHaveCount(total);
	});

	test('a place page shows hours, actions and how fresh the data is', async ({ page }) => {
		await page.goto(`/pl/places/${demoId('tiel-ggd')}`);
		await expect(page.locator('h1')).toContainText('GGD');
		await expect(page.getByRole('link', { name: pl.place_route })).toHaveAttribute(
			'href',
			/^geo:51\.\d+,5\.\d+/
		);
		await expect(page.getByText(pl.place_dutch_time)).toBeVisible();
		await expect(page.getByTestId('status')).toContainText(
			new RegExp(`${pl.place_open_now}|${pl.place_closed_now}`)
		);
		await expect(page.getByTestId('freshness')).toContainText(
			pl.map_data_from.split('{')[0].trim()
		);
		await expect(page.getByText(pl.place_demo)).toBeVisible();
		// A place that does not exist, or a draft, is not found.
		const r = await page.goto('/pl/places/00000000-0000-4000-8000-000000000000');
		expect(r?.status()).toBe(404);
	});
});

test('the map shows markers on a plain background when the tile source cannot be reached', async ({
	page,
	baseURL
}) => {
	const foreign: string[] = [];
	const tiles: number[] = [];
	page.on('request', (r) => {
		if (new URL(r.url()).origin !== new URL(baseURL!).origin && !r.url().startsWith('data:'))
			foreign.push(r.url());
	});
	page.on('response', (r) => {
		if (new URL(r.url()).pathname.startsWith('/tiles/')) tiles.push(r.status());
	});
	await page.goto('/en/map');
	const map = page.locator('.facility-map[data-ready=true]');
	await expect(map).toBeVisible();
	const markers = map.locator('.leaflet-marker-icon');
	await expect(markers.first()).toBeVisible();
	expect(await markers.count()).toBeGreaterThan(3);
	// Clusters open up into single places with a link to their page.
	// (dispatched: the fixed bottom bar may cover the lower part of the map at 360 px)
	// A group that is still close together stays a cluster after one tap: tap again.
	for (let i = 0; i < 8 && (await map.locator('.map-marker').count()) === 0; i++) {
		await map.locator('.map-cluster').first().dispatchEvent('click');
		await page.waitForTimeout(500);
	}
	await expect(map.locator('.map-marker').first()).toBeVisible();
	await map.locator('.map-marker').first().dispatchEvent('click');
	await expect(map.locator('.leaflet-popup-content a')).toHaveAttribute('href', /^\/en\/places\//);
	// Every tile was asked for from our own origin, and none could be given.
	await expect.poll(() => tiles.length).toBeGreaterThan(0);
	expect(tiles.every((s) => s === 503)).toBe(true);
	expect(foreign).toEqual([]);
	// The list still works beside the map.
	await expect(page.getByTestId('places').locator('li').first()).toBeVisible();
	const bg = await map.evaluate((el) => getComputedStyle(el).backgroundColor);
	expect(bg).not.toBe('rgba(0, 0, 0, 0)');
});

test('offline, the list and a place page never opened come from the service worker with their date', async ({
	page,
	context
}) => {
	await underServiceWorker(page, '/ro/map');
	const listed = await page.getByTestId('places').locator('li').count();
	// The list page asks the service worker to keep every place page; wait until it has.
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					let n = 0;
					for (const name of await caches.keys()) {
						if (!name.startsWith('places-')) continue;
						n += (await (await caches.open(name)).keys()).length;
					}
					return n;
				}),
			{ timeout: 30_000 }
		)
		.toBe(listed);
	const freshness = await page.getByTestId('freshness').textContent();

	await context.setOffline(true);
	try {
		await page.goto('/ro/map');
		await expect(page.locator('h1')).toHaveText(ro.map_title);
		await expect(page.getByTestId('places').locator('li')).toHaveCount(listed);
		await expect(page.getByTestId('freshness')).toHaveText(freshness!);

		await page.goto(`/ro/places/${demoId('culemborg-huisarts')}`);
		await expect(page.locator('h1')).toHaveText('Huisartsenpraktijk Culemborg-Oost');
		await expect(page.getByText(ro.place_rni_yes)).toBeVisible();
		await expect(page.getByTestId('freshness')).toContainText(
			ro.map_data_from.split('{')[0].trim()
		);
	} finally {
		await context.setOffline(false);
	}
});

test('the API answers GeoJSON with an ETag, 304 for a client that has it, and refuses bad filters', async ({
	request
}) => {
	const r = await request.get('/api/v1/facilities?gemeente=tiel&category=huisarts&lang=pl');
	expect(r.status()).toBe(200);
	expect(r.headers()['content-type']).toContain('application/geo+json');
	expect(r.headers()['cache-control']).toContain('max-age=');
	const etag = r.headers().etag;
	expect(etag).toMatch(/^"[\w-]+"$/);
	const body = await r.json();
	expect(body.type).toBe('FeatureCollection');
	expect(body.features.length).toBeGreaterThan(0);
	for (const f of body.features) {
		expect(f.properties).toMatchObject({
			gemeente: 'tiel',
			category: 'huisarts',
			category_name: pl.facility_category_huisarts
		});
		expect(f.geometry.coordinates[1]).toBeGreaterThan(50.7);
	}
	const again = await request.get('/api/v1/facilities?gemeente=tiel&category=huisarts&lang=pl', {
		headers: { 'if-none-match': etag }
	});
	expect(again.status()).toBe(304);
	const other = await request.get('/api/v1/facilities?gemeente=tiel&category=huisarts&lang=ro', {
		headers: { 'if-none-match': etag }
	});
	expect(other.status()).toBe(200);
	expect((await request.get('/api/v1/facilities?category=casino')).status()).toBe(400);
	expect((await request.get('/api/v1/facilities?lang=xx')).status()).toBe(400);
});

test('an editor’s broken import is refused with its rows listed and nothing saved; a good one is saved', async ({
	page
}) => {
	await signIn(page, 'editor', ['buren']);
	await page.goto('/staff/facilities');
	const rows = page.getByTestId('facilities').locator('tbody tr');
	const before = await rows.count();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'import-'));
	const broken = path.join(dir, 'broken.csv');
	fs.writeFileSync(
		broken,
		[
			'gemeente;category;name;lat;lng;hours',
			'buren;huisarts;Praktijk Maurik;51.96;5.42;mon-fri 08:00-17:00',
			'buren;huisarts;Praktijk Laat;51.96;5.42;mon 09:00-25:00',
			'buren;kroeg;Café;51.96;5.42;',
			'buren;sport;Sporthal Parijs;48.85;2.35;'
		].join('\n')
	);
	await page.locator('input[type=file]').setInputFiles(broken);
	await page.getByRole('button', { name: 'Check and import' }).click();
	const error = page.getByTestId('import-error');
	await expect(error).toContainText('Nothing was imported');
	const cells = await error.locator('tbody tr').allTextContents();
	expect(cells).toHaveLength(4);
	expect(cells[0]).toMatch(/^3\s*hours/);
	expect(cells[1]).toMatch(/^4\s*category/);
	expect(cells[2]).toMatch(/^5\s*lat/);
	await expect(rows).toHaveCount(before);

	// 50 MB is refused with a clear message, not a broken page.
	const huge = path.join(dir, 'huge.csv');
	fs.writeFileSync(huge, Buffer.alloc(50 * 1024 * 1024, 'a'));
	await page.locator('input[type=file]').setInputFiles(huge);
	await page.getByRole('button', { name: 'Check and import' }).click();
	await expect(page.getByTestId('import-error')).toContainText('at most 10 MB');
	await expect(rows).toHaveCount(before);

	const good = path.join(dir, 'good.csv');
	fs.writeFileSync(
		good,
		'gemeente,category,name,lat,lng,hours,published\nburen,sport,Sporthal Maurik,51.96,5.42,mon-fri 09:00-22:00,yes\n'
	);
	await page.locator('input[type=file]').setInputFiles(good);
	await page.getByRole('button', { name: 'Check and import' }).click();
	await expect(page.getByRole('status')).toContainText('1 added');
	await expect(rows).toHaveCount(before + 1);
	fs.rmSync(dir, { recursive: true, force: true });

	// A form with an impossible time keeps what was typed and marks the field.
	await page.goto('/staff/facilities/new');
	await page.locator('input[name=name]').fill('Taalles Buren');
	await page.locator('select[name=category]').selectOption('taalcursus');
	await page.locator('input[name=lat]').fill('51.91');
	await page.locator('input[name=lng]').fill('5.33');
	await page.locator('textarea[name=hours]').fill('wed 25:00-26:00');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page.locator('#err-hours')).toBeVisible();
	await expect(page.locator('input[name=name]')).toHaveValue('Taalles Buren');
	await page.locator('textarea[name=hours]').fill('wed 19:00-21:00');
	await page.getByRole('button', { name: 'Save' }).click();
	await expect(page).toHaveURL(/\/staff\/facilities\/[0-9a-f-]{36}\?saved=1$/);
	await page.getByRole('button', { name: 'Publish' }).click();
	await expect(page.getByRole('button', { name: 'Unpublish' })).toBeVisible();
	// Published: workers see it.
	await page.goto('/en/map?gemeente=buren&category=taalcursus');
	await expect(page.getByTestId('places')).toContainText('Taalles Buren');
});

test('the CSV export opens in a spreadsheet safely (BOM, CRLF, formulas escaped, phone numbers kept) and imports again unchanged', async ({
	page
}) => {
	await signIn(page, 'editor', ['west-betuwe']);
	await page.goto('/staff/facilities');
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'export-'));
	const added = path.join(dir, 'added.csv');
	const name = '=HYPERLINK("http://example.org","Sporthal")';
	fs.writeFileSync(
		added,
		`gemeente,category,name,lat,lng,phone\nwest-betuwe,sport,"${name.replaceAll('"', '""')}",51.88,5.2,+31 345 123456\n`
	);
	await page.locator('input[type=file]').setInputFiles(added);
	await page.getByRole('button', { name: 'Check and import' }).click();
	await expect(page.getByRole('status')).toContainText('1 added');

	const response = await page.request.get('/staff/facilities/export');
	expect(response.headers()['content-type']).toBe('text/csv; charset=utf-8');
	const body = await response.body();
	expect([...body.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
	const lines = body.subarray(3).toString('utf8').split('\r\n');
	expect(lines.pop()).toBe('');
	expect(lines.every((l) => !l.includes('\n'))).toBe(true);
	const row = lines.find((l) => l.includes('HYPERLINK'));
	expect(row).toContain(`,"'=HYPERLINK(""http://example.org"",""Sporthal"")",`);
	expect(row).toContain(',+31 345 123456,');

	// The exported file goes back in as it is: every row updated, none added, the name as typed.
	const exported = path.join(dir, 'exported.csv');
	fs.writeFileSync(exported, body);
	await page.locator('input[type=file]').setInputFiles(exported);
	await page.getByRole('button', { name: 'Check and import' }).click();
	await expect(page.getByRole('status')).toContainText(`0 added, ${lines.length - 1} updated`);
	await expect(page.getByTestId('facilities').getByRole('link', { name, exact: true })).toHaveCount(
		1
	);
	fs.rmSync(dir, { recursive: true, force: true });
});

test('an editor of one gemeente gets 404 for another gemeente’s facility; a handler for all of them', async ({
	page
}) => {
	await signIn(page, 'editor', ['maasdriel']);
	const r = await page.goto(`/staff/facilities/${demoId('tiel-ggd')}`);
	expect(r?.status()).toBe(404);
	const own = await page.goto(`/staff/facilities/${demoId('maasdriel-huisarts')}`);
	expect(own?.status()).toBe(200);
	await page.context().clearCookies();
	await signIn(page, 'handler', ['tiel']);
	expect((await page.goto('/staff/facilities'))?.status()).toBe(404);
});

test.describe('sorting by distance', () => {
	test.use({ geolocation: { latitude: 51.7721, longitude: 5.3372 }, permissions: ['geolocation'] });

	test('uses the location only after the tap, and only on the phone', async ({ page }) => {
		const sent: string[] = [];
		page.on('request', (r) => sent.push(`${r.url()} ${r.postData() ?? ''}`));
		await page.goto('/en/map');
		await expect(page.locator('.facility-map[data-ready=true]')).toBeVisible();
		const first = page.getByTestId('places').locator('li').first();
		await expect(first).not.toContainText('km');
		const before = sent.length;
		await page.getByRole('button', { name: 'Sort by distance from me' }).click();
		// Kerkdriel (Maasdriel) is where the phone is: its places come first, 0.0 km away.
		await expect(first).toContainText('Kerkdriel');
		await expect(first).toContainText('0.0 km');
		expect(sent.slice(before).filter((s) => /51\.77|5\.33/.test(s))).toEqual([]);
	});
});
