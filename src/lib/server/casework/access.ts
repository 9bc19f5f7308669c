// Who may see which report. Handlers see their assigned gemeenten; coordinators and admins the
// whole region, including the "gemeente unknown" queue; editors and the panel no reports at all.
// Callers turn "no" into 404, the same answer as for a report that does not exist.
import { can, wholeRegion } from '../../staff/roles.ts';
import type { SessionUser } from '../staff/session.ts';

export interface Scoped {
	regionId: string;
	gemeenteId: string | null;
}

export type Scope = { region: string; gemeenten: 'all' | string[] } | null;

export function scope(user: Pick<SessionUser, 'role' | 'regionId' | 'gemeenten'>): Scope {
	if (!can(user.role, 'cases')) return null;
	if (wholeRegion(user.role)) return { region: user.regionId, gemeenten: 'all' };
	return { region: user.regionId, gemeenten: user.gemeenten };
}

export function canSee(
	user: Pick<SessionUser, 'role' | 'regionId' | 'gemeenten'>,
	report: Scoped
): boolean {
	const s = scope(user);
	if (!s || report.regionId !== s.region) return false;
	if (s.gemeenten === 'all') return true;
	return report.gemeenteId !== null && s.gemeenten.includes(report.gemeenteId);
}

/** Coordinators (and admins) manage the region: move reports, service levels, statistics. */
export function isRegional(user: Pick<SessionUser, 'role'>): boolean {
	return wholeRegion(user.role);
}
