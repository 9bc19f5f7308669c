import { fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as news from '$lib/server/content/news';
import * as regions from '$lib/server/regions/regions';
import { locales } from '$lib/i18n/locales';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async () => {
	const user = requireStaff('region');
	const { db } = database.get();
	const [gemeenten, items, counts] = await Promise.all([
		regions.gemeenten(db, user.regionId),
		news.recent(db, user.regionId),
		news.subscriberCounts(db, user.regionId)
	]);
	return {
		gemeenten: gemeenten.map((g) => ({ id: g.id, name: g.name })),
		items: items.map((i) => ({ ...i, createdAt: i.createdAt.toISOString() })),
		counts
	};
};

export const actions: Actions = { post };

async function post(event: RequestEvent) {
	const user = requireStaff('region');
	const form = await bodies.formOrError(event.request);
	const input = {
		gemeente: String(form.get('gemeente') ?? ''),
		locale: String(form.get('locale') ?? ''),
		title: String(form.get('title') ?? '').slice(0, 1_000),
		body: String(form.get('body') ?? '').slice(0, 5_000)
	};
	const result = await news.post(database.get().db, user, input, locales);
	// Everything typed comes back on error.
	if (!result.ok) return fail(400, { post: { ...input, error: result.error } });
	return { post: { done: true } };
}
