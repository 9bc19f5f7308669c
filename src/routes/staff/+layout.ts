import * as staffLocales from '$lib/staff/locales';
import type { LayoutLoad } from './$types';

// Runs on the server and in the browser; the texts come from a cached chunk, not the page data.
export const load: LayoutLoad = async ({ data }) => ({
	...data,
	staffTexts: await staffLocales.load(data.staffLocale)
});
