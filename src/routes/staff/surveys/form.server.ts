// Reading the survey and question forms of the builder (shared by the list and the survey page).
import type { QuestionInput, SurveyInput } from '$lib/server/surveys/surveys';
import * as surveys from '$lib/server/surveys/surveys';
import type { Background, QuestionKind } from '$lib/surveys/survey';

const s = (form: FormData, name: string, max = 2000) => String(form.get(name) ?? '').slice(0, max);

export function surveyInput(form: FormData, locales: readonly string[]): SurveyInput {
	return {
		title: s(form, 'title', 200),
		series: s(form, 'series', 60),
		titles: Object.fromEntries(locales.map((l) => [l, s(form, `title_${l}`, 600)])),
		locales: form.getAll('locales').map(String),
		gemeenten: form.getAll('gemeenten').map(String),
		opensOn: s(form, 'opens_on', 10) || null,
		closesOn: s(form, 'closes_on', 10) || null,
		requiresCode: form.get('requires_code') === 'on'
	};
}

export function questionInput(form: FormData, locales: readonly string[]): QuestionInput {
	const kind = s(form, 'kind', 20) as QuestionKind;
	const background = s(form, 'background', 20);
	const showIf = s(form, 'show_if_question', 40);
	return {
		key: s(form, 'key', 40).trim().toLowerCase(),
		kind,
		texts: Object.fromEntries(locales.map((l) => [l, s(form, `text_${l}`, 600)])),
		options: surveys.optionsFromLines(
			Object.fromEntries(locales.map((l) => [l, s(form, `options_${l}`, 20_000)])),
			[...locales]
		),
		showIf: showIf
			? {
					question: showIf,
					choices: s(form, 'show_if_choices', 400)
						.split(',')
						.map((c) => c.trim())
						.filter(Boolean)
				}
			: null,
		background: (surveys.BACKGROUNDS as readonly string[]).includes(background)
			? (background as Background)
			: null
	};
}
