import { isLocale } from '$lib/i18n/locales';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

// `back` is the page the worker came from; only our own locale-prefixed paths are followed.
export const load: PageServerLoad = ({ url, params }) => {
	const back = url.searchParams.get('back') ?? '';
	const safe = /^\/[a-z]{2}(\/[\w\-/]*)?$/.test(back) && isLocale(back.split('/')[1]);
	return { back: safe ? back : null, t: pack(params.locale, ['language_']) };
};
