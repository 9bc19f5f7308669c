import { error } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import * as facts from '$lib/server/content/facts';
import * as guides from '$lib/server/content/guides';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const guide = guides.read(params.locale, params.slug, await facts.list(database.get().db));
	if (!guide) error(404, 'Not found');
	return {
		t: pack(params.locale, ['guide_', 'welcome_map_title']),
		guide,
		offline: guides.urls(params.locale)
	};
};
