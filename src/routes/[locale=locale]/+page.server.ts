import { config } from '$lib/server/config';
import * as database from '$lib/server/db';
import * as klankbord from '$lib/server/klankbord';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = async ({ params }) => ({
	yousaid: await klankbord.latest(database.get().db, config.region, params.locale)
});
