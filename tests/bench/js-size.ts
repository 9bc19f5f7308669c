// JavaScript a first visit downloads: every same-origin script response of a page, each gzipped
// at level 9 and summed. A fresh browser context per page, service workers blocked, so no cache.
import { gzipSync } from 'node:zlib';
import { chromium } from '@playwright/test';

export interface Sizes {
	gzip: number;
	/** largest first */
	files: Array<{ url: string; gzip: number }>;
}

export async function scriptBytes(base: string, pages: string[]): Promise<Record<string, Sizes>> {
	const origin = new URL(base).origin;
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-dev-shm-usage'
		]
	});
	const out: Record<string, Sizes> = {};
	try {
		for (const pagePath of pages) {
			const context = await browser.newContext({ serviceWorkers: 'block' });
			const page = await context.newPage();
			const bodies = new Map<string, Promise<Buffer>>();
			page.on('response', (r) => {
				const url = r.url();
				if (r.request().resourceType() !== 'script' || new URL(url).origin !== origin) return;
				if (!bodies.has(url)) bodies.set(url, r.body());
			});
			const response = await page.goto(base + pagePath, {
				waitUntil: 'networkidle',
				timeout: 30_000
			});
			if (!response?.ok()) throw new Error(`${pagePath}: HTTP ${response?.status()}`);
			const files = await Promise.all(
				[...bodies].map(async ([url, body]) => ({
					url: new URL(url).pathname,
					gzip: gzipSync(await body, { level: 9 }).length
				}))
			);
			files.sort((a, b) => b.gzip - a.gzip);
			out[pagePath] = { gzip: files.reduce((n, f) => n + f.gzip, 0), files };
			await context.close();
		}
	} finally {
		await browser.close();
	}
	return out;
}
