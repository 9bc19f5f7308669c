// Issue #5 at scale: a region with many places. The page carries one page of the list (links to
// the next without JavaScript); with JavaScript the map shows every match and the list follows
// its view. A server of its own on PostgreSQL, so the extra places touch no other test.
import { expect, test } from '@playwright/test';
import * as database from '../../src/lib/server/platform/db/index.ts';
import * as many from '../factories/facilities.ts';
import * as pgServer from '../integration/pg-server.ts';
import { fill, messages, violations } from './helpers';
import * as server from './server';

test.describe.configure({ mode: 'serial' });

const en = messages('en');
let pg: pgServer.PgServer;
let app: server.RunningServer;
let total: number;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	pg = await pgServer.start();
	app = await server.start({ env: { DATABASE_URL: pg.url } });
	// The server has migrated and seeded the demo places; add enough for three pages.
	const { db } = database.create({ url: pg.url, poolSize: 2 });
	try {
		await many.facilities(db, 80);
		const r = await db
			.selectFrom('facility')
			.select((eb) => eb.fn.countAll<string>().as('n'))
			.where('published', '=', true)
			.executeTakeFirstOrThrow();
		total = Number(r.n);
	} finally {
		await db.destroy();
	}
});

test.afterAll(async () => {
	await app?.stop();
	if (pg) pgServer.destroy(pg);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the list comes 50 places a page, with links to the next and previous pages', async ({
		page
	}) => {
		const pages = Math.ceil(total / 50);
		expect(pages).toBeGreaterThanOrEqual(3);
		await page.goto(`${app.url}/en/map`);
		await expect(page.getByTestId('count')).toContainText(
			fill(en.map_count, { count: String(total) })
		);
		const places = page.getByTestId('places').locator('li');
		await expect(places).toHaveCount(50);
		await expect(page.getByRole('link', { name: en.map_previous })).toHaveCount(0);
		const seen = new Set(await places.locator('strong').allTextContents());
		for (let n = 2; n <= pages; n++) {
			await page.getByRole('link', { name: en.map_next }).click();
			await expect(page).toHaveURL(new RegExp(`[?&]page=${n}$`));
			await expect(
				page.getByText(fill(en.map_page, { page: String(n), pages: String(pages) }))
			).toBeVisible();
			for (const name of await places.locator('strong').allTextContents()) seen.add(name);
		}
		await expect(places).toHaveCount(total - 50 * (pages - 1));
		await expect(page.getByRole('link', { name: en.map_next })).toHaveCount(0);
		// Every place once over all pages (the bench names are unique; the demo names are too).
		expect(seen.size).toBe(total);
		// A filter link starts at the first page again.
		await page.getByRole('link', { name: en.facility_category_tandarts }).first().click();
		await expect(page).not.toHaveURL(/page=/);
	});
});

test('with JavaScript the map gets every match once and the list follows its view', async ({
	page
}) => {
	// Until the points arrive (or when they cannot, offline), the page's own list and its page
	// links stay, and pass axe.
	await page.route('**/map/points.json*', (route) => route.abort());
	await page.goto(`${app.url}/en/map?page=2`);
	await expect(page.locator('.facility-map[data-ready=true]')).toBeVisible();
	await expect(page.getByRole('link', { name: en.map_next })).toBeVisible();
	await expect(page.getByRole('link', { name: en.map_previous })).toBeVisible();
	expect(await violations(page)).toEqual([]);
	await page.unroute('**/map/points.json*');

	const asked: string[] = [];
	page.on('request', (r) => {
		const url = new URL(r.url());
		if (url.pathname.endsWith('/map/points.json')) asked.push(url.search);
	});
	await page.goto(`${app.url}/en/map`);
	const map = page.locator('.facility-map[data-ready=true]');
	await expect(map).toBeVisible();
	await expect.poll(() => asked).toEqual(['']);
	// The list shows the first 50 in view and says how many more there are.
	const places = page.getByTestId('places').locator('li');
	await expect(places).toHaveCount(50);
	await expect(
		page.getByText(fill(en.map_more_in_view, { count: String(total - 50) }))
	).toBeVisible();
	await expect(page.getByRole('link', { name: en.map_next })).toHaveCount(0);
	expect(await violations(page)).toEqual([]);
	// Zoomed in, fewer places are in view, and the count says so.
	for (let i = 0; i < 4; i++) {
		await map.locator('.leaflet-control-zoom-in').dispatchEvent('click');
		await page.waitForTimeout(300);
	}
	await expect(page.getByTestId('count')).toContainText(en.map_in_view.split('{count}')[1].trim());
	// A filter asks for that filter's points, once.
	await page.goto(`${app.url}/en/map?category=tandarts`);
	await expect(map).toBeVisible();
	await expect.poll(() => asked).toEqual(['', '?category=tandarts']);
});
