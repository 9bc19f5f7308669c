import { error, fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as klankbord from '$lib/server/surveys/klankbord';
import * as results from '$lib/server/surveys/results';
import * as surveys from '$lib/server/surveys/surveys';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

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
	const k = config.surveyMinCell;
	// Independent reads, side by side on the pool.
	const [approved, view, trend, questions, comments] = await Promise.all([
		db
			.selectFrom('survey_text')
			.select(['question_id', 'body', 'locale'])
			.where('survey_id', '=', survey.id)
			.where('state', '=', 'approved')
			.execute(),
		results.compute(db, survey, by, k),
		results.trend(db, survey, k),
		surveys.questions(db, survey.id, { all: true }),
		klankbord.comments(db, survey.id)
	]);
	return {
		survey: { id: survey.id, title: survey.title },
		by,
		view,
		trend,
		// Open answers only after moderation, and only once the survey has k responses.
		texts: view.tooFew ? [] : approved,
		textQuestions: view.tooFew
			? []
			: questions
					.filter((q) => q.kind === 'text')
					.map((q) => ({ id: q.id, key: q.key, text: q.texts.nl ?? q.key })),
		comments: comments.map((c) => ({
			id: c.id,
			key: c.question_key,
			body: c.body,
			name: c.name,
			at: c.created_at.toISOString().slice(0, 10)
		}))
	};
};

export const actions: Actions = { comment };

async function comment(event: RequestEvent) {
	const { user, survey } = await surveyOf(event.params.id);
	const form = await event.request.formData();
	const key = String(form.get('key') ?? '');
	const body = String(form.get('body') ?? '').slice(0, 10_000);
	const r = await klankbord.comment(database.get().db, user, survey.id, key, body);
	if (r !== 'ok') return fail(400, { comment: { key, body, error: r } });
	return { comment: { key, done: true } };
}
