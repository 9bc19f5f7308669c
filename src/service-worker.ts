/// <reference types="@sveltejs/kit" />
/// <reference no-default-lib="true"/>
/// <reference lib="esnext" />
/// <reference lib="webworker" />
// Offline support. Anonymity rule: nothing under /staff, /api or any report route is ever put in a
// cache — those requests are not even intercepted, so the browser's own no-store applies.
import { build, files, version } from '$service-worker';
import { locales } from '$lib/paraglide/runtime.js';
import { isPrivate } from '$lib/shell/private-routes';
import { UUID } from '$lib/shell/uuid';

const sw = self as unknown as ServiceWorkerGlobalScope;
// Build files carry a content hash in their name, so a name never changes meaning: they are kept
// across versions, and an update downloads only the files whose names are new (issue #15).
const ASSETS = 'assets';
const hashed = new Set(build);
// Files from static/ have no hash: kept per version, and only those a page asks for.
const SHELL = `shell-${version}`;
const statics = new Set(files.filter((f) => !f.startsWith('/icons/apple')));
const PAGES = `pages-${version}`;
// Pages a worker asked to keep (guides, glossary, their gemeente's welcome information). Versioned
// like the shell, so an update never serves a page whose scripts are gone; they are saved again
// on the next visit.
const OFFLINE = `offline-${version}`;
const MAX_OFFLINE = 40;
const MAX_PAGES = 60;
// Place pages of the region, fetched ahead when the worker opens the list (issue #5: the list and
// every place page work offline after the first visit). Versioned like PAGES: their HTML points to
// this build's assets.
const PLACES = `places-${version}`;
const MAX_PLACES = 300;
const PLACE_PAGE = new RegExp(`^/[a-z]{2}/places/${UUID.source.slice(1, -1)}$`, 'i');
// The map's points, kept like a page so the map still shows its markers offline.
const MAP_POINTS = /^\/[a-z]{2}\/map\/points\.json$/;
const REWARM_MS = 12 * 60 * 60 * 1000;
// What a worker needs to start offline after one visit (issue #15): the start page, an empty
// report form, the page saying that follow-up needs a connection and the offline page, in their
// language, with the build files these pages load — nothing of other languages, no staff code.
// Fetched without cookies, so these copies hold nothing anyone typed or received; the report form
// makes its submission key on the device. Nothing else under a report route is ever stored.
const START = `start-${version}`;
const startCopies = (l: string) => ({
	home: `/${l}`,
	report: `/${l}/report`,
	followUp: `/${l}/offline?for=follow-up`,
	offline: `/${l}/offline`
});
// Map tiles the worker has looked at; not versioned, they outlive an app update.
const TILES = 'tiles-1';
const MAX_TILES = 400;

const isLocale = (l: string | undefined) => locales.includes(l as never);
const localeOf = (pathname: string) => pathname.split('/')[1];

/**
 * Build and static files a page loads: its styles and scripts from the HTML, and everything they
 * import from the Link header (SvelteKit lists its modulepreloads there).
 */
async function linkedFiles(response: Response, page: string): Promise<string[]> {
	const base = new URL(page, sw.location.origin);
	const html = await response.clone().text();
	const header = response.headers.get('link') ?? '';
	return [
		...html.matchAll(/(?:href|src)="([^"]+)"|import\("([^"]+)"\)/g),
		...header.matchAll(/<([^>]+)>/g)
	]
		.map((m) => new URL((m[1] ?? m[2]).replaceAll('&amp;', '&'), base))
		.filter((u) => u.origin === base.origin)
		.map((u) => u.pathname)
		.filter((p) => hashed.has(p) || statics.has(p));
}

/** Puts into `cache` those of `paths` it does not hold yet. */
async function fill(name: string, paths: Iterable<string>): Promise<void> {
	const cache = await caches.open(name);
	const held = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
	await Promise.all([...paths].filter((p) => !held.has(p)).map((p) => cache.add(p)));
}

/**
 * Keeps the start copies of one language and the build files they load, once per version. The
 * copies are stored last: a start copy in the cache means its page works offline.
 */
async function prepare(locale: string): Promise<void> {
	const start = await caches.open(START);
	const fetched: Array<[string, Response]> = [];
	const needed: string[] = [];
	for (const u of Object.values(startCopies(locale))) {
		let copy = await start.match(u);
		if (!copy) {
			const response = await fetch(u, { credentials: 'omit' });
			if (!response.ok) throw new Error(`${u}: ${response.status}`);
			fetched.push([u, response.clone()]);
			copy = response;
		}
		needed.push(...(await linkedFiles(copy, u)));
	}
	await keepFiles(needed);
	for (const [u, response] of fetched) await start.put(u, response);
}

/** Keeps the build and static files among `paths`. */
async function keepFiles(paths: string[]): Promise<void> {
	await fill(
		ASSETS,
		paths.filter((p) => hashed.has(p))
	);
	await fill(
		SHELL,
		paths.filter((p) => statics.has(p))
	);
}

/**
 * The languages to prepare at install: those of the worker pages open now (the page that
 * registered this worker), and those an earlier version had prepared (an update).
 */
async function wantedLocales(): Promise<string[]> {
	const windows = await sw.clients.matchAll({ type: 'window', includeUncontrolled: true });
	const found = windows.map((w) => localeOf(new URL(w.url).pathname));
	for (const name of await caches.keys()) {
		if (!name.startsWith('start-')) continue;
		const keys = await (await caches.open(name)).keys();
		found.push(...keys.map((r) => localeOf(new URL(r.url).pathname)));
	}
	return [...new Set(found.filter(isLocale))];
}

sw.addEventListener('install', (event) => {
	event.waitUntil(
		wantedLocales()
			.then((ls) => Promise.all(ls.map(prepare)))
			.then(() => sw.skipWaiting())
	);
});

sw.addEventListener('activate', (event) => {
	event.waitUntil(
		caches
			.keys()
			.then((keys) =>
				Promise.all(
					keys
						.filter((k) => ![SHELL, ASSETS, PAGES, OFFLINE, PLACES, TILES, START].includes(k))
						.map((k) => caches.delete(k))
				)
			)
			.then(() => dropStale())
			.then(() => sw.clients.claim())
	);
});

/** Build files the current version no longer names. */
async function dropStale(): Promise<void> {
	const cache = await caches.open(ASSETS);
	for (const r of await cache.keys())
		if (!hashed.has(new URL(r.url).pathname)) await cache.delete(r);
}

/** Build and static files: from the cache, else from the network and kept for next time. */
async function file(request: Request, name: string): Promise<Response> {
	const cache = await caches.open(name);
	const hit = await cache.match(request, { ignoreSearch: true });
	if (hit) return hit;
	const response = await fetch(request);
	if (response.ok) await cache.put(request, response.clone());
	return response;
}

async function trim(cache: Cache, max = MAX_PAGES): Promise<void> {
	const keys = await cache.keys();
	for (const key of keys.slice(0, Math.max(0, keys.length - max))) await cache.delete(key);
}

async function tile(request: Request): Promise<Response> {
	const cache = await caches.open(TILES);
	const hit = await cache.match(request);
	if (hit) return hit;
	try {
		const response = await fetch(request);
		if (response.ok) {
			await cache.put(request, response.clone());
			await trim(cache, MAX_TILES);
		}
		return response;
	} catch {
		// Offline: the map keeps its plain background where this tile would be.
		return new Response(null, { status: 503 });
	}
}

/** Fetches place pages not cached in the last 12 hours, one at a time, into a bounded cache. */
async function warm(urls: string[]): Promise<void> {
	const cache = await caches.open(PLACES);
	// Every place page loads the same scripts: kept once, from the first page fetched.
	let filesKept = false;
	for (const url of urls) {
		const cached = await caches.match(url);
		const age = Date.now() - new Date(cached?.headers.get('date') ?? 0).getTime();
		if (cached && age < REWARM_MS) continue;
		try {
			const response = await fetch(url, { credentials: 'omit' });
			if (!response.ok) continue;
			if (!filesKept) await keepFiles(await linkedFiles(response, url));
			filesKept = true;
			await cache.put(url, response);
		} catch {
			return;
		}
	}
	await trim(cache, MAX_PLACES);
}

sw.addEventListener('message', (event) => {
	const data = event.data as { type?: unknown; urls?: unknown } | null;
	if (data?.type !== 'warm-places' || !Array.isArray(data.urls)) return;
	const urls = data.urls
		.filter((u): u is string => typeof u === 'string' && PLACE_PAGE.test(u))
		.slice(0, MAX_PLACES);
	event.waitUntil(warm(urls));
});

async function page(request: Request, url: URL): Promise<Response> {
	const cache = await caches.open(PAGES);
	try {
		const response = await fetch(request);
		const cacheable =
			response.ok && !/no-store|private/.test(response.headers.get('cache-control') ?? '');
		if (cacheable) {
			await cache.put(request, response.clone());
			await trim(cache);
		}
		return response;
	} catch {
		// A page's data (__data.json) is asked for with a query naming what changed; a full copy
		// answers any of them.
		const ignoreSearch = url.pathname.endsWith('/__data.json');
		const cached =
			(await cache.match(request, { ignoreSearch })) ??
			(await caches.match(request, { ignoreSearch }));
		if (cached) return cached;
		return offlinePage(localeOf(url.pathname));
	}
}

sw.addEventListener('fetch', (event) => {
	const { request } = event;
	if (request.method !== 'GET') return;
	const url = new URL(request.url);
	if (url.origin !== sw.location.origin) return;
	// Before following a link the app asks the server which route it leads to (server-side route
	// resolution). Offline that question fails and the tap would do nothing; an empty answer makes
	// the app load the page the ordinary way, which the rules below answer from the cache or with
	// the offline page. Never stored, so the report routes' rule (never cached) holds for these too.
	if (url.pathname.endsWith('/__route.js')) {
		event.respondWith(
			fetch(request).catch(
				() => new Response('', { headers: { 'content-type': 'text/javascript; charset=utf-8' } })
			)
		);
		return;
	}
	if (isPrivate(url.pathname)) {
		// Offline, a tap on a worker's private page (report, follow-up, survey) gets the empty
		// form or the offline page instead of the browser's error page. Online it goes straight
		// to the network, and its answer is never stored.
		const locale = localeOf(url.pathname);
		if (request.mode === 'navigate' && isLocale(locale))
			event.respondWith(fetch(request).catch(() => privateOffline(url, locale)));
		return;
	}

	if (url.pathname.startsWith('/tiles/')) {
		event.respondWith(tile(request));
		return;
	}
	if (hashed.has(url.pathname) || statics.has(url.pathname)) {
		const name = hashed.has(url.pathname) ? ASSETS : SHELL;
		// Staff pages' code is never kept on a phone; their requests go straight to the network.
		event.respondWith(
			sw.clients
				.get(event.clientId)
				.then((c) =>
					c && new URL(c.url).pathname.startsWith('/staff') ? fetch(request) : file(request, name)
				)
		);
		return;
	}
	if (
		request.mode === 'navigate' ||
		url.pathname.endsWith('/__data.json') ||
		MAP_POINTS.test(url.pathname)
	) {
		event.respondWith(page(request, url));
	}
});

async function privateOffline(url: URL, locale: string): Promise<Response> {
	const start = await caches.open(START);
	const copies = startCopies(locale);
	const copy =
		url.pathname === copies.report
			? await start.match(copies.report)
			: url.pathname === `/${locale}/report/follow-up`
				? await start.match(copies.followUp)
				: undefined;
	return copy ?? offlinePage(locale);
}

/** The offline page in the worker's language, or in a language this phone has prepared. */
async function offlinePage(locale: string): Promise<Response> {
	const own = isLocale(locale) ? await caches.match(startCopies(locale).offline) : undefined;
	if (own) return own;
	const start = await caches.open(START);
	const any = (await start.keys()).find((r) =>
		/^\/[a-z]{2}\/offline$/.test(new URL(r.url).pathname)
	);
	return (any && (await start.match(any))) ?? Response.error();
}

sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; locale?: unknown } | null;
	if (data?.type !== 'warm-start' || !locales.includes(data.locale as never)) return;
	// A language chosen after install: prepared the same way.
	event.waitUntil(prepare(data.locale as string).catch(() => {}));
});

/** Same-origin worker pages only: a message can never make us store a private route. */
function offlineUrls(value: unknown): string[] {
	if (!Array.isArray(value)) return [];
	return value
		.filter((u): u is string => typeof u === 'string' && /^\/[a-z]{2}(\/[a-z0-9-]+)*$/.test(u))
		.filter((u) => !isPrivate(u))
		.slice(0, MAX_OFFLINE);
}

async function saveOffline(urls: string[]): Promise<boolean> {
	const cache = await caches.open(OFFLINE);
	const results = await Promise.allSettled(
		urls
			.flatMap((u) => [u, `${u}/__data.json`])
			.map(async (u) => {
				const response = await fetch(u, { credentials: 'omit' });
				// SvelteKit marks every __data.json "private, no-store"; these are public worker
				// pages fetched without cookies, so their data is as shareable as their HTML.
				const data = u.endsWith('/__data.json');
				const refused = /no-store|private/.test(response.headers.get('cache-control') ?? '');
				if (!response.ok || (refused && !data)) throw new Error(`${u}: ${response.status}`);
				// A kept page opens offline only with the scripts and styles it loads.
				if (!data) await keepFiles(await linkedFiles(response, u));
				await cache.put(u, response);
			})
	);
	return results.every((r) => r.status === 'fulfilled');
}

sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; urls?: unknown } | null;
	if (data?.type !== 'save-offline') return;
	const port = event.ports[0];
	event.waitUntil(
		saveOffline(offlineUrls(data.urls)).then(
			(saved) => port?.postMessage({ saved }),
			() => port?.postMessage({ saved: false })
		)
	);
});

// Web push: the payload is a fixed text (title, body, where a tap leads) and nothing else. Any
// other payload shows nothing beyond the app's name, so a malformed message never leaks data.
interface PushPayload {
	title: string;
	body: string;
	url: string;
}

function readPush(event: PushEvent): PushPayload | null {
	try {
		const p = event.data?.json() as Partial<PushPayload> | undefined;
		if (typeof p?.title !== 'string' || typeof p.body !== 'string') return null;
		// Only a path on this site: a push can never send the worker elsewhere.
		const url = typeof p.url === 'string' && /^\/[a-z]/.test(p.url) ? p.url : '/';
		return { title: p.title, body: p.body, url };
	} catch {
		return null;
	}
}

sw.addEventListener('push', (event) => {
	const p = readPush(event) ?? { title: 'Wegwijs', body: '', url: '/' };
	event.waitUntil(
		sw.registration.showNotification(p.title, {
			body: p.body,
			icon: '/icons/icon-192.png',
			// One notification per destination: a second reply replaces the first, it does not pile up.
			tag: p.url,
			data: { url: p.url }
		})
	);
});

sw.addEventListener('notificationclick', (event) => {
	event.notification.close();
	const url = (event.notification.data as { url?: string } | null)?.url ?? '/';
	event.waitUntil(
		sw.clients.matchAll({ type: 'window', includeUncontrolled: true }).then((windows) => {
			const open = windows.find((w) => new URL(w.url).pathname === url);
			return open ? open.focus() : sw.clients.openWindow(url);
		})
	);
});
