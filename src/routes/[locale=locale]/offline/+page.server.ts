import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

export const load: PageServerLoad = ({ params }) => ({
	t: pack(params.locale, ['offline_'])
});
