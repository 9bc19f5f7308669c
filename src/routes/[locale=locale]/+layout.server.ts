import * as database from '$lib/server/db';
import * as regions from '$lib/server/regions';
import { config } from '$lib/server/config';
import { pack } from '$lib/server/texts';
import * as tokens from '$lib/server/tokens';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const region = await regions.read(database.get().db, config.region);
	const settings = (region?.settings ?? {}) as { appName?: string };
	return {
		locale: locals.locale,
		appName: settings.appName ?? 'Wegwijs',
		// "Was this helpful?": one language's texts, and a key per page (reading url.pathname
		// reruns this load on navigation) so a retried answer is stored once.
		feedback: { t: pack(locals.locale, ['feedback_']), key: url.pathname && tokens.random(20) }
	};
};
