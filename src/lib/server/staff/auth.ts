// Session cookie handling and the staff guards. Cookie: HttpOnly, SameSite=Lax, Path=/, and
// Secure with the __Host- prefix when served over https (ASVS 3.4).
import { error, redirect, type RequestEvent } from '@sveltejs/kit';
import { getRequestEvent } from '$app/server';
import { can, type Permission } from '../../staff/roles.ts';
import { IDLE_MS } from './session.ts';
import type { SessionUser } from './session.ts';

export function cookieName(url: URL): string {
	return url.protocol === 'https:' ? '__Host-wegwijs_session' : 'wegwijs_session';
}

export function setCookie(event: RequestEvent, token: string): void {
	event.cookies.set(cookieName(event.url), token, {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: event.url.protocol === 'https:',
		maxAge: IDLE_MS / 1000
	});
}

export function deleteCookie(event: RequestEvent): void {
	event.cookies.delete(cookieName(event.url), {
		httpOnly: true,
		sameSite: 'lax',
		path: '/',
		secure: event.url.protocol === 'https:'
	});
}

// The OIDC state also lives in a cookie of the browser that started the sign-in, so a callback
// carried to another browser (login CSRF, RFC 9700 §4.7.1) finds no match. Lax: the provider
// sends the browser back with a top-level GET.
const OIDC_STATE_COOKIE = 'wegwijs_oidc_state';
const OIDC_STATE_PATH = '/staff/login/oidc';

export function setOidcStateCookie(event: RequestEvent, state: string): void {
	event.cookies.set(OIDC_STATE_COOKIE, state, {
		httpOnly: true,
		sameSite: 'lax',
		path: OIDC_STATE_PATH,
		secure: event.url.protocol === 'https:',
		maxAge: 10 * 60
	});
}

/** The state this browser was given, removed so it cannot be used twice. */
export function takeOidcStateCookie(event: RequestEvent): string | undefined {
	const state = event.cookies.get(OIDC_STATE_COOKIE);
	event.cookies.delete(OIDC_STATE_COOKIE, {
		httpOnly: true,
		sameSite: 'lax',
		path: OIDC_STATE_PATH,
		secure: event.url.protocol === 'https:'
	});
	return state;
}

/**
 * The signed-in, two-factor-verified staff user, or a redirect to the login/TOTP step.
 * With a permission, a user whose role lacks it (roles table) gets 404 — the same answer as for a
 * page that does not exist.
 */
export function requireStaff(permission?: Permission): SessionUser {
	const { locals, url } = getRequestEvent();
	const { user, session } = locals;
	if (!user || !session) {
		redirect(303, `/staff/login?next=${encodeURIComponent(url.pathname)}`);
	}
	if (!user.hasTotp) redirect(303, '/staff/totp/setup');
	if (!session.twoFactorVerified) redirect(303, '/staff/totp');
	if (permission && !can(user.role, permission)) error(404, 'Not found');
	return user;
}

/**
 * A signed-in partner user with its organisation (the database holds every partner user to one);
 * anyone else gets 404.
 */
export function requirePartner(): SessionUser & { partnerId: string } {
	const user = requireStaff('partner');
	if (!user.partnerId) error(404, 'Not found');
	return { ...user, partnerId: user.partnerId };
}

/** Signed in with a password, whether or not TOTP is done yet (the TOTP pages themselves). */
export function requirePasswordSession(): { user: SessionUser; sessionId: string } {
	const { locals } = getRequestEvent();
	if (!locals.user || !locals.session) redirect(303, '/staff/login');
	return { user: locals.user, sessionId: locals.session.id };
}

/** Only relative, same-site paths under /staff are followed after login (no open redirect). */
export function safeNext(next: string | null): string {
	if (next && /^\/staff(\/[\w\-/]*)?$/.test(next)) return next;
	return '/staff';
}
