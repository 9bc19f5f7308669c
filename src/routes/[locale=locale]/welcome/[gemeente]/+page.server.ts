import { error } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import { config } from '$lib/server/platform/config';
import * as guides from '$lib/server/content/guides';
import { pack } from '$lib/server/i18n/messages';
import * as welcome from '$lib/server/content/welcome';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const pack_ = await welcome.forWorker(
		database.get().db,
		config.region,
		params.gemeente,
		params.locale
	);
	if (!pack_) error(404, 'Not found');
	return {
		t: pack(params.locale, ['welcome_', 'guide_', 'nav_report']),
		pack: pack_,
		offline: [`/${params.locale}/welcome/${params.gemeente}`, ...guides.urls(params.locale)]
	};
};
