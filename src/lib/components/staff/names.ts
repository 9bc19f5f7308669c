// Staff-side names for report statuses, priorities and the like (Dutch/English).
import type { StaffKey, StaffTexts } from '$lib/i18n/staff';
import { fmt } from '$lib/i18n/format';
import { CHANNELS, type Channel } from '$lib/casework/referrals';
import { isRole, type Role } from '$lib/staff/roles';

const statuses: Record<string, StaffKey> = {
	new: 'staff_status_new',
	acknowledged: 'staff_status_acknowledged',
	in_progress: 'staff_status_in_progress',
	waiting: 'staff_status_waiting',
	referred: 'staff_status_referred',
	closed: 'staff_status_closed'
};

const priorities: Record<string, StaffKey> = {
	low: 'staff_priority_low',
	normal: 'staff_priority_normal',
	high: 'staff_priority_high',
	urgent: 'staff_priority_urgent'
};

const reasons: Record<string, StaffKey> = {
	resolved: 'staff_closed_resolved',
	not_actionable: 'staff_closed_not_actionable',
	duplicate: 'staff_closed_duplicate'
};

const channels: Record<Channel, StaffKey> = {
	email: 'staff_channel_email',
	phone: 'staff_channel_phone',
	portal: 'staff_channel_portal',
	letter: 'staff_channel_letter',
	in_person: 'staff_channel_in_person'
};

// A code without a name (a newer value) shows as itself, never as an empty cell.
const named = (st: StaffTexts, names: Record<string, StaffKey>, code: string) =>
	Object.hasOwn(names, code) ? st[names[code]] : code;

export const statusName = (st: StaffTexts, s: string) => named(st, statuses, s);
export const priorityName = (st: StaffTexts, p: string) => named(st, priorities, p);
export const reasonName = (st: StaffTexts, r: string) => named(st, reasons, r);
export const channelName = (st: StaffTexts, c: string) =>
	(CHANNELS as readonly string[]).includes(c) ? st[channels[c as Channel]] : c;

const roles: Record<Role, StaffKey> = {
	admin: 'staff_role_admin',
	coordinator: 'staff_role_coordinator',
	handler: 'staff_role_handler',
	editor: 'staff_role_editor',
	panel: 'staff_role_panel',
	partner: 'staff_role_partner'
};

export const answerName: Record<string, StaffKey> = {
	taken_up: 'staff_referral_answer_taken_up',
	not_ours: 'staff_referral_answer_not_ours',
	need_info: 'staff_referral_answer_need_info',
	action_taken: 'staff_referral_answer_action_taken',
	closed: 'staff_referral_answer_closed'
};
export const roleName = (st: StaffTexts, r: string) => (isRole(r) ? st[roles[r]] : r);

/** How someone signed in: 'password' or 'oidc:<provider id>'. */
export function methodName(st: StaffTexts, method: string | null): string {
	if (method?.startsWith('oidc:'))
		return fmt(st.staff_users_method_oidc, { provider: method.slice(5) });
	return st.staff_users_method_password;
}
