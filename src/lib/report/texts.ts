// Reading a text pack (see $lib/server/i18n/texts.ts) on the page: placeholders and the catalogue's
// codes → message keys. Plain strings only, so nothing here pulls messages into the bundle.
import { fmt, localDate } from '../i18n/format';
import * as questions from '../casework/questions';

export { fmt, localDate };
export { errorText } from './errors';
export type Texts = Record<string, string>;

/** A standard reply from the pack, in the reporter's language. */
export function template(
	t: Texts,
	key: string,
	params: Record<string, string>,
	locale: string
): string {
	if (key === 'custom') return params.text ?? '';
	if (key === 'question') return t[`followup_question_${params.key}`] ?? params.text ?? '';
	if (key === 'answer') {
		return fmt(t.followup_question_answer, {
			question: t[`followup_question_${params.key}`] ?? params.text ?? '',
			answer: answerText(t, params.key, params.value ?? '', locale, params.type)
		});
	}
	const p: Record<string, string> = { ...params };
	if (key === 'referred') p.date = localDate(params.date, locale);
	if (key === 'status') p.status = t[`report_status_${params.status}`] ?? '';
	return fmt(t[`report_template_${key}`], p);
}

/**
 * A stored answer as the reader reads it: a date in their format, a choice as its label. `type` is
 * the answer type stored with the answer: a coordinator's question is not in the catalogue.
 */
export function answerText(
	t: Texts,
	key: string,
	value: string,
	locale: string,
	type?: string
): string {
	const q = questions.find(key);
	const kind = q?.type ?? type;
	if (kind === 'date') return localDate(value, locale);
	if (kind === 'yesno') return t[`followup_question_${value}`] ?? value;
	if (kind === 'choice') return t[`followup_question_${key}_${value}`] ?? value;
	return value;
}

/** A question in the pack's language (a custom question's words are added to the pack). */
export function questionText(t: Texts, key: string): string {
	return t[`followup_question_${key}`] ?? key;
}

/** The label of a choice (or yes/no) of a question. */
export function choiceText(t: Texts, q: questions.Question, choice: string): string {
	return t[questions.choiceKey(q, choice)] ?? choice;
}
