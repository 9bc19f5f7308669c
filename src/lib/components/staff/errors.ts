// Staff form error codes → Dutch/English text. Codes travel in fail() payloads, never text.
import { m as sm } from '$lib/paraglide-staff/messages.js';

const texts: Record<string, () => string> = {
	invalid: sm.staff_error_invalid_login,
	invalid_code: sm.staff_error_invalid_code,
	throttled: sm.staff_error_throttled,
	too_short: sm.staff_error_password_too_short,
	too_long: sm.staff_error_password_too_long,
	mismatch: sm.staff_error_password_mismatch,
	wrong_password: sm.staff_error_wrong_password,
	link_invalid: sm.staff_error_link_invalid,
	link_expired: sm.staff_error_link_expired,
	link_used: sm.staff_error_link_used,
	name_required: sm.staff_error_name_required,
	email_invalid: sm.staff_error_email_invalid,
	email_taken: sm.staff_error_email_taken,
	role_invalid: sm.staff_error_role_invalid,
	gemeente_invalid: sm.staff_error_gemeente_invalid,
	partner_invalid: sm.staff_error_partner_invalid,
	partner_emails: sm.staff_error_partner_emails,
	partner_languages: sm.staff_error_partner_languages,
	local_off: sm.staff_error_local_off,
	oidc_unknown_provider: sm.staff_error_oidc_unknown_provider,
	oidc_provider_unavailable: sm.staff_error_oidc_provider_unavailable,
	oidc_provider_error: sm.staff_error_oidc_provider_error,
	oidc_state: sm.staff_error_oidc_state,
	oidc_token: sm.staff_error_oidc_token,
	oidc_email_missing: sm.staff_error_oidc_email_missing,
	oidc_email_unverified: sm.staff_error_oidc_email_unverified,
	oidc_no_account: sm.staff_error_oidc_no_account,
	oidc_no_group: sm.staff_error_oidc_no_group,
	oidc_disabled: sm.staff_error_oidc_disabled,
	oidc_subject_mismatch: sm.staff_error_oidc_subject_mismatch,
	oidc_no_mfa: sm.staff_error_oidc_no_mfa,
	body_too_large: sm.staff_error_body_too_large,
	body_too_many_fields: sm.staff_error_body_too_large,
	self_admin: sm.staff_error_self_admin,
	stale: sm.staff_error_stale
};

export function errorText(code: string | undefined | null): string {
	if (!code) return '';
	return (texts[code] ?? sm.staff_error_generic)();
}

const caseTexts: Record<string, () => string> = {
	stale: sm.staff_case_error_stale,
	transition: sm.staff_case_error_transition,
	closed_reason: sm.staff_case_error_closed_reason,
	duplicate_of: sm.staff_case_error_duplicate_of,
	priority: sm.staff_case_error_generic,
	assignee: sm.staff_case_error_assignee,
	empty: sm.staff_case_error_empty,
	too_long: sm.staff_case_error_too_long,
	template: sm.staff_case_error_generic,
	partner: sm.staff_case_error_partner,
	answer: sm.staff_case_error_generic,
	channel: sm.staff_case_error_generic,
	date: sm.staff_case_error_date,
	consent: sm.staff_case_error_consent,
	template_fits: sm.staff_case_error_template_fits,
	question_none: sm.staff_case_error_question_none,
	question_unknown: sm.staff_case_error_question_unknown,
	question_retired: sm.staff_case_error_question_retired,
	question_closed: sm.staff_case_error_question_closed,
	question_gone: sm.staff_case_error_question_gone,
	forbidden: sm.staff_case_error_forbidden,
	gemeente: sm.staff_case_error_generic,
	sla_range: sm.staff_settings_error_range,
	sla_missing: sm.staff_settings_error_range,
	relink: sm.staff_desk_relink_error
};

export function caseError(code: string | undefined): string {
	return code ? (caseTexts[code] ?? sm.staff_case_error_generic)() : '';
}
