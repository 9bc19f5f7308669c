// The staff texts of both languages, imported statically by the staff code only. They land in a
// staff chunk of their own: immutable and cached by the browser, instead of ~15 KB gzip of page
// data in every staff page's HTML and again after every form action (issue #14). Not a universal
// load with a dynamic import per language: one universal load anywhere in the app puts SvelteKit's
// client-side load machinery (~0.9 KB gzip) into every worker page that hydrates.
import type { StaffLocale, StaffTexts } from '../../i18n/staff';
import en from '../../../../messages/staff/en.json';
import nl from '../../../../messages/staff/nl.json';

const TEXTS: Record<StaffLocale, StaffTexts> = { nl, en };

/** Every staff text in `locale`: what `staffTexts()` gives a staff page. */
export function textsOf(locale: StaffLocale): StaffTexts {
	return TEXTS[locale] ?? TEXTS.nl;
}
