import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { underServiceWorker } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');

test('the manifest is valid, per locale, with installable icons', async ({ request }) => {
	const r = await request.get('/pl/manifest.webmanifest');
	expect(r.ok()).toBe(true);
	expect(r.headers()['content-type']).toContain('application/manifest+json');
	const manifest = await r.json();
	expect(manifest).toMatchObject({
		start_url: '/pl',
		lang: 'pl',
		display: 'standalone',
		scope: '/'
	});
	expect(manifest.name).toBeTruthy();
	expect(manifest.short_name.length).toBeLessThanOrEqual(12);
	expect(manifest.theme_color).toMatch(/^#[0-9a-f]{6}$/i);
	const purposes = manifest.icons.map((i: { purpose: string }) => i.purpose);
	expect(purposes).toContain('maskable');
	for (const icon of manifest.icons) {
		const img = await request.get(icon.src);
		expect(img.ok()).toBe(true);
		expect(img.headers()['content-type']).toBe('image/png');
		const buf = await img.body();
		// PNG IHDR width/height match the declared size
		const [w, h] = icon.sizes.split('x').map(Number);
		expect([buf.readUInt32BE(16), buf.readUInt32BE(20)]).toEqual([w, h]);
	}
});

test('offline, a page not visited before shows the offline page in the worker language', async ({
	page,
	context
}) => {
	const uk = JSON.parse(fs.readFileSync(path.join(root, 'messages', 'uk.json'), 'utf8'));
	await underServiceWorker(page, '/uk');
	await context.setOffline(true);
	await page.goto('/uk/language');
	await expect(page.locator('h1')).toHaveText(uk.offline_title);
	await expect(page.locator('html')).toHaveAttribute('lang', 'uk');
	// A page visited before comes from the cache instead.
	await page.goto('/uk');
	await expect(page.locator('h1')).toHaveText(uk.home_title);
	await context.setOffline(false);
});

test('offline, the bottom bar still leads to pages visited before, and to the offline page', async ({
	page,
	context
}) => {
	const uk = JSON.parse(fs.readFileSync(path.join(root, 'messages', 'uk.json'), 'utf8'));
	await underServiceWorker(page, '/uk');
	await page.goto('/uk/map', { waitUntil: 'networkidle' });
	await page.goto('/uk', { waitUntil: 'networkidle' });
	await context.setOffline(true);
	try {
		// A tap is an in-app navigation, which first asks the server for the route: offline the
		// service worker's empty answer makes it an ordinary page load from the cache.
		await page.locator('nav a[href="/uk/map"]').last().click();
		await expect(page).toHaveURL(/\/uk\/map$/);
		await expect(page.locator('h1')).toHaveText(uk.map_title);
		await page.locator('nav a[href="/uk/more"]').last().click();
		await expect(page).toHaveURL(/\/uk\/more$/);
		await expect(page.locator('h1')).toHaveText(uk.offline_title);
	} finally {
		await context.setOffline(false);
	}
});

test('the service worker never caches staff, API or report routes', async ({ page }) => {
	await page.goto('/en');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	await page.reload();
	await page.goto('/staff/login');
	await page.goto('/en/more');
	const cached = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			const cache = await caches.open(name);
			for (const req of await cache.keys()) urls.push(new URL(req.url).pathname);
		}
		return urls;
	});
	expect(cached).toContain('/en/offline');
	// The one exception is the empty report form for starting offline, fetched without cookies.
	// (The form's plain script, /js/report.js, is a static file like any other.)
	expect(
		cached.filter(
			(u) => u.startsWith('/staff') || u.startsWith('/api') || /^\/[a-z]{2}\/report(\/|$)/.test(u)
		)
	).toEqual(['/en/report']);
});
