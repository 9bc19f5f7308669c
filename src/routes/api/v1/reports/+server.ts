import { json } from '@sveltejs/kit';
import { isLocale } from '$lib/i18n/locales';
import * as api from '$lib/server/http/api';
import { REFUSAL } from '$lib/server/http/status';
import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as intake from '$lib/server/meldpunt/intake';
import * as receipts from '$lib/server/meldpunt/receipts';
import type { RequestHandler } from './$types';

// Intake for partner channels (a FairWork volunteer, a gemeente counter): the web form's rules,
// the web form's receipt. JSON with base64 photos, or multipart/form-data.
export const POST: RequestHandler = async (event) => {
	const body = await api.readReportBody(event.request);
	if (!body.ok) {
		if (body.errors) return json({ errors: body.errors }, { status: body.status });
		return api.problem(body.status, body.error);
	}
	const locale =
		typeof body.raw.locale === 'string' && isLocale(body.raw.locale) ? body.raw.locale : 'nl';
	const result = await intake.submit(database.get().db, body.raw, body.files, {
		regionId: config.region,
		locale,
		channel: 'api',
		client: event.getClientAddress()
	});
	if (!result.ok) {
		const headers: Record<string, string> =
			result.refusal === 'throttled' ? { 'retry-after': '60' } : {};
		return json({ errors: result.errors }, { status: REFUSAL[result.refusal], headers });
	}
	return json(
		{ receipt: receipts.format(result.receipt), status: 'new' },
		{ status: result.created ? 201 : 200 }
	);
};
