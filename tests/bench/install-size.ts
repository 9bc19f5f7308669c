// What installing the app and updating it cost a worker's phone (issue #15): every file the
// service worker downloads, each gzipped at level 9 and summed, as js-size.ts measures scripts.
// The update is real: a copy of the project with one changed line is built, served on the same
// port and data directory, and the installed service worker updates to it.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { chromium, type BrowserContext, type Page } from '@playwright/test';
import * as webServer from '../e2e/server.ts';
import { freePort } from '../integration/pg-server.ts';

export interface Download {
	gzip: number;
	/** largest first */
	files: Array<{ url: string; gzip: number }>;
}

/** The one-line change the update carries: a photo's longest side before upload. */
const EDIT = {
	file: 'src/lib/report/outbox.ts',
	from: 'const MAX_SIDE = 2560;',
	to: 'const MAX_SIDE = 2048;'
};
const COPIED = [
	'src',
	'static',
	'messages',
	'migrations',
	'package.json',
	'server.js',
	'svelte.config.js',
	'vite.config.ts'
];

/** A copy of the project with EDIT applied, built; node_modules is shared through a link. */
export function buildEdited(root: string, log: string): string {
	const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijs-update-'));
	for (const name of COPIED)
		fs.cpSync(path.join(root, name), path.join(copy, name), { recursive: true });
	for (const name of ['tsconfig.json'])
		fs.copyFileSync(path.join(root, name), path.join(copy, name));
	fs.symlinkSync(path.join(root, 'node_modules'), path.join(copy, 'node_modules'));
	const file = path.join(copy, EDIT.file);
	const text = fs.readFileSync(file, 'utf8');
	if (!text.includes(EDIT.from)) throw new Error(`${EDIT.file} no longer has "${EDIT.from}"`);
	fs.writeFileSync(file, text.replace(EDIT.from, EDIT.to));
	const fd = fs.openSync(log, 'w');
	const r = spawnSync('npm', ['run', 'build'], {
		cwd: copy,
		env: { ...process.env, PATH: `${root}/node_modules/.bin:${process.env.PATH}` },
		stdio: ['ignore', fd, fd],
		timeout: 5 * 60_000
	});
	fs.closeSync(fd);
	if (r.status !== 0) throw new Error(`build of the edited copy failed, see ${log}`);
	return copy;
}

/** The version the active service worker prepared (its start copies), once it has. */
async function preparedVersion(page: Page, locale: string, not?: string): Promise<string> {
	const deadline = Date.now() + 60_000;
	for (;;) {
		const version = await page.evaluate(
			async ([l, old]) => {
				const reg = await navigator.serviceWorker.getRegistration();
				if (!reg?.active || reg.installing || reg.waiting) return null;
				const names = (await caches.keys()).filter((k) => k.startsWith('start-') && k !== old);
				// Activation has dropped the old version's copies: exactly one left, complete.
				if (names.length !== 1) return null;
				return (await (await caches.open(names[0])).match(`/${l}/offline`)) ? names[0] : null;
			},
			[locale, not ?? ''] as const
		);
		if (version) return version;
		if (Date.now() > deadline) throw new Error('the service worker did not finish installing');
		await new Promise((r) => setTimeout(r, 250));
	}
}

/** Records every request the service worker (or the browser for it) makes. */
function recorder(context: BrowserContext, origin: string) {
	let urls = new Set<string>();
	context.on('request', (r) => {
		const url = new URL(r.url());
		if (url.origin !== origin) return;
		if (r.serviceWorker() || url.pathname === '/service-worker.js')
			urls.add(url.pathname + url.search);
	});
	return {
		take() {
			const taken = [...urls];
			urls = new Set();
			return taken;
		}
	};
}

async function sizes(base: string, urls: string[]): Promise<Download> {
	const files = await Promise.all(
		urls.map(async (url) => {
			const r = await fetch(base + url);
			if (!r.ok) throw new Error(`${url}: HTTP ${r.status}`);
			return { url, gzip: gzipSync(Buffer.from(await r.arrayBuffer()), { level: 9 }).length };
		})
	);
	files.sort((a, b) => b.gzip - a.gzip);
	return { gzip: files.reduce((n, f) => n + f.gzip, 0), files };
}

/** First install on a visit to `/${locale}`, then the update to `edited`'s build. */
export async function installAndUpdate(
	root: string,
	edited: string,
	locale: string,
	env: Record<string, string>
): Promise<{ install: Download; update: Download }> {
	const port = await freePort();
	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijs-install-'));
	const browser = await chromium.launch({
		executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-background-networking',
			'--disable-dev-shm-usage'
		]
	});
	let server = await webServer.start({ port, dataDir, env });
	try {
		const context = await browser.newContext();
		const page = await context.newPage();
		await page.goto(`${server.url}/${locale}`, { waitUntil: 'networkidle' });
		const first = await preparedVersion(page, locale);
		// What the first visit left on the phone: everything the service worker keeps, and itself.
		const kept = await page.evaluate(async () => {
			const urls = new Set<string>(['/service-worker.js']);
			for (const name of await caches.keys())
				for (const r of await (await caches.open(name)).keys())
					urls.add(new URL(r.url).pathname + new URL(r.url).search);
			return [...urls];
		});
		const install = await sizes(server.url, kept);
		// From here on no page loads anything: what is requested is the update.
		const requests = recorder(context, server.url);

		await server.stop();
		server = await webServer.start({ port, dataDir, env, root: edited });
		await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.update());
		await preparedVersion(page, locale, first);
		const update = await sizes(server.url, requests.take());
		await context.close();
		return { install, update };
	} finally {
		await server.stop();
		await browser.close();
		fs.rmSync(dataDir, { recursive: true, force: true });
	}
}
