import { redirect } from '@sveltejs/kit';
import { match } from '$lib/i18n/locales';
import type { PageServerLoad } from './$types';

// A first visit without a locale goes to the best match of the browser's languages.
export const load: PageServerLoad = ({ request, setHeaders }) => {
	setHeaders({ vary: 'Accept-Language', 'cache-control': 'no-store' });
	redirect(302, `/${match(request.headers.get('accept-language'))}`);
};
