import type { LayoutServerLoad } from './$types';

// A whitelisted projection of the user for the client, never the row, and the staff language whose
// texts +layout.ts loads. Nothing here reads the URL, so client navigation does not rerun it (the
// unread count, which must follow every navigation, comes from the root layout).
export const load: LayoutServerLoad = ({ locals }) => {
	const u = locals.user;
	const verified = Boolean(u && locals.session?.twoFactorVerified);
	return {
		staffLocale: locals.staffLocale,
		user: u && verified ? { name: u.name, email: u.email, role: u.role } : null
	};
};
