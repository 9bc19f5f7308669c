// How a staff page or component reads its words: `const st = $derived(staffTexts())`, then
// `st.staff_brand`, or `fmt(st.staff_inbox_unread_nav, { count })` for a text with placeholders.
// The staff layout's load puts the texts of the user's locale into the page data (from a cached
// chunk, see locales/); `page` is per request during SSR, so concurrent requests in different
// languages never mix.
import { page } from '$app/state';
import type { StaffTexts } from '$lib/i18n/staff';

export function staffTexts(): StaffTexts {
	return (page.data as { staffTexts: StaffTexts }).staffTexts;
}
