import { error } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import { config } from '$lib/server/platform/config';
import * as qr from '$lib/server/platform/qr';
import { pack } from '$lib/server/i18n/messages';
import * as welcome from '$lib/server/content/welcome';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params, url }) => {
	const db = database.get().db;
	const pack_ = await welcome.forWorker(db, config.region, params.gemeente, params.locale);
	if (!pack_?.published) error(404, 'Not found');
	const online = `${url.origin}/${params.locale}/welcome/${params.gemeente}`;
	return {
		t: pack(params.locale, ['welcome_', 'nav_report']),
		pack: pack_,
		online,
		qr: await qr.svg(online)
	};
};
