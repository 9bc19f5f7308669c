import * as staffLocales from '$lib/staff/locales';
import type { PageLoad } from './$types';

// The desk speaks the partner's language, which may differ from the staff layout's.
export const load: PageLoad = async ({ data }) => ({
	...data,
	staffTexts: await staffLocales.load(data.staffLocale)
});
