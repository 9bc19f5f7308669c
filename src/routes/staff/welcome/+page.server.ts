import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as welcome from '$lib/server/content/welcome';
import { locales } from '$lib/i18n/locales';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireStaff('content');
	return { gemeenten: await welcome.overview(database.get().db, user, locales) };
};
