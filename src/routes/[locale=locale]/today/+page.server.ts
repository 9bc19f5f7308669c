import { pack } from '$lib/server/i18n/texts';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => ({
	t: pack(params.locale, ['today_'])
});
