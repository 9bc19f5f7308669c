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
	if (key === 'question') return t[`followup_question_${params.key}`] ?? '';
	if (key === 'answer') {
		return fmt(t.followup_question_answer, {
			question: t[`followup_question_${params.key}`] ?? '',
			answer: answerText(t, params.key, params.value ?? '', locale)
		});
	}
	const p: Record<string, string> = { ...params };
	if (key === 'referred') p.date = localDate(params.date, locale);
	if (key === 'status') p.status = t[`report_status_${params.status}`] ?? '';
	return fmt(t[`report_template_${key}`], p);
}

/** A stored answer as the reader reads it: a date in their format, a choice as its label. */
export function answerText(t: Texts, key: string, value: string, locale: string): string {
	const q = questions.find(key);
	if (!q) return value;
	if (q.type === 'date') return localDate(value, locale);
	if (q.type === 'yesno' || q.type === 'choice') return t[questions.choiceKey(q, value)] ?? value;
	return value;
}

/** A catalogue question in the pack's language. */
export function questionText(t: Texts, key: string): string {
	return t[`followup_question_${key}`] ?? key;
}

/** The label of a choice (or yes/no) of a catalogue question. */
export function choiceText(t: Texts, key: string, choice: string): string {
	const q = questions.find(key);
	return (q && t[questions.choiceKey(q, choice)]) ?? choice;
}
