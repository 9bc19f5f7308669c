// A refusal code (intake, follow-up, the body reader) → the message that explains it, read from a
// text pack. Its own module so the report form does not bundle the follow-up question catalogue.
import { fmt } from '../i18n/format';

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
	t: Record<string, string>,
	code: string | undefined,
	params: Record<string, string> = {}
): string {
	if (!code) return '';
	return fmt(t[errorKeys[code] ?? 'error_bad_request'] ?? t.error_bad_request ?? code, params);
}
