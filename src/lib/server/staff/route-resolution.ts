// Who may ask which code a staff link leads to. SvelteKit answers `…/__route.js` (server-side route
// resolution) in respond(), before any `handle` hook, so the guard in hooks.server.ts never sees
// it (issue #17). The production entry, server.js, asks this check first; `init` registers it.
import type { Db } from '../platform/db/index.ts';
import { isUnavailable } from '../platform/db/index.ts';
import { log } from '../platform/log.ts';
import { decodedPath } from '../../shell/private-routes.ts';
import { cookieName } from './auth.ts';
import { RULES, caller, decide, type Rule } from './route-access.ts';
import * as sessions from './session.ts';

/** Where server.js finds the check: a registry symbol, so the entry imports no app code. */
export const KEY = Symbol.for('wegwijs.routeResolution');

/** An address no route matches: kit renders its 404 page for it (the guard's 404 too). */
export const UNKNOWN_PAGE = '/staff/__not-found__';

// SvelteKit's suffix for a resolution request (runtime/pathname.js).
const SUFFIX = '/__route.js';

export interface Asked {
	/** The request's URL as SvelteKit reads it: the origin followed by the raw request target. */
	url: URL;
	cookie: string | undefined;
	/** Sec-Fetch-Dest: `script` when the app's own import() asks. */
	dest: string | undefined;
}

export type Check = (asked: Asked) => Promise<string | null>;

export function register(db: () => Db): void {
	const check: Check = (asked) => substitute(db(), asked);
	(globalThis as Record<symbol, unknown>)[KEY] = check;
}

/**
 * The address to answer instead, or null to let SvelteKit name the route. A staff route is named
 * only to whoever the guard would let load its page. Anyone else gets the 404 page of an unknown
 * address; the app's own import() gets SvelteKit's empty answer for an address without a route,
 * so it loads the link the ordinary way and the guard sends it to sign-in (a session that ended
 * while the page was open must not leave links that do nothing).
 */
export async function substitute(db: Db, { url, cookie, dest }: Asked): Promise<string | null> {
	if (!url.pathname.endsWith(SUFFIX)) return null;
	const path = decodedPath(url.pathname.slice(0, -SUFFIX.length));
	if (path !== '/staff' && !path.startsWith('/staff/')) return null;
	if (await allowed(db, ruleFor(path), token(cookie, cookieName(url)))) return null;
	return dest === 'script' ? UNKNOWN_PAGE + SUFFIX : UNKNOWN_PAGE;
}

async function allowed(
	db: Db,
	rule: Rule | undefined,
	token: string | undefined
): Promise<boolean> {
	const page = { method: 'GET', action: null, isPage: true };
	const anyone = decide(rule, page, null);
	if (anyone !== 'login') return anyone === 'allow';
	if (!token) return false;
	try {
		const found = await sessions.validate(db, token);
		return decide(rule, page, found && caller(found.user, found.session)) === 'allow';
	} catch (err) {
		// Fail closed: without the database no session can be shown to be valid.
		if (!isUnavailable(err)) log.error({ err: String(err) }, 'route resolution check failed');
		return false;
	}
}

// Route ids of the staff side as patterns, with the same param matchers (src/params) kit uses.
const matchers = import.meta.glob<{ match: (param: string) => boolean }>('/src/params/*.ts', {
	eager: true
});

function matcher(name: string): (param: string) => boolean {
	const found = matchers[`/src/params/${name}.ts`];
	if (!found) throw new Error(`no param matcher ${name}`);
	return found.match;
}

const STAFF_ROUTES = Object.entries(RULES)
	.filter(([id]) => id === '/staff' || id.startsWith('/staff/'))
	.map(([id, rule]) => ({
		rule,
		segments: id
			.split('/')
			.slice(1)
			.map((segment): ((part: string) => boolean) => {
				const param = /^\[\w+(?:=(\w+))?\]$/.exec(segment);
				if (!param) return (part) => part === segment;
				if (param[1]) return matcher(param[1]);
				return (part) => part !== '';
			})
	}));

/** The rule of the route this staff path leads to, or undefined when no route matches. */
export function ruleFor(path: string): Rule | undefined {
	const parts = path.replace(/\/$/, '').split('/').slice(1);
	return STAFF_ROUTES.find(
		({ segments }) => segments.length === parts.length && segments.every((ok, i) => ok(parts[i]))
	)?.rule;
}

function token(header: string | undefined, name: string): string | undefined {
	for (const pair of header?.split(';') ?? []) {
		const eq = pair.indexOf('=');
		if (eq > 0 && pair.slice(0, eq).trim() === name) return pair.slice(eq + 1).trim();
	}
	return undefined;
}
