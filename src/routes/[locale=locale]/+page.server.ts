import * as guides from '$lib/server/guides';
import { pack } from '$lib/server/texts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => ({
	t: pack(params.locale, [
		'home_',
		'nav_',
		'checklist_',
		'welcome_yours',
		'welcome_title',
		'map_title'
	]),
	checklist: guides.checklist(params.locale).map((i) => i.id)
});
