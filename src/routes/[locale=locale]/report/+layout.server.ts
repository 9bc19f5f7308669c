import { pack } from '$lib/server/i18n/messages';
import type { LayoutServerLoad } from './$types';

// The report and follow-up pages read their texts from this pack: one language, not thirteen.
export const load: LayoutServerLoad = ({ params }) => ({
	t: pack(params.locale, ['report_', 'followup_', 'home_emergency_', 'error_'])
});
