// Labels for the catalogue's codes in the worker's language. One table, so a missing text is a
// type error here rather than a blank on a worker's screen.
import { m } from '$lib/paraglide/messages.js';
import type { Locale } from '$lib/paraglide/runtime.js';
import { localDate } from './texts';

/** A message function; staff pages pass their own locale (nl/en) explicitly. */
type Label = (inputs?: Record<string, never>, options?: { locale?: Locale }) => string;

export const groupLabel: Record<string, Label> = {
	housing: m.report_group_housing,
	work: m.report_group_work,
	registration: m.report_group_registration,
	other: m.report_group_other
};

export const situationLabel: Record<string, Label> = {
	overcrowded: m.report_situation_overcrowded,
	bad_condition: m.report_situation_bad_condition,
	unsafe: m.report_situation_unsafe,
	deposit_costs: m.report_situation_deposit_costs,
	no_contract: m.report_situation_no_contract,
	landlord_threat: m.report_situation_landlord_threat,
	discrimination: m.report_situation_discrimination,
	eviction: m.report_situation_eviction,
	no_information: m.report_situation_no_information,
	registration_refused: m.report_situation_registration_refused,
	underpaid: m.report_situation_underpaid,
	no_payslips: m.report_situation_no_payslips,
	cash_pay: m.report_situation_cash_pay,
	long_hours: m.report_situation_long_hours,
	dangerous_work: m.report_situation_dangerous_work,
	id_withheld: m.report_situation_id_withheld,
	no_bank_access: m.report_situation_no_bank_access,
	debt_to_employer: m.report_situation_debt_to_employer,
	false_promises: m.report_situation_false_promises,
	pressured_to_stay: m.report_situation_pressured_to_stay,
	threatened: m.report_situation_threatened,
	not_insured: m.report_situation_not_insured,
	false_self_employed: m.report_situation_false_self_employed,
	told_not_to_register: m.report_situation_told_not_to_register,
	unknown_address: m.report_situation_unknown_address,
	registered_wrongly: m.report_situation_registered_wrongly,
	question: m.report_situation_question,
	something_else: m.report_situation_something_else
};

export const subjectLabel: Record<string, Label> = {
	landlord: m.report_subject_landlord,
	letting_agent: m.report_subject_letting_agent,
	agency: m.report_subject_agency,
	employer: m.report_subject_employer,
	recruiter: m.report_subject_recruiter,
	holiday_park: m.report_subject_holiday_park,
	someone_else: m.report_subject_someone_else,
	unknown: m.report_subject_unknown
};

export const whenLabel: Record<string, Label> = {
	today: m.report_when_today,
	this_week: m.report_when_this_week,
	this_month: m.report_when_this_month,
	longer_ago: m.report_when_longer_ago,
	ongoing: m.report_when_ongoing
};

export const affectedLabel: Record<string, Label> = {
	just_me: m.report_affected_just_me,
	'2_5': m.report_affected_2_5,
	'6_20': m.report_affected_6_20,
	more_than_20: m.report_affected_more_than_20,
	unknown: m.report_affected_unknown
};

export const statusLabel: Record<string, Label> = {
	new: m.report_status_new,
	acknowledged: m.report_status_acknowledged,
	in_progress: m.report_status_in_progress,
	waiting: m.report_status_waiting,
	referred: m.report_status_referred,
	closed: m.report_status_closed
};

/** Standard replies: the reporter reads them in their own language, whoever wrote them. */
type Options = { locale?: Locale };
const templates: Record<string, (p: Record<string, string>, o: Options) => string> = {
	acknowledged: (_, o) => m.report_template_acknowledged({}, o),
	more_info: (_, o) => m.report_template_more_info({}, o),
	referred: (p, o) =>
		m.report_template_referred({ partner: p.partner ?? '', date: localDate(p.date, o.locale) }, o),
	advice: (p, o) => m.report_template_advice({ partner: p.partner ?? '' }, o),
	partner_taken_up: (p, o) => m.report_template_partner_taken_up({ partner: p.partner ?? '' }, o),
	partner_finished: (p, o) => m.report_template_partner_finished({ partner: p.partner ?? '' }, o),
	closed_resolved: (_, o) => m.report_template_closed_resolved({}, o),
	closed_not_actionable: (_, o) => m.report_template_closed_not_actionable({}, o),
	closed_duplicate: (_, o) => m.report_template_closed_duplicate({}, o),
	custom: (p) => p.text ?? '',
	status: (p, o) =>
		m.report_template_status({ status: statusLabel[p.status ?? '']?.({}, o) ?? '' }, o)
};

/** A standard reply in the reader's language (the page's locale unless one is given). */
export function templateText(key: string, params: Record<string, string>, locale?: Locale): string {
	return templates[key]?.(params, locale ? { locale } : {}) ?? '';
}
