import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

// `?for=follow-up` is the copy the service worker shows for the follow-up page offline.
export const load: PageServerLoad = ({ params, url }) => ({
	t: pack(params.locale, ['offline_']),
	followUp: url.searchParams.get('for') === 'follow-up'
});
