import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { messages } from './helpers';

const root = path.resolve(import.meta.dirname, '../..');
const generated = path.join(root, '.svelte-kit/generated/client-optimized/nodes');
const viteManifest = path.join(root, '.svelte-kit/output/client/.vite/manifest.json');

type Manifest = Record<string, { file: string; imports?: string[] }>;

/** Build files only staff pages load: staff route nodes and what they import that nothing else does. */
function staffOnlyFiles(): string[] {
	const manifest = JSON.parse(fs.readFileSync(viteManifest, 'utf8')) as Manifest;
	const closure = (keys: string[]) => {
		const seen = new Set<string>();
		const visit = (k: string) => {
			if (seen.has(k) || !manifest[k]) return;
			seen.add(k);
			for (const i of manifest[k].imports ?? []) visit(i);
		};
		keys.forEach(visit);
		return new Set([...seen].map((k) => `/${manifest[k].file}`));
	};
	const nodes = Object.keys(manifest).filter((k) => k.includes('client-optimized/nodes/'));
	const isStaff = (k: string) =>
		fs.readFileSync(path.join(generated, path.basename(k)), 'utf8').includes('src/routes/staff/');
	const staff = closure(nodes.filter(isStaff));
	const rest = closure(Object.keys(manifest).filter((k) => !nodes.includes(k) || !isStaff(k)));
	return [...staff].filter((f) => !rest.has(f));
}

test('a first visit keeps only what a worker needs in their own language, no staff code', async ({
	page,
	request
}) => {
	const staffOnly = staffOnlyFiles();
	// The check below can only fail if there is staff code to find.
	expect(staffOnly.length).toBeGreaterThan(5);
	await page.goto('/pl');
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					const start = (await caches.keys()).find((k) => k.startsWith('start-'));
					return Boolean(start && (await (await caches.open(start)).match('/pl/offline')));
				}),
			{ timeout: 20_000 }
		)
		.toBe(true);
	const cached = await page.evaluate(async () => {
		const urls: string[] = [];
		for (const name of await caches.keys()) {
			for (const r of await (await caches.open(name)).keys()) urls.push(new URL(r.url).pathname);
		}
		return urls;
	});
	const files = cached.filter((u) => u.startsWith('/_app/'));
	// The report form's scripts are there, so it works offline: the plain ones it names
	// (csr = false, issue #15), with every module they import.
	const report = await (await request.get('/pl/report')).text();
	const named = [...report.matchAll(/(?:src|href)="(\/js\/[^"]+)"/g)].map((m) => m[1]);
	expect(named.sort()).toEqual(['/js/outbox.js', '/js/reading.js', '/js/report.js']);
	for (const js of named) {
		expect(cached).toContain(js);
		for (const [, dep] of (await (await request.get(js)).text()).matchAll(/from '\.\/([^']+)'/g))
			expect(named, `${js} imports ${dep}`).toContain(`/js/${dep}`);
	}
	expect(files.filter((f) => staffOnly.includes(f))).toEqual([]);
	// Pages: Polish only.
	const locales = ['pl', 'en', 'nl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];
	const pages = cached.filter((u) => locales.includes(u.split('/')[1]));
	expect(pages).toEqual(expect.arrayContaining(['/pl', '/pl/report', '/pl/offline']));
	expect(pages.filter((u) => !u.startsWith('/pl'))).toEqual([]);
	// No file holds another language's words.
	const pl = messages('pl');
	const others = ['en', 'nl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'].flatMap(
		(l) => {
			const m = messages(l);
			return ['home_title', 'report_send', 'offline_title']
				.filter((k) => m[k] !== pl[k])
				.map((k) => m[k]);
		}
	);
	for (const f of files.filter((f) => f.endsWith('.js'))) {
		const body = await (await request.get(f)).text();
		expect(
			others.filter((t) => body.includes(t)),
			f
		).toEqual([]);
	}
});
