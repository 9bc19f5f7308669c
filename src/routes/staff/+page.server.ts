import { requireStaff } from '$lib/server/auth';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = () => {
	const user = requireStaff();
	return { gemeenten: user.gemeenten };
};
