import { error, fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as news from '$lib/server/content/news';
import * as welcome from '$lib/server/content/welcome';
import { locales } from '$lib/i18n/locales';
import { isUuid } from '$lib/shell/uuid';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async ({ url }) => {
	const user = requireStaff('content');
	const { db } = database.get();
	const editing = url.searchParams.get('edit');
	const [gemeenten, stories, counts, story] = await Promise.all([
		welcome.editable(db, user),
		news.stories(db, user.regionId),
		news.subscriberCounts(db, user.regionId),
		isUuid(editing) ? news.story(db, user.regionId, editing) : undefined
	]);
	const iso = (s: news.Story) => ({ ...s, createdAt: s.createdAt.toISOString() });
	return {
		gemeenten: gemeenten.map((g) => ({ id: g.id, name: g.name })),
		stories: stories.map(iso),
		editing: story ? iso(story) : null,
		counts
	};
};

export const actions: Actions = { post, remove };

async function post(event: RequestEvent) {
	const user = requireStaff('content');
	const form = await bodies.formOrError(event.request);
	const story = String(form.get('story') ?? '');
	const input = {
		story: isUuid(story) ? story : undefined,
		version: Number(form.get('version') ?? NaN),
		gemeente: String(form.get('gemeente') ?? ''),
		texts: Object.fromEntries(
			locales.map((l) => [
				l,
				{
					title: String(form.get(`title_${l}`) ?? '').slice(0, 1_000),
					body: String(form.get(`body_${l}`) ?? '').slice(0, 5_000)
				}
			])
		)
	};
	const result = await news.save(database.get().db, user, input, locales);
	// Everything typed comes back on error, every language included.
	if (!result.ok)
		return fail(400, { post: { ...input, error: result.error, locale: result.locale } });
	return { post: { done: true, edited: input.story !== undefined } };
}

async function remove(event: RequestEvent) {
	const user = requireStaff('content');
	const form = await bodies.formOrError(event.request);
	const story = String(form.get('story') ?? '');
	if (!isUuid(story)) error(404, 'Not found');
	// Removed already (another tab, a colleague): say so instead of an error page.
	if (!(await news.remove(database.get().db, user, story)))
		return fail(404, { remove: { error: 'gone' as const } });
	return { remove: { done: true } };
}
