// Staff-side names for report statuses, priorities and the like (Dutch/English).
import { m as sm } from '$lib/paraglide-staff/messages.js';
import { CHANNELS, type Channel } from '$lib/casework/referrals';
import { isRole, type Role } from '$lib/staff/roles';

const statuses: Record<string, () => string> = {
	new: sm.staff_status_new,
	acknowledged: sm.staff_status_acknowledged,
	in_progress: sm.staff_status_in_progress,
	waiting: sm.staff_status_waiting,
	referred: sm.staff_status_referred,
	closed: sm.staff_status_closed
};

const priorities: Record<string, () => string> = {
	low: sm.staff_priority_low,
	normal: sm.staff_priority_normal,
	high: sm.staff_priority_high,
	urgent: sm.staff_priority_urgent
};

const reasons: Record<string, () => string> = {
	resolved: sm.staff_closed_resolved,
	not_actionable: sm.staff_closed_not_actionable,
	duplicate: sm.staff_closed_duplicate
};

const channels: Record<Channel, () => string> = {
	email: sm.staff_channel_email,
	phone: sm.staff_channel_phone,
	portal: sm.staff_channel_portal,
	letter: sm.staff_channel_letter,
	in_person: sm.staff_channel_in_person
};

export const statusName = (s: string) => (statuses[s] ?? (() => s))();
export const priorityName = (p: string) => (priorities[p] ?? (() => p))();
export const reasonName = (r: string) => (reasons[r] ?? (() => r))();
export const channelName = (c: string) =>
	(CHANNELS as readonly string[]).includes(c) ? channels[c as Channel]() : c;

const roles: Record<Role, () => string> = {
	admin: sm.staff_role_admin,
	coordinator: sm.staff_role_coordinator,
	handler: sm.staff_role_handler,
	editor: sm.staff_role_editor,
	panel: sm.staff_role_panel,
	partner: sm.staff_role_partner
};

export const answerName: Record<string, () => string> = {
	taken_up: sm.staff_referral_answer_taken_up,
	not_ours: sm.staff_referral_answer_not_ours,
	need_info: sm.staff_referral_answer_need_info,
	action_taken: sm.staff_referral_answer_action_taken,
	closed: sm.staff_referral_answer_closed
};
export const roleName = (r: string) => (isRole(r) ? roles[r]() : r);

/** How someone signed in: 'password' or 'oidc:<provider id>'. */
export function methodName(method: string | null): string {
	if (method?.startsWith('oidc:')) return sm.staff_users_method_oidc({ provider: method.slice(5) });
	return sm.staff_users_method_password();
}
