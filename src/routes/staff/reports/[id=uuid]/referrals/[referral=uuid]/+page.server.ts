import { error } from '@sveltejs/kit';
import * as audit from '$lib/server/platform/audit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as referrals from '$lib/server/casework/referrals';
import { LABELS } from '$lib/report/labels';
import { pack } from '$lib/server/i18n/messages';
import type { PageServerLoad } from './$types';

// The referral package exactly as it was passed on, to print or copy into the partner's channel.
export const load: PageServerLoad = async ({ params, locals }) => {
	const user = requireStaff('cases');
	const { db } = database.get();
	const ref = (await referrals.list(db, user, params.id)).find((r) => r.id === params.referral);
	if (!ref) error(404, 'Not found');
	await audit.record(db, {
		actorId: user.id,
		action: 'referral.view',
		objectType: 'referral',
		objectId: ref.id
	});
	return { reportId: params.id, referral: ref, labels: pack(locals.staffLocale, LABELS) };
};
