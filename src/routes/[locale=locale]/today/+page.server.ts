import * as database from '$lib/server/platform/db';
import * as followup from '$lib/server/meldpunt/followup';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

// Quick exit lands here. Like GOV.UK's "Exit this page" it ends the follow-up session on the
// server, so Back or the report tab shows nothing without the receipt, with or without JavaScript.
// Only the follow-up cookie is deleted: Clear-Site-Data "cookies" would drop every cookie of the
// site (the language choice too) and "storage"/"cache" the offline app and guide ticks.
export const load: PageServerLoad = async ({ params, cookies, url }) => {
	const token = cookies.get(followup.cookieName(url));
	if (token) {
		await followup.leave(database.get().db, token);
		cookies.delete(followup.cookieName(url), followup.cookieOptions(url));
	}
	return { locale: params.locale, t: pack(params.locale, ['today_']) };
};
