import { error, fail } from '@sveltejs/kit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as regions from '$lib/server/regions/regions';
import * as surveys from '$lib/server/surveys/surveys';
import { locales } from '$lib/i18n/locales';
import { questionInput, surveyInput } from '../form.server';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

async function surveyOf(id: string) {
	const user = requireStaff('content');
	const survey = await surveys.read(database.get().db, user.regionId, id);
	if (!survey) error(404, 'Not found');
	return { user, survey };
}

export const load: PageServerLoad = async ({ params }) => {
	const { user, survey } = await surveyOf(params.id);
	const { db } = database.get();
	const qs = await surveys.questions(db, survey.id);
	return {
		survey: {
			id: survey.id,
			state: survey.state,
			values: {
				title: survey.title,
				series: survey.series,
				titles: survey.titles,
				locales: survey.locales,
				gemeenten: survey.gemeenten,
				opensOn: survey.opens_on,
				closesOn: survey.closes_on,
				requiresCode: survey.requires_code
			}
		},
		missing: surveys.missingLocales(survey, qs),
		questions: qs.map((q) => ({
			id: q.id,
			key: q.key,
			version: q.version,
			kind: q.kind,
			texts: q.texts,
			options: q.options,
			showIf: q.show_if,
			background: q.background,
			choices: surveys.choicesOf(q)
		})),
		gemeenten: (await regions.gemeenten(db, user.regionId)).map((g) => ({ id: g.id, name: g.name }))
	};
};

export const actions: Actions = { save, question, remove, open, close, codes };

async function save(event: RequestEvent) {
	const { user, survey } = await surveyOf(event.params.id);
	const { db } = database.get();
	const input = surveyInput(await bodies.formOrError(event.request), locales);
	const gemeenten = (await regions.gemeenten(db, user.regionId)).map((g) => g.id);
	const checked = surveys.validateSurvey(input, locales, gemeenten);
	if (!checked.ok) return fail(400, { save: { ...input, error: checked.error } });
	await surveys.update(db, user, survey.id, checked.value);
	return { save: { done: true } };
}

async function question(event: RequestEvent) {
	const { user, survey } = await surveyOf(event.params.id);
	const { db } = database.get();
	const form = await bodies.formOrError(event.request);
	const input = questionInput(form, survey.locales);
	const existing = await surveys.questions(db, survey.id);
	const before = existing.filter((q) => q.key !== input.key);
	const checked = surveys.validateQuestion(input, before);
	// Everything typed comes back on error, every language included.
	const echo = {
		key: input.key,
		kind: input.kind,
		background: input.background ?? '',
		texts: input.texts,
		options: Object.fromEntries(
			survey.locales.map((l) => [l, String(form.get(`options_${l}`) ?? '')])
		),
		showIfQuestion: String(form.get('show_if_question') ?? ''),
		showIfChoices: String(form.get('show_if_choices') ?? '')
	};
	if (!checked.ok) return fail(400, { question: { ...echo, error: checked.error } });
	await surveys.saveQuestion(db, user, survey, checked.value);
	return { question: { done: true } };
}

async function remove(event: RequestEvent) {
	const { survey } = await surveyOf(event.params.id);
	const form = await bodies.formOrError(event.request);
	await surveys.removeQuestion(database.get().db, survey, String(form.get('key') ?? ''));
	return { remove: { done: true } };
}

async function open(event: RequestEvent) {
	const { user, survey } = await surveyOf(event.params.id);
	const r = await surveys.open(database.get().db, user, survey);
	if (!r.ok) return fail(400, { open: r });
	return { open: { done: true } };
}

async function close(event: RequestEvent) {
	const { user, survey } = await surveyOf(event.params.id);
	await surveys.setState(database.get().db, user, survey.id, 'closed');
	return { close: { done: true } };
}

async function codes(event: RequestEvent) {
	const { user, survey } = await surveyOf(event.params.id);
	const form = await bodies.formOrError(event.request);
	const n = Math.min(500, Math.max(1, Number(form.get('count')) || 0));
	// Shown once, to print; only their HMACs are stored.
	return { codes: await surveys.issueCodes(database.get().db, user, survey.id, n) };
}
