// The audit log and a case's timeline in words (Dutch/English) instead of the codes stored.
// A code without words yet (a newer action) shows as itself, never as an empty cell.
import type { StaffKey, StaffTexts } from '$lib/i18n/staff';
import { fmt } from '$lib/i18n/format';
import { statusName, reasonName } from './names';

export const ACTIONS: Record<string, StaffKey> = {
	'facility.create': 'staff_audit_do_facility_create',
	'facility.demo_remove': 'staff_audit_do_facility_demo_remove',
	'facility.export': 'staff_audit_do_facility_export',
	'facility.import': 'staff_audit_do_facility_import',
	'facility.update': 'staff_audit_do_facility_update',
	'fact.update': 'staff_audit_do_fact_update',
	'login.break_glass': 'staff_audit_do_login_break_glass',
	'login.failed': 'staff_audit_do_login_failed',
	'login.oidc': 'staff_audit_do_login_oidc',
	'login.oidc_refused': 'staff_audit_do_login_oidc_refused',
	'login.password': 'staff_audit_do_login_password',
	'login.throttled': 'staff_audit_do_login_throttled',
	'login.totp': 'staff_audit_do_login_totp',
	'login.totp_failed': 'staff_audit_do_login_totp_failed',
	logout: 'staff_audit_do_logout',
	'news.post': 'staff_audit_do_news_post',
	'news.edit': 'staff_audit_do_news_edit',
	'news.remove': 'staff_audit_do_news_remove',
	'partner.contacts': 'staff_audit_do_partner_contacts',
	'password.change': 'staff_audit_do_password_change',
	'photo.download': 'staff_audit_do_photo_download',
	'question.add': 'staff_audit_do_question_add',
	'question.edit': 'staff_audit_do_question_edit',
	'question.retire': 'staff_audit_do_question_retire',
	refer: 'staff_audit_do_refer',
	'referral.acknowledged': 'staff_audit_do_referral_acknowledged',
	'referral.answered': 'staff_audit_do_referral_answered',
	'referral.link': 'staff_audit_do_referral_link',
	'referral.opened': 'staff_audit_do_referral_opened',
	'referral.photo': 'staff_audit_do_referral_photo',
	'referral.withdraw': 'staff_audit_do_referral_withdraw',
	'referral.update': 'staff_audit_do_referral_update',
	'referral.view': 'staff_audit_do_referral_view',
	'report.assign': 'staff_audit_do_report_assign',
	'report.assisted': 'staff_audit_do_report_assisted',
	'report.move': 'staff_audit_do_report_move',
	'report.note': 'staff_audit_do_report_note',
	'report.priority': 'staff_audit_do_report_priority',
	'report.refer': 'staff_audit_do_report_refer',
	'report.reply': 'staff_audit_do_report_reply',
	'report.status': 'staff_audit_do_report_status',
	'report.view': 'staff_audit_do_report_view',
	'retention.run': 'staff_audit_do_retention_run',
	'retention.expire': 'staff_audit_do_retention_expire',
	'settings.group_mapping': 'staff_audit_do_settings_group_mapping',
	'settings.sign_in': 'staff_audit_do_settings_sign_in',
	'settings.sla': 'staff_audit_do_settings_sla',
	'setup.first_admin': 'staff_audit_do_setup_first_admin',
	'setup.password': 'staff_audit_do_setup_password',
	'statistics.export': 'staff_audit_do_statistics_export',
	'survey.add': 'staff_audit_do_survey_add',
	'survey.codes': 'staff_audit_do_survey_codes',
	'survey.edit': 'staff_audit_do_survey_edit',
	'survey.export': 'staff_audit_do_survey_export',
	'survey.question': 'staff_audit_do_survey_question',
	'survey.open': 'staff_audit_do_survey_open',
	'survey.closed': 'staff_audit_do_survey_closed',
	'template.add': 'staff_audit_do_template_add',
	'template.edit': 'staff_audit_do_template_edit',
	'template.disable': 'staff_audit_do_template_disable',
	'template.enable': 'staff_audit_do_template_enable',
	'totp.enrol': 'staff_audit_do_totp_enrol',
	'user.add': 'staff_audit_do_user_add',
	'user.change': 'staff_audit_do_user_change',
	'user.disable': 'staff_audit_do_user_disable',
	'user.enable': 'staff_audit_do_user_enable',
	'user.end_sessions': 'staff_audit_do_user_end_sessions',
	'user.mapping': 'staff_audit_do_user_mapping',
	'user.setup_link': 'staff_audit_do_user_setup_link',
	'welcome.contacts': 'staff_audit_do_welcome_contacts',
	'welcome.publish': 'staff_audit_do_welcome_publish',
	'welcome.texts': 'staff_audit_do_welcome_texts',
	'welcome.unpublish': 'staff_audit_do_welcome_unpublish',
	'yousaid.publish': 'staff_audit_do_yousaid_publish'
};

export const OBJECTS: Record<string, StaffKey> = {
	report: 'staff_audit_on_report',
	staff_user: 'staff_audit_on_staff_user',
	region: 'staff_audit_on_region',
	news_item: 'staff_audit_on_news_item',
	facility: 'staff_audit_on_facility',
	survey: 'staff_audit_on_survey',
	referral: 'staff_audit_on_referral',
	partner: 'staff_audit_on_partner',
	reply_template: 'staff_audit_on_reply_template',
	custom_question: 'staff_audit_on_custom_question',
	fact: 'staff_audit_on_fact',
	gemeente: 'staff_audit_on_gemeente',
	yousaid_note: 'staff_audit_on_yousaid_note',
	report_photo: 'staff_audit_on_report_photo'
};

export const actionName = (st: StaffTexts, code: string) =>
	Object.hasOwn(ACTIONS, code) ? st[ACTIONS[code]] : code;
export const objectName = (st: StaffTexts, type: string) =>
	Object.hasOwn(OBJECTS, type) ? st[OBJECTS[type]] : type;

/** One line of a case's timeline: what happened, with the new status, reason or partner. */
export function eventText(
	st: StaffTexts,
	e: { kind: string; detail: Record<string, unknown> }
): string {
	const d = e.detail;
	switch (e.kind) {
		case 'created':
			return st.staff_event_created;
		case 'status': {
			const reason = d.reason
				? ` (${fmt(st.staff_event_reason, { reason: reasonName(st, String(d.reason)) })})`
				: '';
			return `${st.staff_event_status}: ${statusName(st, String(d.to))}${reason}`;
		}
		case 'referred':
			return fmt(st.staff_event_referred, { partner: String(d.partner ?? '') });
		case 'partner_taken_up':
			return st.staff_event_partner_taken_up;
		case 'partner_finished':
			return st.staff_event_partner_finished;
		default:
			return e.kind;
	}
}
