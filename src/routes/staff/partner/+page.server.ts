import * as database from '$lib/server/platform/db';
import * as desk from '$lib/server/partners/desk';
import { requirePartner } from '$lib/server/staff/auth';
import type { PageServerLoad } from './$types';

// A partner user's inbox: the referrals to its organisation, with where each stands.
export const load: PageServerLoad = async () => {
	const user = requirePartner();
	const { db } = database.get();
	const partner = await db
		.selectFrom('partner')
		.select('name')
		.where('id', '=', user.partnerId)
		.executeTakeFirstOrThrow();
	const rows = await desk.inbox(db, user);
	return {
		partner: partner.name,
		referrals: rows.map((r) => ({ ...r, referredAt: r.referredAt.toISOString() }))
	};
};
