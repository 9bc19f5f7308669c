import { redirect } from '@sveltejs/kit';
import { LANGUAGE_COOKIE, LANGUAGE_COOKIE_MAX_AGE, safeBack, switchPath } from '$lib/i18n/locales';
import type { RequestHandler } from './$types';

// The language page's choice without JavaScript: remember it on the device, then go back to the
// page the worker came from in the new language.
export const GET: RequestHandler = ({ params, url, cookies, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	cookies.set(LANGUAGE_COOKIE, params.locale, {
		path: '/',
		maxAge: LANGUAGE_COOKIE_MAX_AGE,
		sameSite: 'lax',
		httpOnly: false,
		secure: url.protocol === 'https:'
	});
	const back = safeBack(url.searchParams.get('back'));
	redirect(303, back ? switchPath(back, params.locale) : `/${params.locale}`);
};
