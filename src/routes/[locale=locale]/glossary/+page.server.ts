import * as database from '$lib/server/platform/db';
import * as facts from '$lib/server/content/facts';
import * as guides from '$lib/server/content/guides';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	t: pack(params.locale, ['glossary_', 'guide_']),
	words: guides.glossary(params.locale, await facts.list(database.get().db)),
	offline: guides.urls(params.locale)
});
