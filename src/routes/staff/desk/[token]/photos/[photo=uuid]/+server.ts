import { error } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import * as desk from '$lib/server/partners/desk';
import type { RequestHandler } from './$types';

// A photo of the package, for the browser that opened the link: downloaded with a server-chosen
// name, audited, never cached, sandboxed like the staff photo route.
export const GET: RequestHandler = async ({ params, cookies }) => {
	const { db } = database.get();
	const access = await desk.access(db, params.token, cookies.get('wegwijs_desk'));
	if (!access.ok) error(404, 'Not found');
	const photo = await desk.photo(db, access.referralId, params.photo);
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
