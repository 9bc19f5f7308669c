// The 13 worker locales with their own names (a language switcher names each language in itself).
import { locales, baseLocale, type Locale } from '$lib/paraglide/runtime.js';

export { locales, baseLocale, type Locale };

export const nativeNames: Record<Locale, string> = {
	nl: 'Nederlands',
	en: 'English',
	pl: 'Polski',
	ro: 'Română',
	bg: 'Български',
	uk: 'Українська',
	lt: 'Lietuvių',
	lv: 'Latviešu',
	hu: 'Magyar',
	sk: 'Slovenčina',
	cs: 'Čeština',
	pt: 'Português',
	es: 'Español'
};

export function isLocale(value: unknown): value is Locale {
	return typeof value === 'string' && (locales as readonly string[]).includes(value);
}

/** None of the 13 languages is written right to left; kept so a new locale only adds a line. */
const rtl = new Set<string>(['ar', 'fa', 'he', 'ur']);
export function dir(locale: string): 'ltr' | 'rtl' {
	return rtl.has(locale) ? 'rtl' : 'ltr';
}

/** Best supported locale for an Accept-Language header (RFC 9110 q-values), else English. */
export function match(
	acceptLanguage: string | null,
	supported: readonly string[] = locales
): string {
	if (!acceptLanguage) return supported.includes('en') ? 'en' : supported[0];
	const ranges = acceptLanguage
		.split(',')
		.slice(0, 30)
		.map((part, i) => {
			const [tag, ...params] = part.trim().split(';');
			const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
			const weight = q ? Number.parseFloat(q.slice(2)) : 1;
			return { tag: tag.toLowerCase(), q: Number.isFinite(weight) ? weight : 0, i };
		})
		.filter((r) => r.tag && r.q > 0)
		.sort((a, b) => b.q - a.q || a.i - b.i);
	for (const r of ranges) {
		const primary = r.tag.split('-')[0];
		if (supported.includes(primary)) return primary;
	}
	return supported.includes('en') ? 'en' : supported[0];
}

/** The same page in another locale: swaps the first path segment. */
export function switchPath(pathname: string, to: string): string {
	const parts = pathname.split('/');
	if (isLocale(parts[1])) parts[1] = to;
	else parts.splice(1, 0, to);
	return parts.join('/') || `/${to}`;
}
