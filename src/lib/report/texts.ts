// Reading a text pack (see $lib/server/i18n/texts.ts) on the page: placeholders and the catalogue's
// codes → message keys. Plain strings only, so nothing here pulls messages into the bundle.
import { fmt, localDate } from '../i18n/format';
import * as questions from '../casework/questions';

export { fmt, localDate };
export type Texts = Record<string, string>;

const errorKeys: Record<string, string> = {
	submission_key: 'report_error_form_expired',
	submission_key_used: 'report_error_already_sent',
	group: 'report_error_group',
	situations_unknown: 'report_error_situations',
	situations_too_many: 'report_error_situations_too_many',
	choice: 'report_error_choice',
	too_long: 'report_error_too_long',
	gemeente: 'report_error_gemeente',
	pin: 'report_error_pin',
	text_required: 'report_error_text_required',
	text_too_long: 'report_error_text_too_long',
	contact_required: 'report_error_contact_required',
	photo_count: 'report_error_photo_count',
	photo_type: 'report_error_photo_type',
	photo_too_large: 'report_error_photo_too_large',
	photo_too_many_pixels: 'report_error_photo_too_many_pixels',
	photo_unreadable: 'report_error_photo_unreadable',
	throttled: 'report_error_throttled',
	receipt_format: 'followup_error_format',
	receipt_failed: 'followup_error_failed',
	receipt_busy: 'followup_error_busy',
	reply_empty: 'followup_error_reply_empty',
	reply_throttled: 'followup_error_reply_throttled',
	question_date: 'followup_error_question_date',
	question_number: 'followup_error_question_number',
	question_choice: 'followup_error_question_choice',
	question_text: 'followup_error_question_text',
	question_none: 'followup_error_question_none',
	question_answered: 'followup_error_question_answered',
	question_withdrawn: 'followup_error_question_withdrawn',
	body_malformed: 'error_bad_request',
	body_aborted: 'error_bad_request',
	body_too_large: 'error_too_large',
	body_too_many_fields: 'error_too_large'
};

export function errorText(
	t: Texts,
	code: string | undefined,
	params: Record<string, string> = {}
): string {
	if (!code) return '';
	return fmt(t[errorKeys[code] ?? 'error_bad_request'] ?? t.error_bad_request ?? code, params);
}

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
