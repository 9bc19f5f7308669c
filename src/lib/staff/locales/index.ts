// The staff texts of one language as a JavaScript chunk of its own (one dynamic import per locale,
// so Vite emits one file each): immutable and cached by the browser, instead of ~15 KB gzip of
// page data in every staff page's HTML and again after every form action (issue #14).
import type { StaffLocale, StaffTexts } from '../../i18n/staff';

const CHUNKS: Record<StaffLocale, () => Promise<{ default: StaffTexts }>> = {
	nl: () => import('./nl'),
	en: () => import('./en')
};

/** Every staff text in `locale`: what `staffTexts()` gives a staff page. */
export async function load(locale: StaffLocale): Promise<StaffTexts> {
	return (await CHUNKS[locale]()).default;
}
