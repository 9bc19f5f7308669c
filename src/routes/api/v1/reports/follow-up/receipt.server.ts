// The receipt as the API's key to a report: the follow-up throttling of the web page (429 with
// Retry-After), an unknown receipt 404, and no session kept (each call stands alone).
import * as api from '$lib/server/http/api';
import * as followup from '$lib/server/meldpunt/followup';
import type { Db } from '$lib/server/platform/db';

export async function reportFor(
	db: Db,
	receipt: string,
	client: string
): Promise<{ reportId: string } | Response> {
	const opened = await followup.open(db, { receipt, client });
	if (!opened.ok && opened.error === 'busy') {
		const response = api.problem(429, 'followup_busy');
		response.headers.set('retry-after', String(opened.retryAfterSeconds));
		return response;
	}
	if (!opened.ok) {
		return opened.error === 'format'
			? api.problem(400, 'receipt_format')
			: api.problem(404, 'receipt_failed');
	}
	await followup.leave(db, opened.token);
	return { reportId: opened.reportId };
}
