import { pack } from '$lib/server/i18n/messages';
import type { LayoutServerLoad } from './$types';

// Survey pages read their texts from a one-language pack, like the report pages.
export const load: LayoutServerLoad = ({ params }) => ({ t: pack(params.locale, ['survey_']) });
