// The staff navigation: each entry names the permission (roles table) its page needs, so a role
// is offered exactly the pages route access lets it open.
import { m as sm } from '$lib/paraglide-staff/messages.js';
import { can, type Permission, type Role } from './roles';

export interface NavEntry {
	href: `/staff${string}`;
	label: () => string;
	/** Absent: every signed-in staff user. */
	permission?: Permission;
}

export const NAV: readonly NavEntry[] = [
	{ href: '/staff', label: sm.staff_nav_dashboard },
	{ href: '/staff/inbox', label: sm.staff_inbox_title, permission: 'cases' },
	{ href: '/staff/assisted', label: sm.staff_nav_assisted, permission: 'cases' },
	{ href: '/staff/partner', label: sm.staff_nav_partner, permission: 'partner' },
	{ href: '/staff/statistics', label: sm.staff_nav_statistics, permission: 'cases' },
	{ href: '/staff/audit', label: sm.staff_audit_title, permission: 'region' },
	{ href: '/staff/settings', label: sm.staff_settings_title, permission: 'region' },
	{ href: '/staff/templates', label: sm.staff_templates_title, permission: 'region' },
	{ href: '/staff/questions', label: sm.staff_questions_title, permission: 'region' },
	{ href: '/staff/news', label: sm.staff_news_title, permission: 'content' },
	{ href: '/staff/facilities', label: sm.staff_facilities_title, permission: 'content' },
	{ href: '/staff/welcome', label: sm.staff_nav_welcome, permission: 'content' },
	{ href: '/staff/facts', label: sm.staff_nav_facts, permission: 'content' },
	{ href: '/staff/surveys', label: sm.staff_survey_title, permission: 'content' },
	{ href: '/staff/results', label: sm.staff_results_title, permission: 'results' },
	{ href: '/staff/yousaid', label: sm.staff_survey_yousaid, permission: 'region' },
	{ href: '/staff/users', label: sm.staff_nav_users, permission: 'users' },
	{ href: '/staff/account', label: sm.staff_nav_account }
];

export function navFor(role: Role): NavEntry[] {
	return NAV.filter((entry) => !entry.permission || can(role, entry.permission));
}
