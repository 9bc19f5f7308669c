import { today } from '$lib/shell/dutch-date';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as facilities from '$lib/server/facilities/facilities';
import * as files from '$lib/server/facilities/files';
import { actor } from '$lib/server/facilities/forms';
import type { RequestHandler } from './$types';

// The editor's own gemeenten, drafts included, in the same columns an import reads.
export const GET: RequestHandler = async ({ url }) => {
	const user = requireStaff('content');
	const format = url.searchParams.get('format') === 'geojson' ? 'geojson' : 'csv';
	const { db } = database.get();
	const rows = await facilities.list(db, actor(user));
	await facilities.recordExport(db, actor(user), format, rows.length);
	const day = today();
	if (format === 'geojson') {
		return new Response(JSON.stringify(files.toGeoJson(rows), null, 1), {
			headers: {
				'content-type': 'application/geo+json; charset=utf-8',
				'content-disposition': `attachment; filename="facilities-${day}.geojson"`
			}
		});
	}
	return new Response(files.toCsv(rows), {
		headers: {
			'content-type': 'text/csv; charset=utf-8',
			'content-disposition': `attachment; filename="facilities-${day}.csv"`
		}
	});
};
