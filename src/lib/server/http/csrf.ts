// Cross-site request forgery defence for every state-changing request.
//
// SvelteKit's own check compares the Origin header, but our pages send `Referrer-Policy:
// no-referrer`, under which browsers send `Origin: null` with form posts (Fetch §3.1
// "serializing a request origin"). So we accept a request only when the browser says it is
// same-origin (Sec-Fetch-Site, sent by every current browser) or its Origin is ours.
// A `null` origin is refused. A request with neither header is not from a browser (browsers send
// Origin with every POST), so it carries no victim's cookies: allowed for the machine API under
// /api/v1, refused everywhere else.
//
// Old browsers (Safari before 16.4, Android WebViews before Chromium 76) send no Sec-Fetch-Site,
// and their form posts carry `Origin: null` under no-referrer. For them a marker cookie decides:
// it is SameSite=Strict, so the browser sends it only with requests a page of our own site
// started (RFC 6265bis §5.6.7.2); every browser without Sec-Fetch-Site still in use honours
// SameSite. Its value is the same for everyone, so it identifies no one. A page on a sibling
// subdomain counts as same-site: deploy where no untrusted site shares the registrable domain.
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The same-site marker cookie, set on page loads that do not carry it yet. */
export const MARK = 'wegwijs_same_site';

export function markOptions(url: URL) {
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'strict' as const,
		secure: url.protocol === 'https:',
		maxAge: 365 * 24 * 60 * 60
	};
}

export function hasMark(request: Request): boolean {
	const cookie = request.headers.get('cookie') ?? '';
	return cookie.split(';').some((c) => c.trim() === `${MARK}=1`);
}

export function allowed(request: Request, url: URL): boolean {
	if (SAFE.has(request.method)) return true;
	const site = request.headers.get('sec-fetch-site');
	if (site !== null) return site === 'same-origin';
	const origin = request.headers.get('origin');
	// A real origin is compared strictly, so another site is refused even with the marker.
	if (origin !== null && origin !== 'null') return origin === url.origin;
	if (hasMark(request)) return true;
	return origin === null && url.pathname.startsWith('/api/v1/');
}
