import { config } from '$lib/server/platform/config';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

/**
 * The day this statement was drawn up. Digitoegankelijk asks for a yearly update, and status C
 * holds at most six months: after 2027-06-06 it needs a WCAG-EM evaluation behind it.
 */
const DRAWN_UP = '2026-12-06';

// The accessibility statement in the shape of the Dutch model (digitoegankelijk.nl): scope,
// compliance status, what is known not to comply, how to report a problem, escalation, date.
export const load: PageServerLoad = ({ params }) => {
	const t = pack(params.locale, ['access_', 'feedback_question']);
	return {
		t: {
			...t,
			access_scope: t.access_scope.replace('{origin}', config.origin),
			access_contact_text: t.access_contact_text.replace('{question}', t.feedback_question)
		},
		drawnUp: DRAWN_UP
	};
};
