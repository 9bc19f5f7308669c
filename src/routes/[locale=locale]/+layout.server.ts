import * as database from '$lib/server/db';
import * as regions from '$lib/server/regions';
import { config } from '$lib/server/config';
import type { LayoutServerLoad } from './$types';

export const load: LayoutServerLoad = async ({ locals }) => {
	const region = await regions.read(database.get().db, config.region);
	const settings = (region?.settings ?? {}) as { appName?: string };
	return { locale: locals.locale, appName: settings.appName ?? 'Wegwijs' };
};
