import * as database from '$lib/server/platform/db';
import * as regions from '$lib/server/regions/regions';
import { config } from '$lib/server/platform/config';
import { pack } from '$lib/server/i18n/messages';
import * as tokens from '$lib/server/platform/tokens';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals, url }) => {
	const region = await regions.read(database.get().db, config.region);
	const settings = (region?.settings ?? {}) as { appName?: string };
	// The shell's words travel as data in one language: importing messages here would put all
	// 13 languages of every message any worker page uses into one shared chunk (issue #6: ≤ 40 KB).
	return {
		locale: locals.locale,
		appName: settings.appName ?? 'Wegwijs',
		shell: pack(locals.locale, ['shell_', 'nav_']),
		// "Was this helpful?": one language's texts, and a key per page (reading url.pathname
		// reruns this load on navigation) so a retried answer is stored once.
		feedback: { t: pack(locals.locale, ['feedback_']), key: url.pathname && tokens.random(20) }
	};
};
