// Cross-site request forgery defence for every state-changing request.
//
// SvelteKit's own check compares the Origin header, but our pages send `Referrer-Policy:
// no-referrer`, under which browsers send `Origin: null` with form posts (Fetch §3.1
// "serializing a request origin"). So we accept a request only when the browser says it is
// same-origin (Sec-Fetch-Site, sent by every current browser) or its Origin is ours.
// A `null` origin is refused. A request with neither header is not from a browser (browsers send
// Origin with every POST), so it carries no victim's cookies: allowed for the machine API under
// /api/v1, refused everywhere else.
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);

export function allowed(request: Request, url: URL): boolean {
	if (SAFE.has(request.method)) return true;
	const site = request.headers.get('sec-fetch-site');
	if (site !== null) return site === 'same-origin';
	const origin = request.headers.get('origin');
	if (origin !== null) return origin === url.origin;
	return url.pathname.startsWith('/api/v1/');
}
