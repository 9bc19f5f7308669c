import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { firstError } from '$lib/input/schema';
import { FollowUpAnswers } from '$lib/report/schema';
import * as api from '$lib/server/http/api';
import * as database from '$lib/server/platform/db';
import * as followup from '$lib/server/meldpunt/followup';
import * as questions from '$lib/server/casework/questions';
import * as reports from '$lib/server/meldpunt/reports';
import type { RequestHandler } from './$types';

// Answers to the meldpunt's questions, with the receipt as the key (the API keeps no session):
// the same receipt throttling as the follow-up, the same checks per answer as the web form.
export const POST: RequestHandler = async (event) => {
	const body = await api.readJson(event.request, 16_384);
	if (!body.ok) return api.problem(body.status, body.error);
	const parsed = v.safeParse(FollowUpAnswers, body.value);
	if (!parsed.success) return api.problem(400, firstError(parsed.issues));
	const { db } = database.get();
	const opened = await followup.open(db, {
		receipt: parsed.output.receipt,
		client: event.getClientAddress()
	});
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
	const report = await reports.read(db, opened.reportId);
	const r = await questions.answer(db, opened.reportId, parsed.output.answers, report!.locale);
	if (r.ok) return json({ answered: r.answered });
	// Nothing is stored when any answer is wrong; each wrong one is named by its question id.
	return Object.keys(r.errors).length > 0
		? json({ errors: r.errors }, { status: 400 })
		: api.problem(400, r.error);
};
