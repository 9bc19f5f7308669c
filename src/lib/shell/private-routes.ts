// Routes whose responses are never stored: not by the browser (Cache-Control: no-store), not by a
// proxy, and not by our service worker. Shared by the server headers and the service worker.
export function isPrivate(raw: string): boolean {
	const pathname = decodedPath(raw);
	return (
		pathname === '/staff' ||
		pathname.startsWith('/staff/') ||
		pathname.startsWith('/api/') ||
		/^\/[a-z]{2}\/report(\/|$)/.test(pathname) ||
		// Quick exit lands here and ends the follow-up session: a cached copy would skip that.
		/^\/[a-z]{2}\/today$/.test(pathname) ||
		// Sets the language cookie and redirects: a cached answer would skip the cookie.
		/^\/[a-z]{2}\/language\/choose$/.test(pathname) ||
		// Survey and feedback forms carry a one-off submission key: never served from a cache.
		/^\/[a-z]{2}\/(survey|feedback)(\/|$)/.test(pathname)
	);
}

/** Public data under /api that browsers and proxies may cache (it sets its own Cache-Control). */
export function isPublicData(pathname: string): boolean {
	return decodedPath(pathname) === '/api/v1/facilities';
}

/**
 * The path as the router reads it: SvelteKit decodes percent-escapes before matching a route, so
 * /pl/%72eport reaches the report page and must be judged as /pl/report (issue #17).
 */
export function decodedPath(pathname: string): string {
	try {
		return decodeURIComponent(pathname);
	} catch {
		return pathname;
	}
}
