// Lighthouse mobile scores (its default: a mid-range phone on a slow 4G link, simulated) with
// Debian's Chromium. One browser for all pages; each page gets a fresh Lighthouse run.
import fs from 'node:fs';
import path from 'node:path';
import * as chromeLauncher from 'chrome-launcher';
import lighthouse from 'lighthouse';

export interface Scores {
	performance: number;
	accessibility: number;
	/** The metrics behind the performance score, to see what to fix when it falls. */
	metrics: string;
}

const METRICS: Array<[string, string, (v: number) => string]> = [
	['first-contentful-paint', 'FCP', (v) => `${(v / 1000).toFixed(1)} s`],
	['largest-contentful-paint', 'LCP', (v) => `${(v / 1000).toFixed(1)} s`],
	['total-blocking-time', 'TBT', (v) => `${Math.round(v)} ms`],
	['cumulative-layout-shift', 'CLS', (v) => v.toFixed(2)],
	['speed-index', 'SI', (v) => `${(v / 1000).toFixed(1)} s`]
];

/** Scores per page; each page's full report is written to `reports/` to see what a score is made of. */
export async function scores(
	base: string,
	pages: string[],
	reports: string
): Promise<Record<string, Scores>> {
	fs.mkdirSync(reports, { recursive: true });
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
			const file = page.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root';
			fs.writeFileSync(path.join(reports, `${file}.json`), JSON.stringify(result.lhr));
			const c = result.lhr.categories;
			if (result.lhr.runtimeError) throw new Error(`${page}: ${result.lhr.runtimeError.message}`);
			out[page] = {
				performance: Math.round((c.performance.score ?? 0) * 100),
				accessibility: Math.round((c.accessibility.score ?? 0) * 100),
				metrics: METRICS.map(
					([id, name, show]) => `${name} ${show(result.lhr.audits[id]?.numericValue ?? NaN)}`
				).join(', ')
			};
		}
	} finally {
		chrome.kill();
	}
	return out;
}
