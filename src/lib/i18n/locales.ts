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

/** Locale codes as their own names, in a list for a sentence ("Missing: Polski, Română"). */
export function languageNames(codes: readonly string[]): string {
	return codes.map((c) => (isLocale(c) ? nativeNames[c] : c)).join(', ');
}

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

/**
 * The language a worker chose, kept on the device so `/` opens in it. The cookie holds only the
 * locale (13 possible values), never an identifier, so it needs no consent (ePrivacy art. 5(3):
 * strictly necessary for a service the user asked for). Readable by scripts so the language page
 * can set it offline too.
 */
export const LANGUAGE_COOKIE = 'wegwijs_lang';
export const LANGUAGE_COOKIE_MAX_AGE = 365 * 24 * 60 * 60;

/** A `back` path the language page may return to: our own locale-prefixed paths only. */
export function safeBack(back: string | null): string | null {
	if (!back) return null;
	return /^\/[a-z]{2}(\/[\w\-/]*)?$/.test(back) && isLocale(back.split('/')[1]) ? back : null;
}
