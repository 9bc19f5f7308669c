import { error } from '@sveltejs/kit';
import * as audit from '$lib/server/platform/audit';
import { requireStaff } from '$lib/server/staff/auth';
import * as casework from '$lib/server/casework/casework';
import * as database from '$lib/server/platform/db';
import * as reports from '$lib/server/meldpunt/reports';
import type { RequestHandler } from './$types';

// A photo only for staff who may see its report: a server-chosen file name, a sandboxing CSP
// (the bytes were re-encoded, but a browser must still never run anything from here), no caching.
export const GET: RequestHandler = async ({ params }) => {
	const user = requireStaff('cases');
	const { db } = database.get();
	if (!(await casework.visible(db, user, params.id))) error(404, 'Not found');
	const photo = await reports.photo(db, params.id, params.photo);
	if (!photo) error(404, 'Not found');
	await audit.record(db, {
		actorId: user.id,
		action: 'photo.download',
		objectType: 'report_photo',
		objectId: params.photo
	});
	return new Response(new Uint8Array(photo.bytes), {
		headers: {
			'content-type': photo.mime,
			'content-disposition': `inline; filename="melding-${params.id.slice(0, 8)}-foto-${params.photo.slice(0, 8)}.jpg"`,
			'content-security-policy':
				"default-src 'none'; img-src 'self'; sandbox; frame-ancestors 'self'",
			'cache-control': 'no-store',
			'x-content-type-options': 'nosniff'
		}
	});
};
