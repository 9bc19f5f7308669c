// The worker's bottom navigation. A section appears only once it is built: no dead links.
// Labels are message keys read from the shell's text pack, so no page ships all 13 languages.
export interface NavItem {
	id: 'home' | 'map' | 'guides' | 'report' | 'more';
	path: string;
	label: string;
	icon: string;
}

export const items: NavItem[] = [
	{ id: 'home', path: '', label: 'nav_home', icon: 'home' },
	{ id: 'map', path: '/map', label: 'nav_map', icon: 'map' },
	{ id: 'guides', path: '/guides', label: 'nav_guides', icon: 'guides' },
	{ id: 'report', path: '/report', label: 'nav_report', icon: 'report' },
	{ id: 'more', path: '/more', label: 'nav_more', icon: 'more' }
];

export function isActive(item: NavItem, pathname: string, locale: string): boolean {
	const base = `/${locale}${item.path}`;
	if (item.path === '') return pathname === `/${locale}` || pathname === `/${locale}/`;
	// A place page belongs to the map section.
	if (item.id === 'map' && pathname.startsWith(`/${locale}/places/`)) return true;
	if (item.id === 'guides' && /^\/[a-z]{2}\/(glossary|welcome)(\/|$)/.test(pathname)) return true;
	return pathname === base || pathname.startsWith(base + '/');
}
