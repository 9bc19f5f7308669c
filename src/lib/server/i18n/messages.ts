// The one way server code reads a text: every message file registered once, typed keys, and the
// same lookup for page packs, push notifications and any future e-mail. Plain JSON imports (not
// Vite's glob), so the job worker and the CLI read the same files outside SvelteKit.
import type { Locale } from '../../paraglide/runtime.js';
import { fmt } from '../../i18n/format.ts';
import type { StaffKey, StaffLocale } from '../../i18n/staff.ts';
import bg from '../../../../messages/bg.json' with { type: 'json' };
import cs from '../../../../messages/cs.json' with { type: 'json' };
import en from '../../../../messages/en.json' with { type: 'json' };
import es from '../../../../messages/es.json' with { type: 'json' };
import hu from '../../../../messages/hu.json' with { type: 'json' };
import lt from '../../../../messages/lt.json' with { type: 'json' };
import lv from '../../../../messages/lv.json' with { type: 'json' };
import nl from '../../../../messages/nl.json' with { type: 'json' };
import pl from '../../../../messages/pl.json' with { type: 'json' };
import pt from '../../../../messages/pt.json' with { type: 'json' };
import ro from '../../../../messages/ro.json' with { type: 'json' };
import sk from '../../../../messages/sk.json' with { type: 'json' };
import uk from '../../../../messages/uk.json' with { type: 'json' };
import staffEn from '../../../../messages/staff/en.json' with { type: 'json' };
import staffNl from '../../../../messages/staff/nl.json' with { type: 'json' };

/** Every key of the worker messages (messages/en.json is complete, a unit test keeps it so). */
export type Key = Exclude<keyof typeof en, `$${string}`>;

type Messages = Partial<Record<string, string>>;

// `satisfies` makes a locale added to project.inlang a type error here until its file is imported.
export const WORKER = { nl, en, pl, ro, bg, uk, lt, lv, hu, sk, cs, pt, es } satisfies Record<
	Locale,
	Messages
>;
export const STAFF = { nl: staffNl, en: staffEn } satisfies Record<StaffLocale, Messages>;

const BASE: Locale = 'nl';

function worker(locale: string): Messages {
	return (WORKER as Record<string, Messages>)[locale] ?? WORKER[BASE];
}

/** One worker text in `locale` (Dutch when the locale or the text is missing), placeholders filled. */
export function text(locale: string, key: Key, params: Record<string, string> = {}): string {
	return fmt(worker(locale)[key] ?? (WORKER[BASE] as Messages)[key] ?? key, params);
}

/** One staff text, in nl or en. */
export function staffText(
	locale: string,
	key: StaffKey,
	params: Record<string, string> = {}
): string {
	const own = (STAFF as Record<string, Messages>)[locale] ?? STAFF.nl;
	return fmt(own[key] ?? (STAFF.nl as Messages)[key] ?? key, params);
}

/** The keys that start with `P`; a prefix no key starts with is a type error where it is used. */
export type KeysOf<P extends string> = Extract<Key, `${P}${string}`>;
export type Pack<P extends string> = { [K in KeysOf<P>]: string };

/**
 * Text packs: the messages one page needs, in one locale, sent as page data. Pages that would
 * otherwise ship every message in all 13 languages as JavaScript use these, so a worker on a
 * cheap phone downloads their own language only (issue #3: report JS ≤ 50 KB). The result is typed:
 * `pack(l, ['report_'])` has exactly the `report_…` keys, so a typo in a page fails svelte-check.
 */
export function pack<const P extends string>(
	locale: string,
	prefixes: readonly (P & (KeysOf<P> extends never ? never : unknown))[]
): Pack<P> {
	const own = worker(locale);
	const base = WORKER[BASE] as Messages;
	const out: Record<string, string> = {};
	for (const key of Object.keys(base)) {
		if (prefixes.some((p) => key.startsWith(p))) out[key] = own[key] ?? base[key] ?? key;
	}
	return out as Pack<P>;
}
