// The staff navigation: each entry names the permission (roles table) its page needs, so a role
// is offered exactly the pages route access lets it open.
import type { StaffKey } from '$lib/i18n/staff';
import { can, type Permission, type Role } from './roles';

export interface NavEntry {
	href: `/staff${string}`;
	/** Read as `st[entry.label]`. */
	label: StaffKey;
	/** Absent: every signed-in staff user. */
	permission?: Permission;
}

export const NAV: readonly NavEntry[] = [
	{ href: '/staff', label: 'staff_nav_dashboard' },
	{ href: '/staff/inbox', label: 'staff_inbox_title', permission: 'cases' },
	{ href: '/staff/assisted', label: 'staff_nav_assisted', permission: 'cases' },
	{ href: '/staff/partner', label: 'staff_nav_partner', permission: 'partner' },
	{ href: '/staff/statistics', label: 'staff_nav_statistics', permission: 'cases' },
	{ href: '/staff/audit', label: 'staff_audit_title', permission: 'region' },
	{ href: '/staff/settings', label: 'staff_settings_title', permission: 'region' },
	{ href: '/staff/templates', label: 'staff_templates_title', permission: 'region' },
	{ href: '/staff/questions', label: 'staff_questions_title', permission: 'region' },
	{ href: '/staff/news', label: 'staff_news_title', permission: 'content' },
	{ href: '/staff/facilities', label: 'staff_facilities_title', permission: 'content' },
	{ href: '/staff/welcome', label: 'staff_nav_welcome', permission: 'content' },
	{ href: '/staff/facts', label: 'staff_nav_facts', permission: 'content' },
	{ href: '/staff/surveys', label: 'staff_survey_title', permission: 'content' },
	{ href: '/staff/results', label: 'staff_results_title', permission: 'results' },
	{ href: '/staff/yousaid', label: 'staff_survey_yousaid', permission: 'region' },
	{ href: '/staff/users', label: 'staff_nav_users', permission: 'users' },
	{ href: '/staff/account', label: 'staff_nav_account' }
];

export function navFor(role: Role): NavEntry[] {
	return NAV.filter((entry) => !entry.permission || can(role, entry.permission));
}
