import * as guides from '$lib/server/content/guides';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => ({
	t: pack(params.locale, ['guide_', 'checklist_']),
	guides: guides.list(params.locale),
	checklist: guides.checklist(params.locale),
	offline: guides.urls(params.locale),
	icons: guides.extraIcons
});
