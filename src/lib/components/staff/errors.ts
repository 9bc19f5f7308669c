// Staff form error codes → Dutch/English text. Codes travel in fail() payloads, never text.
import type { StaffKey, StaffTexts } from '$lib/i18n/staff';

const texts: Record<string, StaffKey> = {
	invalid: 'staff_error_invalid_login',
	invalid_code: 'staff_error_invalid_code',
	throttled: 'staff_error_throttled',
	too_short: 'staff_error_password_too_short',
	too_long: 'staff_error_password_too_long',
	mismatch: 'staff_error_password_mismatch',
	wrong_password: 'staff_error_wrong_password',
	link_invalid: 'staff_error_link_invalid',
	link_expired: 'staff_error_link_expired',
	link_used: 'staff_error_link_used',
	name_required: 'staff_error_name_required',
	email_invalid: 'staff_error_email_invalid',
	email_taken: 'staff_error_email_taken',
	role_invalid: 'staff_error_role_invalid',
	gemeente_invalid: 'staff_error_gemeente_invalid',
	partner_invalid: 'staff_error_partner_invalid',
	partner_emails: 'staff_error_partner_emails',
	partner_languages: 'staff_error_partner_languages',
	local_off: 'staff_error_local_off',
	oidc_unknown_provider: 'staff_error_oidc_unknown_provider',
	oidc_provider_unavailable: 'staff_error_oidc_provider_unavailable',
	oidc_provider_error: 'staff_error_oidc_provider_error',
	oidc_state: 'staff_error_oidc_state',
	oidc_token: 'staff_error_oidc_token',
	oidc_email_missing: 'staff_error_oidc_email_missing',
	oidc_email_unverified: 'staff_error_oidc_email_unverified',
	oidc_no_account: 'staff_error_oidc_no_account',
	oidc_no_group: 'staff_error_oidc_no_group',
	oidc_disabled: 'staff_error_oidc_disabled',
	oidc_subject_mismatch: 'staff_error_oidc_subject_mismatch',
	oidc_no_mfa: 'staff_error_oidc_no_mfa',
	body_too_large: 'staff_error_body_too_large',
	body_too_many_fields: 'staff_error_body_too_large',
	self_admin: 'staff_error_self_admin',
	stale: 'staff_error_stale'
};

export function errorText(st: StaffTexts, code: string | undefined | null): string {
	if (!code) return '';
	return st[Object.hasOwn(texts, code) ? texts[code] : 'staff_error_generic'];
}

const caseTexts: Record<string, StaffKey> = {
	stale: 'staff_case_error_stale',
	transition: 'staff_case_error_transition',
	closed_reason: 'staff_case_error_closed_reason',
	duplicate_of: 'staff_case_error_duplicate_of',
	priority: 'staff_case_error_generic',
	assignee: 'staff_case_error_assignee',
	empty: 'staff_case_error_empty',
	too_long: 'staff_case_error_too_long',
	template: 'staff_case_error_generic',
	partner: 'staff_case_error_partner',
	answer: 'staff_case_error_generic',
	channel: 'staff_case_error_generic',
	date: 'staff_case_error_date',
	consent: 'staff_case_error_consent',
	template_fits: 'staff_case_error_template_fits',
	question_none: 'staff_case_error_question_none',
	question_unknown: 'staff_case_error_question_unknown',
	question_retired: 'staff_case_error_question_retired',
	question_closed: 'staff_case_error_question_closed',
	question_gone: 'staff_case_error_question_gone',
	forbidden: 'staff_case_error_forbidden',
	gemeente: 'staff_case_error_generic',
	sla_range: 'staff_settings_error_range',
	sla_missing: 'staff_settings_error_range',
	relink: 'staff_desk_relink_error'
};

export function caseError(st: StaffTexts, code: string | undefined): string {
	if (!code) return '';
	return st[Object.hasOwn(caseTexts, code) ? caseTexts[code] : 'staff_case_error_generic'];
}
