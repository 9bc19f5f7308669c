// Lighthouse mobile scores (its default: a mid-range phone on a slow 4G link, simulated) with
// Debian's Chromium. One browser for all pages; each page gets a fresh Lighthouse run.
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface Scores {
	performance: number;
	accessibility: number;
}

export async function scores(base: string, pages: string[]): Promise<Record<string, Scores>> {
	const chrome = await chromeLauncher.launch({
		chromePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		chromeFlags: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage']
	});
	const out: Record<string, Scores> = {};
	try {
		for (const page of pages) {
			const result = await lighthouse(base + page, {
				port: chrome.port,
				output: 'json',
				logLevel: 'error',
				onlyCategories: ['performance', 'accessibility']
			});
			if (!result) throw new Error(`${page}: no Lighthouse result`);
			const c = result.lhr.categories;
			if (result.lhr.runtimeError) throw new Error(`${page}: ${result.lhr.runtimeError.message}`);
			out[page] = {
				performance: Math.round((c.performance.score ?? 0) * 100),
				accessibility: Math.round((c.accessibility.score ?? 0) * 100)
			};
		}
	} finally {
		chrome.kill();
	}
	return out;
}
