// Reading a text pack (see $lib/server/i18n/texts.ts) on the page: placeholders and the catalogue's
// codes → message keys. Plain strings only, so nothing here pulls messages into the bundle.
import { fmt, localDate } from '../i18n/format';

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
	const p: Record<string, string> = { ...params };
	if (key === 'referred') p.date = localDate(params.date, locale);
	if (key === 'status') p.status = t[`report_status_${params.status}`] ?? '';
	return fmt(t[`report_template_${key}`], p);
}
