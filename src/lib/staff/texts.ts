// How a staff page or component reads its words: `const st = $derived(staffTexts())`, then
// `st.staff_brand`, or `fmt(st.staff_inbox_unread_nav, { count })` for a text with placeholders.
// The page data names the language (`staffLocale`: the staff layout's, or the partner desk's own);
// the words come from a cached chunk (see locales/). `page` is per request during SSR, so
// concurrent requests in different languages never mix.
import { page } from '$app/state';
import type { StaffLocale, StaffTexts } from '$lib/i18n/staff';
import { textsOf } from './locales';

export function staffTexts(): StaffTexts {
	return textsOf((page.data as { staffLocale: StaffLocale }).staffLocale);
}
