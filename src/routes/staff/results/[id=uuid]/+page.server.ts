import { dutchDate } from '$lib/shell/dutch-date';
import { error, fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as klankbord from '$lib/server/surveys/klankbord';
import * as results from '$lib/server/surveys/results';
import * as surveys from '$lib/server/surveys/surveys';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

async function surveyOf(id: string) {
	const user = requireStaff('results');
	const survey = await surveys.read(database.get().db, user.regionId, id);
	if (!survey || survey.state === 'draft') error(404, 'Not found');
	return { user, survey };
}

export const load: PageServerLoad = async ({ params, url }) => {
	const { survey } = await surveyOf(params.id);
	const { db } = database.get();
	const by = results.breakdown(url.searchParams.get('by'));
	const [page, comments] = await Promise.all([
		results.read(db, survey, by, config.surveyMinCell),
		klankbord.comments(db, survey.id)
	]);
	return {
		survey: { id: survey.id, title: survey.title },
		by,
		...page,
		comments: comments.map((c) => ({
			id: c.id,
			key: c.question_key,
			body: c.body,
			name: c.name,
			at: dutchDate(c.created_at)
		}))
	};
};

export const actions: Actions = { comment };

async function comment(event: RequestEvent) {
	const { user, survey } = await surveyOf(event.params.id);
	const form = await bodies.formOrError(event.request);
	const key = String(form.get('key') ?? '');
	const body = String(form.get('body') ?? '').slice(0, 10_000);
	const r = await klankbord.comment(database.get().db, user, survey.id, key, body);
	if (r !== 'ok') return fail(400, { comment: { key, body, error: r } });
	return { comment: { key, done: true } };
}
