import type { LayoutServerLoad } from './$types';

// A whitelisted projection of the user for the client, never the row.
export const load: LayoutServerLoad = ({ locals }) => {
	const u = locals.user;
	const verified = Boolean(u && locals.session?.twoFactorVerified);
	return {
		staffLocale: locals.staffLocale,
		user: u && verified ? { name: u.name, email: u.email, role: u.role } : null
	};
};
