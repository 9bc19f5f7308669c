import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as feedback from '$lib/server/content/feedback';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireStaff('content');
	return feedback.inbox(database.get().db, user.regionId);
};
