import { error } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import * as desk from '$lib/server/partners/desk';
import { requirePartner } from '$lib/server/staff/auth';
import type { RequestHandler } from './$types';

// A photo of the package for the partner user the referral was sent to: served and audited as on
// the desk (attachment, never cached, sandboxed), with the user named in the audit row.
export const GET: RequestHandler = async ({ params }) => {
	const user = requirePartner();
	const { db } = database.get();
	if (!(await desk.ofPartner(db, user, params.referral))) error(404, 'Not found');
	const photo = await desk.photo(db, params.referral, params.photo, user.id);
	if (!photo) error(404, 'Not found');
	return new Response(new Uint8Array(photo.bytes), {
		headers: {
			'content-type': photo.mime,
			'content-disposition': `attachment; filename="doorverwijzing-foto-${params.photo.slice(0, 8)}.jpg"`,
			'content-security-policy': "default-src 'none'; img-src 'self'; sandbox",
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
