import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as surveys from '$lib/server/surveys/surveys';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async () => {
	const user = requireStaff('results');
	const rows = await surveys.list(database.get().db, user.regionId);
	return {
		surveys: rows
			.filter((s) => s.state !== 'draft')
			.map((s) => ({ id: s.id, title: s.title, series: s.series, state: s.state }))
	};
};
