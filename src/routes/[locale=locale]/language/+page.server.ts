import { safeBack } from '$lib/i18n/locales';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

// `back` is the page the worker came from; only our own locale-prefixed paths are followed.
export const load: PageServerLoad = ({ url, params }) => ({
	back: safeBack(url.searchParams.get('back')),
	t: pack(params.locale, ['language_'])
});
