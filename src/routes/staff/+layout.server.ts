import * as database from '$lib/server/platform/db';
import * as inbox from '$lib/server/casework/inbox';
import { can } from '$lib/staff/roles';
import type { LayoutServerLoad } from './$types';

// A whitelisted projection of the user for the client, never the row.
export const load: LayoutServerLoad = async ({ locals, url }) => {
	const u = locals.user;
	const verified = Boolean(u && locals.session?.twoFactorVerified);
	// Read on every navigation (the path is a dependency), so opening a case updates the count.
	void url.pathname;
	return {
		staffLocale: locals.staffLocale,
		user: u && verified ? { name: u.name, email: u.email, role: u.role } : null,
		unread:
			u && verified && can(u.role, 'cases') ? await inbox.unreadCount(database.get().db, u) : 0
	};
};
