import {
	type Handle,
	type RequestEvent,
	type HandleServerError,
	type ServerInit
} from '@sveltejs/kit';
import { sequence } from '@sveltejs/kit/hooks';
import { dir, isLocale, match } from '$lib/i18n/locales';
import { isStaffLocale } from '$lib/i18n/staff';
import * as adminSocket from '$lib/server/app/admin-socket';
import * as auth from '$lib/server/staff/auth';
import * as bodies from '$lib/server/http/body';
import * as cli from '$lib/server/app/cli';
import * as compress from '$lib/server/http/compress';
import * as csrf from '$lib/server/http/csrf';
import * as database from '$lib/server/platform/db';
import * as disk from '$lib/server/platform/disk';
import * as headers from '$lib/server/http/headers';
import { text as message } from '$lib/server/i18n/messages';
import * as requestLog from '$lib/server/http/request-log';
import * as routeResolution from '$lib/server/staff/route-resolution';
import * as jobs from '$lib/server/app/jobs';
import * as staffLanguage from '$lib/server/staff/language';
import { log } from '$lib/server/platform/log';
import { RULES, caller, decide } from '$lib/server/staff/route-access';
import { decodedPath } from '$lib/shell/private-routes';
import * as sessions from '$lib/server/staff/session';
import * as startup from '$lib/server/app/startup';

export const init: ServerInit = async () => {
	await startup.start();
	// server.js asks it before SvelteKit answers a `…/__route.js` request, which no hook sees.
	routeResolution.register(() => database.get().db);
	const { db, kind } = database.get();
	if (kind === 'pglite') adminSocket.listen(db, cli.run);
	await jobs.start(db);
	// Reporter requests are logged as hourly totals only (see request-log.ts).
	setInterval(() => {
		const counts = requestLog.takeCounts();
		if (counts.length > 0) log.info({ counts }, 'reporter requests in the last hour');
	}, 60 * 60_000).unref();
	// adapter-node emits this on SIGTERM/SIGINT once requests are done: stop the job workers, then
	// close the database cleanly (PGlite flushes to disk) so the next start finds it whole.
	process.once('sveltekit:shutdown', () => void jobs.stop().finally(() => database.close()));
};

const locale: Handle = async ({ event, resolve }) => {
	const first = event.url.pathname.split('/')[1];
	event.locals.locale = isLocale(first)
		? first
		: (match(event.request.headers.get('accept-language')) as App.Locals['locale']);
	// A signed-in user's own setting (set by `session`) wins over the cookie.
	event.locals.staffLocale ??= staffLanguage.chosen(event.cookies) ?? 'nl';

	const path = decodedPath(event.url.pathname);
	const isStaff = path === '/staff' || path.startsWith('/staff/');
	return resolve(event, {
		// Read when the page is rendered: the account page's language action changes staffLocale.
		transformPageChunk: ({ html }) => {
			const lang = isStaff ? event.locals.staffLocale : event.locals.locale;
			return html.replace('%lang%', lang).replace('%dir%', dir(lang));
		}
	});
};

const session: Handle = async ({ event, resolve }) => {
	event.locals.user = null;
	event.locals.session = null;
	// Only staff routes have sessions; the worker side never reads or sets a staff cookie.
	if (decodedPath(event.url.pathname).startsWith('/staff')) {
		const token = event.cookies.get(auth.cookieName(event.url));
		if (token) {
			const { db } = database.get();
			const result = await sessions.validate(db, token);
			if (result) {
				event.locals.session = result.session;
				event.locals.user = result.user;
				if (isStaffLocale(result.user.locale)) {
					event.locals.staffLocale = result.user.locale;
				}
				auth.setCookie(event, token);
			} else {
				auth.deleteCookie(event);
			}
		}
	}
	return resolve(event);
};

const secure: Handle = async ({ event, resolve }) => {
	const started = performance.now();
	let response: Response;
	// Old browsers' forms need the same-site marker (see csrf.ts); set once, on a page load.
	if (event.request.method === 'GET' && !event.url.pathname.startsWith('/api/')) {
		if (!csrf.hasMark(event.request))
			event.cookies.set(csrf.MARK, '1', csrf.markOptions(event.url));
	}
	try {
		if (!csrf.allowed(event.request, event.url)) {
			response = new Response('Cross-site requests are refused.', {
				status: 403,
				headers: { 'content-type': 'text/plain' }
			});
		} else if (
			!isFormAction(event) &&
			bodies.declaredTooLarge(event.request, bodies.limitsFor(event.route.id))
		) {
			// OWASP ASVS 5.0 V2.4: only photo routes take large bodies; the rest are refused on
			// their declared length, before a byte is read (RFC 9110 15.5.14). Form actions do the
			// same themselves (http/body.ts), so the page can say it in the worker's language.
			// Drained unread, so the client sees the 413 rather than a reset connection.
			void event.request.body?.pipeTo(new WritableStream()).catch(() => undefined);
			response = tooLarge(event.url);
		} else {
			response = await resolve(event);
		}
	} catch (err) {
		if (!database.isUnavailable(err)) throw err;
		event.locals.unavailable = true;
		response = new Response('The service is unavailable for a moment. Try again soon.', {
			status: 503,
			headers: { 'content-type': 'text/plain; charset=utf-8' }
		});
	}
	// A database outage is not a bug: answer 503 with Retry-After (never 500), so clients and
	// the send-later outbox try again, and recover by themselves when the database is back.
	if (event.locals.unavailable) response = unavailable(event.url, response);
	headers.apply(event, response);
	response = await compress.gzipPublic(event.request, event.url, response);
	// Anonymity: the route id, never the URL (no query string) and never the client's address.
	const logged = requestLog.line({
		method: event.request.method,
		route: event.route.id ?? 'unmatched',
		status: response.status,
		ms: Math.round(performance.now() - started)
	});
	if (logged) log.info(logged, 'request');
	return response;
};

function unavailable(url: URL, response: Response): Response {
	const headers = new Headers(response.headers);
	headers.set('retry-after', '30');
	headers.set('cache-control', 'no-store');
	if (url.pathname.startsWith('/api/')) {
		// A new body: the old length must go, or clients wait for bytes that never come.
		headers.delete('content-length');
		headers.delete('content-encoding');
		headers.set('content-type', 'application/json');
		return new Response(JSON.stringify({ error: 'unavailable' }), {
			status: 503,
			headers
		});
	}
	return new Response(response.body, { status: 503, headers });
}

function isFormAction(event: RequestEvent): boolean {
	return event.request.method === 'POST' && RULES[event.route.id ?? '']?.actions !== undefined;
}

function tooLarge(url: URL): Response {
	const api = url.pathname.startsWith('/api/');
	return new Response(api ? JSON.stringify({ error: 'too_large' }) : 'Request body too large.', {
		status: 413,
		headers: { 'content-type': api ? 'application/json' : 'text/plain; charset=utf-8' }
	});
}

// Fail closed: a route without a rule in route-access.ts answers 404 (a test also catches it).

const READS = new Set(['GET', 'HEAD', 'OPTIONS']);

// The embedded database lives on DATA_DIR's disk: with too little room left it would hang for good,
// so writes wait (503 + Retry-After) while reads and /api/health go on, and resume by themselves.
const diskSpace: Handle = async ({ event, resolve }) => {
	if (READS.has(event.request.method) || database.get().kind !== 'pglite') return resolve(event);
	if (!disk.space().low) return resolve(event);
	void event.request.body?.pipeTo(new WritableStream()).catch(() => undefined);
	const headers = { 'retry-after': '300', 'cache-control': 'no-store' };
	if (event.url.pathname.startsWith('/api/')) {
		return new Response(JSON.stringify({ error: 'unavailable', reason: 'disk_low' }), {
			status: 503,
			headers: { ...headers, 'content-type': 'application/json' }
		});
	}
	const staff = event.url.pathname === '/staff' || event.url.pathname.startsWith('/staff/');
	const text = message(staff ? event.locals.staffLocale : event.locals.locale, 'error_disk_full');
	return new Response(text, {
		status: 503,
		headers: { ...headers, 'content-type': 'text/plain; charset=utf-8' }
	});
};

const guard: Handle = async ({ event, resolve }) => {
	const id = event.route.id;
	if (!id) return resolve(event);
	const rule = RULES[id];
	const isPage = rule?.page !== undefined || rule?.actions !== undefined;
	const action =
		[...event.url.searchParams.keys()].find((k) => k.startsWith('/'))?.slice(1) ?? null;
	const { user, session } = event.locals;
	const decision = decide(
		rule,
		{ method: event.request.method, action, isPage },
		caller(user, session)
	);
	// Answered, not thrown: a redirect or error thrown from a hook skips `secure` on its way out and
	// would leave without the security headers (issue #17).
	if (decision === 'login') {
		if (event.request.method === 'GET') {
			return redirectTo(event, `/staff/login?next=${encodeURIComponent(event.url.pathname)}`);
		}
		return refuse(event, 401, 'Sign in first');
	}
	if (decision === 'not_found') return refuse(event, 404, 'Not found');
	return resolve(event);
};

function redirectTo(event: RequestEvent, location: string): Response {
	// A client-side navigation asks for __data.json and expects kit's redirect object.
	if (event.isDataRequest) return Response.json({ type: 'redirect', location });
	return new Response(null, { status: 303, headers: { location } });
}

/** A page is the same error page as any unknown address; everything else gets JSON. */
async function refuse(event: RequestEvent, status: 401 | 404, text: string): Promise<Response> {
	const page = event.request.method === 'GET' && !event.isDataRequest;
	if (page && status === 404 && !event.url.pathname.startsWith('/api/')) {
		const unknown = await event.fetch(routeResolution.UNKNOWN_PAGE, {
			headers: { accept: 'text/html' }
		});
		// A copy: a fetched response's headers are immutable, and `secure` sets its own on it.
		return new Response(unknown.body, { status: 404, headers: new Headers(unknown.headers) });
	}
	return Response.json({ message: text }, { status });
}

export const handle = sequence(secure, session, locale, diskSpace, guard);

export const handleError: HandleServerError = ({ error, event, status, message }) => {
	if (database.isUnavailable(error)) {
		event.locals.unavailable = true;
		log.warn({ route: event.route.id }, 'database unavailable');
		return { message: 'Service Unavailable' };
	}
	// 4xx are expected (unknown page, bad input); only log unexpected errors, without request data.
	if (status >= 500) {
		log.error(
			{
				err:
					error instanceof Error
						? { name: error.name, message: error.message, stack: error.stack }
						: String(error),
				status
			},
			'unhandled error'
		);
	}
	return { message };
};
