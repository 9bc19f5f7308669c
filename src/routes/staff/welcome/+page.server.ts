import { requireStaff } from '$lib/server/auth';
import * as database from '$lib/server/db';
import * as welcome from '$lib/server/welcome';
import { locales } from '$lib/i18n/locales';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireStaff('admin', 'coordinator', 'editor');
	return { gemeenten: await welcome.overview(database.get().db, user, locales) };
};
