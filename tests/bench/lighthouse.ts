// Lighthouse mobile scores (its default: a mid-range phone on a slow 4G link, simulated) with
// Debian's Chromium. One browser for all pages; each page gets three fresh Lighthouse runs and the
// median is reported.
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

/** Runs per page; the median performance score is reported. */
const RUNS = 3;

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
			// Scores move between runs on a shared machine; Lighthouse's own advice is the median of
			// several. The median run's report is the one kept.
			const runs: Array<{ score: Scores; lhr: unknown }> = [];
			// A run now and then fails to record its trace (Lighthouse's NO_NAVSTART); run again.
			for (let attempt = 1; runs.length < RUNS; attempt++) {
				const result = await lighthouse(base + page, {
					port: chrome.port,
					output: 'json',
					logLevel: 'error',
					onlyCategories: ['performance', 'accessibility']
				});
				if (!result) throw new Error(`${page}: no Lighthouse result`);
				const { lhr } = result;
				if (lhr.runtimeError) {
					if (attempt < 2 * RUNS) continue;
					throw new Error(`${page}: ${lhr.runtimeError.message}`);
				}
				runs.push({
					lhr,
					score: {
						performance: Math.round((lhr.categories.performance.score ?? 0) * 100),
						accessibility: Math.round((lhr.categories.accessibility.score ?? 0) * 100),
						metrics: METRICS.map(
							([id, name, show]) => `${name} ${show(lhr.audits[id]?.numericValue ?? NaN)}`
						).join(', ')
					}
				});
			}
			runs.sort((a, b) => a.score.performance - b.score.performance);
			const median = runs[Math.floor(runs.length / 2)];
			const file = page.replace(/[^a-z0-9]+/gi, '_').replace(/^_|_$/g, '') || 'root';
			fs.writeFileSync(path.join(reports, `${file}.json`), JSON.stringify(median.lhr));
			out[page] = {
				...median.score,
				metrics: `${median.score.metrics}; runs ${runs.map((r) => r.score.performance).join('/')}`
			};
		}
	} finally {
		chrome.kill();
	}
	return out;
}
