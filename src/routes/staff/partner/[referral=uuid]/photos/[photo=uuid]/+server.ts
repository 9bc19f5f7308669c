import { error } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import * as desk from '$lib/server/partners/desk';
import * as photos from '$lib/server/partners/photos';
import { requirePartner } from '$lib/server/staff/auth';
import type { RequestHandler } from './$types';

// A photo of the package for the partner user the referral was sent to: served and audited as on
// the desk, with the user named in the audit row.
export const GET: RequestHandler = async ({ params }) => {
	const user = requirePartner();
	const { db } = database.get();
	if (!(await desk.ofPartner(db, user, params.referral))) error(404, 'Not found');
	const photo = await desk.photo(db, params.referral, params.photo, user.id);
	if (!photo) error(404, 'Not found');
	return photos.download(photo, params.photo);
};
