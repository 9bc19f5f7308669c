import { error } from '@sveltejs/kit';
import * as audit from '$lib/server/platform/audit';
import { requireStaff } from '$lib/server/staff/auth';
import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as results from '$lib/server/surveys/results';
import * as surveys from '$lib/server/surveys/surveys';
import type { RequestHandler } from './$types';

// The same protected view as the page: "<k" and hidden cells stay hidden in the file.
export const GET: RequestHandler = async ({ params, url }) => {
	const user = requireStaff('results');
	const { db } = database.get();
	const survey = await surveys.read(db, user.regionId, params.id);
	if (!survey || survey.state === 'draft') error(404, 'Not found');
	const by = results.breakdown(url.searchParams.get('by'));
	const csv = results.toCsv(await results.compute(db, survey, by, config.surveyMinCell));
	await audit.record(db, {
		actorId: user.id,
		action: 'survey.export',
		objectType: 'survey',
		objectId: survey.id,
		detail: { by }
	});
	return new Response(csv, {
		headers: {
			'Content-Type': 'text/csv; charset=utf-8',
			'Content-Disposition': `attachment; filename="enquete-${survey.series}-${by}.csv"`,
			'Cache-Control': 'no-store'
		}
	});
};
