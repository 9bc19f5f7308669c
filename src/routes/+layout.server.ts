import * as database from '$lib/server/platform/db';
import * as inbox from '$lib/server/casework/inbox';
import { pack } from '$lib/server/i18n/messages';
import { can } from '$lib/staff/roles';
import type { LayoutServerLoad } from './$types';

// The error page is part of every page's JavaScript; its texts travel as data, in one language.
// This load reads the path, so it runs on every navigation: the staff nav's unread count lives
// here (opening a case updates it) rather than in the staff layout, which need not rerun.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const staff = url.pathname.startsWith('/staff');
	const u = locals.user;
	const counted = staff && u && locals.session?.twoFactorVerified && can(u.role, 'cases');
	return {
		errorTexts: pack(staff ? locals.staffLocale : locals.locale, ['error_']),
		unread: counted ? await inbox.unreadCount(database.get().db, u) : 0
	};
};
