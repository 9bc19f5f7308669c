import { requireStaff } from '$lib/server/auth';
import * as database from '$lib/server/db';
import * as feedback from '$lib/server/feedback';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireStaff('admin', 'coordinator', 'editor');
	return feedback.inbox(database.get().db, user.regionId);
};
