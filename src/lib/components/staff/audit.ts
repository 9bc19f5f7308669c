// The audit log and a case's timeline in words (Dutch/English) instead of the codes stored.
// A code without words yet (a newer action) shows as itself, never as an empty cell.
import { m as sm } from '$lib/paraglide-staff/messages.js';
import { statusName, reasonName } from './names';

export const ACTIONS: Record<string, () => string> = {
	'facility.create': sm.staff_audit_do_facility_create,
	'facility.demo_remove': sm.staff_audit_do_facility_demo_remove,
	'facility.export': sm.staff_audit_do_facility_export,
	'facility.import': sm.staff_audit_do_facility_import,
	'facility.update': sm.staff_audit_do_facility_update,
	'fact.update': sm.staff_audit_do_fact_update,
	'login.break_glass': sm.staff_audit_do_login_break_glass,
	'login.failed': sm.staff_audit_do_login_failed,
	'login.oidc': sm.staff_audit_do_login_oidc,
	'login.oidc_refused': sm.staff_audit_do_login_oidc_refused,
	'login.password': sm.staff_audit_do_login_password,
	'login.throttled': sm.staff_audit_do_login_throttled,
	'login.totp': sm.staff_audit_do_login_totp,
	'login.totp_failed': sm.staff_audit_do_login_totp_failed,
	logout: sm.staff_audit_do_logout,
	'news.post': sm.staff_audit_do_news_post,
	'news.edit': sm.staff_audit_do_news_edit,
	'news.remove': sm.staff_audit_do_news_remove,
	'partner.contacts': sm.staff_audit_do_partner_contacts,
	'password.change': sm.staff_audit_do_password_change,
	'photo.download': sm.staff_audit_do_photo_download,
	'question.add': sm.staff_audit_do_question_add,
	'question.edit': sm.staff_audit_do_question_edit,
	'question.retire': sm.staff_audit_do_question_retire,
	refer: sm.staff_audit_do_refer,
	'referral.acknowledged': sm.staff_audit_do_referral_acknowledged,
	'referral.answered': sm.staff_audit_do_referral_answered,
	'referral.link': sm.staff_audit_do_referral_link,
	'referral.opened': sm.staff_audit_do_referral_opened,
	'referral.photo': sm.staff_audit_do_referral_photo,
	'referral.withdraw': sm.staff_audit_do_referral_withdraw,
	'referral.update': sm.staff_audit_do_referral_update,
	'referral.view': sm.staff_audit_do_referral_view,
	'report.assign': sm.staff_audit_do_report_assign,
	'report.assisted': sm.staff_audit_do_report_assisted,
	'report.move': sm.staff_audit_do_report_move,
	'report.note': sm.staff_audit_do_report_note,
	'report.priority': sm.staff_audit_do_report_priority,
	'report.refer': sm.staff_audit_do_report_refer,
	'report.reply': sm.staff_audit_do_report_reply,
	'report.status': sm.staff_audit_do_report_status,
	'report.view': sm.staff_audit_do_report_view,
	'retention.run': sm.staff_audit_do_retention_run,
	'retention.expire': sm.staff_audit_do_retention_expire,
	'settings.group_mapping': sm.staff_audit_do_settings_group_mapping,
	'settings.sign_in': sm.staff_audit_do_settings_sign_in,
	'settings.sla': sm.staff_audit_do_settings_sla,
	'setup.first_admin': sm.staff_audit_do_setup_first_admin,
	'setup.password': sm.staff_audit_do_setup_password,
	'statistics.export': sm.staff_audit_do_statistics_export,
	'survey.add': sm.staff_audit_do_survey_add,
	'survey.codes': sm.staff_audit_do_survey_codes,
	'survey.edit': sm.staff_audit_do_survey_edit,
	'survey.export': sm.staff_audit_do_survey_export,
	'survey.question': sm.staff_audit_do_survey_question,
	'survey.open': sm.staff_audit_do_survey_open,
	'survey.closed': sm.staff_audit_do_survey_closed,
	'template.add': sm.staff_audit_do_template_add,
	'template.edit': sm.staff_audit_do_template_edit,
	'template.disable': sm.staff_audit_do_template_disable,
	'template.enable': sm.staff_audit_do_template_enable,
	'totp.enrol': sm.staff_audit_do_totp_enrol,
	'user.add': sm.staff_audit_do_user_add,
	'user.change': sm.staff_audit_do_user_change,
	'user.disable': sm.staff_audit_do_user_disable,
	'user.enable': sm.staff_audit_do_user_enable,
	'user.end_sessions': sm.staff_audit_do_user_end_sessions,
	'user.mapping': sm.staff_audit_do_user_mapping,
	'user.setup_link': sm.staff_audit_do_user_setup_link,
	'welcome.contacts': sm.staff_audit_do_welcome_contacts,
	'welcome.publish': sm.staff_audit_do_welcome_publish,
	'welcome.texts': sm.staff_audit_do_welcome_texts,
	'welcome.unpublish': sm.staff_audit_do_welcome_unpublish,
	'yousaid.publish': sm.staff_audit_do_yousaid_publish
};

export const OBJECTS: Record<string, () => string> = {
	report: sm.staff_audit_on_report,
	staff_user: sm.staff_audit_on_staff_user,
	region: sm.staff_audit_on_region,
	news_item: sm.staff_audit_on_news_item,
	facility: sm.staff_audit_on_facility,
	survey: sm.staff_audit_on_survey,
	referral: sm.staff_audit_on_referral,
	partner: sm.staff_audit_on_partner,
	reply_template: sm.staff_audit_on_reply_template,
	custom_question: sm.staff_audit_on_custom_question,
	fact: sm.staff_audit_on_fact,
	gemeente: sm.staff_audit_on_gemeente,
	yousaid_note: sm.staff_audit_on_yousaid_note,
	report_photo: sm.staff_audit_on_report_photo
};

export const actionName = (code: string) => (ACTIONS[code] ?? (() => code))();
export const objectName = (type: string) => (OBJECTS[type] ?? (() => type))();

/** One line of a case's timeline: what happened, with the new status, reason or partner. */
export function eventText(e: { kind: string; detail: Record<string, unknown> }): string {
	const d = e.detail;
	switch (e.kind) {
		case 'created':
			return sm.staff_event_created();
		case 'status': {
			const reason = d.reason
				? ` (${sm.staff_event_reason({ reason: reasonName(String(d.reason)) })})`
				: '';
			return `${sm.staff_event_status()}: ${statusName(String(d.to))}${reason}`;
		}
		case 'referred':
			return sm.staff_event_referred({ partner: String(d.partner ?? '') });
		case 'partner_taken_up':
			return sm.staff_event_partner_taken_up();
		case 'partner_finished':
			return sm.staff_event_partner_finished();
		default:
			return e.kind;
	}
}
