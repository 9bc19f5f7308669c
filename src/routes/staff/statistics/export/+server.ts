import { error } from '@sveltejs/kit';
import * as access from '$lib/server/casework/access';
import * as audit from '$lib/server/platform/audit';
import { requireStaff } from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as statistics from '$lib/server/casework/statistics';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async ({ url }) => {
	const user = requireStaff('cases');
	const scope = access.scope(user);
	if (!scope) error(404, 'Not found');
	const period = statistics.period(url.searchParams.get('from'), url.searchParams.get('to'));
	const { db } = database.get();
	const csv = statistics.toCsv(await statistics.compute(db, scope, period));
	await audit.record(db, {
		actorId: user.id,
		action: 'statistics.export',
		detail: { from: period.fromMonth, to: period.toMonth, gemeenten: scope.gemeenten }
	});
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="meldpunt-statistiek-${period.fromMonth}_${period.toMonth}.csv"`,
			'Cache-Control': 'no-store'
		}
	});
};
