import { pack } from '$lib/server/i18n/messages';
import type { LayoutServerLoad } from './$types';

// The error page is part of every page's JavaScript; its texts travel as data, in one language.
export const load: LayoutServerLoad = ({ locals, url }) => ({
	errorTexts: pack(url.pathname.startsWith('/staff') ? locals.staffLocale : locals.locale, [
		'error_'
	])
});
