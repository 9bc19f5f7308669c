import { error, fail } from '@sveltejs/kit';
import { config } from '$lib/server/platform/config';
import * as bodies from '$lib/server/http/body';
import * as database from '$lib/server/platform/db';
import * as responses from '$lib/server/surveys/responses';
import * as surveys from '$lib/server/surveys/surveys';
import * as tokens from '$lib/server/platform/tokens';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const { db } = database.get();
	const survey = await surveys.read(db, config.region, params.id);
	if (!survey || survey.state === 'draft' || !survey.locales.includes(params.locale))
		error(404, 'Not found');
	const l = params.locale;
	const questions = await surveys.questions(db, survey.id);
	return {
		survey: {
			id: survey.id,
			title: survey.titles[l] ?? survey.title,
			accepting: surveys.accepting(survey),
			requiresCode: survey.requires_code
		},
		questions: questions.map((q) => ({
			id: q.id,
			key: q.key,
			kind: q.kind,
			text: q.texts[l] ?? '',
			options: surveys.choicesOf(q).map((c) => ({
				key: c,
				label: q.options.find((o) => o.key === c)?.texts[l] ?? ''
			})),
			showIf: q.show_if
		})),
		// A fresh key per form: a repeated POST of this form is stored once.
		submissionKey: tokens.random(20)
	};
};

export const actions: Actions = { default: answer };

async function answer(event: RequestEvent) {
	const { db } = database.get();
	const survey = await surveys.read(db, config.region, event.params.id);
	if (!survey || survey.state === 'draft') error(404, 'Not found');
	const body = await bodies.readForm(event.request, bodies.DEFAULT);
	if (!body.ok) {
		return fail(body.status, {
			survey: { values: {}, code: '', submissionKey: tokens.random(20), form: 'body', fields: {} }
		});
	}
	const raw: responses.Raw = body.value.fields;
	const result = responses.perClient.consume(event.getClientAddress())
		? await responses.submit(db, survey, raw, { locale: event.params.locale })
		: ({ ok: false, form: 'throttled', fields: {} } as const);
	if (!result.ok) {
		// Everything typed comes back, and the same submission key, so a retry is stored once.
		return fail(status(result), {
			survey: {
				values: responses.echo(raw),
				code: result.form === 'code_used' ? '' : String(raw.code ?? '').slice(0, 40),
				submissionKey:
					result.form === 'expired' ? tokens.random(20) : String(raw.submission_key ?? ''),
				form: result.form ?? null,
				fields: result.fields
			}
		});
	}
	return { done: true };
}

function status(refused: { form?: responses.FormError; fields: Record<string, string> }) {
	if (refused.form === 'closed') return 410; // Gone: the survey will not open again
	if (refused.form === 'code_used') return 409;
	if (refused.form === 'throttled') return 429; // RFC 6585 4
	return Object.values(refused.fields).includes('too_long') ? 413 : 400;
}
