// Text packs: the messages one page needs, in one locale, sent as page data. Pages that would
// otherwise ship every message in all 13 languages as JavaScript (the report form) use these, so
// a worker on a cheap phone downloads their own language only (issue #3: report JS ≤ 50 KB).
import { baseLocale } from '$lib/paraglide/runtime.js';

const files = import.meta.glob<Record<string, string>>('/messages/*.json', {
	eager: true,
	import: 'default'
});

function messagesOf(locale: string): Record<string, string> {
	return files[`/messages/${locale}.json`] ?? {};
}

export type Texts = Record<string, string>;

/** Every message whose key starts with one of `prefixes`, in `locale` (base locale as fallback). */
export function pack(locale: string, prefixes: string[]): Texts {
	const base = messagesOf(baseLocale);
	const own = messagesOf(locale);
	const out: Texts = {};
	for (const key of Object.keys(base)) {
		if (prefixes.some((p) => key.startsWith(p))) out[key] = own[key] ?? base[key];
	}
	return out;
}
