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
const SHELL = `shell-${version}`;
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
// report form and the page saying that follow-up needs a connection, in their language. Fetched
// without cookies, so these copies hold nothing anyone typed or received; the report form makes
// its submission key on the device. Nothing else under a report route is ever stored.
const START = `start-${version}`;
const startCopies = (l: string) => ({
	home: `/${l}`,
	report: `/${l}/report`,
	followUp: `/${l}/offline?for=follow-up`
});
// Map tiles the worker has looked at; not versioned, they outlive an app update.
const TILES = 'tiles-1';
const MAX_TILES = 400;

const offlinePages = locales.map((l) => `/${l}/offline`);
const precache = [...build, ...files.filter((f) => !f.startsWith('/icons/apple')), ...offlinePages];

sw.addEventListener('install', (event) => {
	event.waitUntil(
		caches
			.open(SHELL)
			.then((cache) => cache.addAll(precache))
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
						.filter((k) => ![SHELL, PAGES, OFFLINE, PLACES, TILES, START].includes(k))
						.map((k) => caches.delete(k))
				)
			)
			.then(() => sw.clients.claim())
	);
});

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
	for (const url of urls) {
		const cached = await caches.match(url);
		const age = Date.now() - new Date(cached?.headers.get('date') ?? 0).getTime();
		if (cached && age < REWARM_MS) continue;
		try {
			const response = await fetch(url, { credentials: 'omit' });
			if (response.ok) await cache.put(url, response);
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
		const locale = url.pathname.split('/')[1];
		const offline = locales.includes(locale as never) ? `/${locale}/offline` : '/en/offline';
		return (await caches.match(offline)) ?? Response.error();
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
		const locale = url.pathname.split('/')[1];
		if (request.mode === 'navigate' && locales.includes(locale as never))
			event.respondWith(fetch(request).catch(() => privateOffline(url, locale)));
		return;
	}

	if (url.pathname.startsWith('/tiles/')) {
		event.respondWith(tile(request));
		return;
	}
	if (precache.includes(url.pathname)) {
		event.respondWith(caches.match(url.pathname).then((r) => r ?? fetch(request)));
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
	return copy ?? (await caches.match(`/${locale}/offline`)) ?? Response.error();
}

/** Keeps the start copies of one language, once per app version. */
async function warmStart(locale: string): Promise<void> {
	const cache = await caches.open(START);
	const copies = Object.values(startCopies(locale));
	if ((await Promise.all(copies.map((u) => cache.match(u)))).every(Boolean)) return;
	for (const u of copies) {
		const response = await fetch(u, { credentials: 'omit' });
		if (response.ok) await cache.put(u, response);
	}
}

sw.addEventListener('message', (event) => {
	const data = event.data as { type?: string; locale?: unknown } | null;
	if (data?.type !== 'warm-start' || !locales.includes(data.locale as never)) return;
	event.waitUntil(warmStart(data.locale as string).catch(() => {}));
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
