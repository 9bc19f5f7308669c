// The staff language a browser chose, kept in one cookie: read by the hooks for every staff page
// (a signed-in user's own setting wins), written when someone picks a language.
import type { Cookies } from '@sveltejs/kit';
import { isStaffLocale, type StaffLocale } from '../../i18n/staff.ts';

export const COOKIE = 'staff_lang';

/** The language this browser chose, if it chose one. */
export function chosen(cookies: Cookies): StaffLocale | undefined {
	const value = cookies.get(COOKIE);
	return isStaffLocale(value) ? value : undefined;
}

/** Remembers the choice for every staff page; the script-free page reads it, nothing else. */
export function remember(cookies: Cookies, url: URL, locale: StaffLocale): void {
	cookies.set(COOKIE, locale, {
		path: '/staff',
		httpOnly: true,
		sameSite: 'lax',
		secure: url.protocol === 'https:'
	});
}
