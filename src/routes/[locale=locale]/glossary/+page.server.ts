import * as guides from '$lib/server/content/guides';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => ({
	t: pack(params.locale, ['glossary_', 'guide_']),
	words: guides.glossary(params.locale),
	offline: guides.urls(params.locale)
});
