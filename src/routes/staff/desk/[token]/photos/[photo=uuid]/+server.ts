import { error } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import * as desk from '$lib/server/partners/desk';
import * as photos from '$lib/server/partners/photos';
import type { RequestHandler } from './$types';

// A photo of the package, for the browser that opened the link: audited, served as a download.
export const GET: RequestHandler = async ({ params, cookies }) => {
	const { db } = database.get();
	const access = await desk.access(db, params.token, cookies.get('wegwijs_desk'));
	if (!access.ok) error(404, 'Not found');
	const photo = await desk.photo(db, access.referralId, params.photo);
	if (!photo) error(404, 'Not found');
	return photos.download(photo, params.photo);
};
