// Security headers on every response (CSP itself comes from kit.csp in svelte.config.js).
import type { RequestEvent } from '@sveltejs/kit';
import { isPrivate, isPublicData } from '$lib/shell/private-routes';

const PERMISSIONS_POLICY = [
	'accelerometer=()',
	'autoplay=()',
	'camera=()',
	'display-capture=()',
	'encrypted-media=()',
	'fullscreen=(self)',
	'geolocation=()',
	'gyroscope=()',
	'magnetometer=()',
	'microphone=()',
	'midi=()',
	'payment=()',
	'usb=()',
	'interest-cohort=()'
].join(', ');

export function apply(event: RequestEvent, response: Response): void {
	const h = response.headers;
	// Some responses (e.g. fetch() passthroughs) have immutable headers; those carry their own.
	try {
		h.set('Referrer-Policy', 'no-referrer');
		h.set('X-Content-Type-Options', 'nosniff');
		// The report form and the map may ask for the location, only when the worker taps for it.
		const asksLocation = /^\/[a-z]{2}\/(report|map)$/.test(event.url.pathname);
		h.set(
			'Permissions-Policy',
			asksLocation
				? PERMISSIONS_POLICY.replace('geolocation=()', 'geolocation=(self)')
				: PERMISSIONS_POLICY
		);
		h.set('Cross-Origin-Opener-Policy', 'same-origin');
		h.set('Cross-Origin-Resource-Policy', 'same-origin');
		h.set('X-Frame-Options', 'DENY');
		if (!h.has('Content-Security-Policy')) {
			// Non-page responses (JSON, files) get a locked-down policy of their own.
			h.set('Content-Security-Policy', "default-src 'none'; frame-ancestors 'none'; sandbox");
		}
		if (event.url.protocol === 'https:') {
			h.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
		}
		if (isPrivate(event.url.pathname) && !isPublicData(event.url.pathname)) {
			h.set('Cache-Control', 'no-store');
		}
		if (endsSession(event)) h.set('Clear-Site-Data', CLEAR_SESSION);
	} catch {
		// immutable headers: nothing to add
	}
}

// Ending a session (staff logout, follow-up "leave", the quick-exit landing page) also drops what
// the browser kept of its pages beyond the cookie: prefetched and prerendered copies (W3C Clear
// Site Data). Never "cookies", "storage" or "cache": they would take the worker's language choice,
// the offline app and its guides with them, which belong to no session.
export const CLEAR_SESSION = '"prefetchCache", "prerenderCache"';

function endsSession(event: RequestEvent): boolean {
	const id = event.route.id;
	const post = event.request.method === 'POST';
	if (id === '/staff/logout') return post;
	if (id === '/[locale=locale]/report/follow-up')
		return post && event.url.searchParams.has('/leave');
	return id === '/[locale=locale]/today';
}
