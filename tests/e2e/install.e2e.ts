import { chromium, expect, test } from '@playwright/test';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

// Chromium reports installability only outside incognito, so this test opens its own persistent
// profile instead of the fixture's context.
test('the app is installable and no worker page requests anything that answers 4xx', async ({
	baseURL
}) => {
	const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'install-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-dev-shm-usage'
		],
		viewport: { width: 360, height: 740 },
		baseURL
	});
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		const failed: string[] = [];
		page.on('response', (r) => {
			const u = new URL(r.url());
			// Map tiles come from a source that is unreachable in tests; they are not the page's.
			if (r.status() >= 400 && !u.pathname.startsWith('/tiles/'))
				failed.push(`${r.status()} ${u.pathname}`);
		});
		await page.goto('/pl/map');
		const place = await page.locator('a[href^="/pl/places/"]').first().getAttribute('href');
		// Not /pl/today: quick exit lands there, a page with nothing of the app, manifest included.
		const pages = [
			'/pl',
			'/pl/report',
			'/pl/report/follow-up',
			'/pl/guides',
			'/pl/guides/registering',
			'/pl/map',
			place ?? '/pl/map',
			'/pl/welcome',
			'/pl/welcome/tiel',
			'/pl/more',
			'/pl/survey',
			'/pl/glossary',
			'/pl/language'
		];
		for (const p of pages) {
			await page.goto(p, { waitUntil: 'networkidle' });
			await expect(page.locator('link[rel="manifest"]')).toHaveCount(1);
			await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
				'href',
				'/pl/manifest.webmanifest'
			);
		}
		expect(failed).toEqual([]);

		await page.goto('/pl', { waitUntil: 'networkidle' });
		await page.evaluate(async () => {
			await navigator.serviceWorker.ready;
		});
		const cdp = await context.newCDPSession(page);
		const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
		expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
	} finally {
		await context.close();
		fs.rmSync(profile, { recursive: true, force: true });
	}
});
