// Who among staff may do what: the one table that route access, requireStaff, the staff
// navigation and the users page all read. Shared, because the navigation renders in the browser.

export const ROLES = ['admin', 'coordinator', 'handler', 'editor', 'panel', 'partner'] as const;
export type Role = (typeof ROLES)[number];

/**
 * cases    — the meldpunt's case work: inbox, reports, referrals, statistics, overdue reminders
 * region   — region-wide settings: service levels, standard replies, "you said", the audit log
 * content  — worker-facing content: facilities, welkomstpakket, figures, news, surveys, moderation,
 *            feedback (editors keep it current; an editor linked to gemeenten writes for those)
 * results  — survey results (the klankbordgroep reads these)
 * users    — staff accounts
 * partner  — the inbox of one partner organisation: its referrals, nothing of the meldpunt itself
 */
export const PERMISSIONS = ['cases', 'region', 'content', 'results', 'users', 'partner'] as const;
export type Permission = (typeof PERMISSIONS)[number];

interface RoleRule {
	permissions: readonly Permission[];
	/**
	 * Which gemeenten the role works in. region: all of its region (and the "gemeente unknown"
	 * queue). assigned: the gemeenten linked to the user, at least one — and none at all while
	 * none is linked (least privilege, ASVS 8.2.1: a missing link never widens to the region).
	 * none: the role works in no gemeente.
	 */
	gemeenten: 'region' | 'assigned' | 'none';
}

export const TABLE: Readonly<Record<Role, RoleRule>> = {
	admin: { permissions: ['cases', 'region', 'content', 'results', 'users'], gemeenten: 'region' },
	coordinator: { permissions: ['cases', 'region', 'content', 'results'], gemeenten: 'region' },
	handler: { permissions: ['cases'], gemeenten: 'assigned' },
	editor: { permissions: ['content', 'results'], gemeenten: 'assigned' },
	panel: { permissions: ['results'], gemeenten: 'none' },
	// Staff of a partner organisation (NLA, FNV…): only the referrals sent to it (AVG art. 5(1)(c)).
	partner: { permissions: ['partner'], gemeenten: 'none' }
};

export function isRole(value: string): value is Role {
	return (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
	return TABLE[role].permissions.includes(permission);
}

/** The roles that hold `permission`, for queries that select staff by what they may do. */
export function withPermission(permission: Permission): Role[] {
	return ROLES.filter((role) => can(role, permission));
}

/** Works in every gemeente of its region, whatever gemeenten the user is linked to. */
export function wholeRegion(role: Role): boolean {
	return TABLE[role].gemeenten === 'region';
}

export const WHOLE_REGION: readonly Role[] = ROLES.filter(wholeRegion);

/** Whether a user of this role keeps the gemeenten it is linked to, and must have one. */
export function linksGemeenten(role: Role): { keeps: boolean; required: boolean } {
	const g = TABLE[role].gemeenten;
	return { keeps: g === 'assigned', required: g === 'assigned' };
}

/** Whether a user of this role belongs to a partner organisation (and must: the database checks). */
export function belongsToPartner(role: Role): boolean {
	return can(role, 'partner');
}
