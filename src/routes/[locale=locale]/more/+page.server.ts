import * as database from '$lib/server/platform/db';
import { config } from '$lib/server/platform/config';
import * as push from '$lib/server/push/push';
import * as regions from '$lib/server/regions/regions';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => {
	const gemeenten = await regions.gemeenten(database.get().db, config.region);
	return {
		t: pack(params.locale, ['more_', 'shell_language', 'push_']),
		pushKey: push.vapid().publicKey,
		gemeenten: gemeenten.map((g) => ({ id: g.id, name: g.name }))
	};
};
