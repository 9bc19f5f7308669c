import { redirect } from '@sveltejs/kit';
import { isLocale, LANGUAGE_COOKIE, match } from '$lib/i18n/locales';
import type { PageServerLoad } from './$types';

// `/` opens in the language the worker chose on this device, else the best match of the
// browser's languages.
export const load: PageServerLoad = ({ request, cookies, setHeaders }) => {
	setHeaders({ vary: 'Accept-Language, Cookie', 'cache-control': 'no-store' });
	const chosen = cookies.get(LANGUAGE_COOKIE);
	redirect(302, `/${isLocale(chosen) ? chosen : match(request.headers.get('accept-language'))}`);
};
