// The worker's bottom navigation. A section appears only once it is built: no dead links.
import { m } from '$lib/paraglide/messages.js';

export interface NavItem {
	id: 'home' | 'map' | 'guides' | 'report' | 'more';
	path: string;
	label: () => string;
	icon: string;
}

export const items: NavItem[] = [
	{ id: 'home', path: '', label: () => m.nav_home(), icon: 'home' },
	{ id: 'map', path: '/map', label: () => m.nav_map(), icon: 'map' },
	{ id: 'report', path: '/report', label: () => m.nav_report(), icon: 'report' },
	{ id: 'more', path: '/more', label: () => m.nav_more(), icon: 'more' }
];

export function isActive(item: NavItem, pathname: string, locale: string): boolean {
	const base = `/${locale}${item.path}`;
	if (item.path === '') return pathname === `/${locale}` || pathname === `/${locale}/`;
	// A place page belongs to the map section.
	if (item.id === 'map' && pathname.startsWith(`/${locale}/places/`)) return true;
	return pathname === base || pathname.startsWith(base + '/');
}
