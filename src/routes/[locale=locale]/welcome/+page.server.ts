import * as database from '$lib/server/platform/db';
import { config } from '$lib/server/platform/config';
import { pack } from '$lib/server/i18n/messages';
import * as welcome from '$lib/server/content/welcome';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	t: pack(params.locale, ['welcome_', 'guide_all']),
	gemeenten: (await welcome.gemeenten(database.get().db, config.region)).map((g) => ({
		id: g.id,
		name: g.name
	}))
});
