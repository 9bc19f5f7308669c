import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { firstError } from '$lib/input/schema';
import { FollowUpRequest } from '$lib/report/schema';
import * as api from '$lib/server/http/api';
import * as database from '$lib/server/platform/db';
import * as followup from '$lib/server/meldpunt/followup';
import * as reports from '$lib/server/meldpunt/reports';
import * as questions from '$lib/server/casework/questions';
import type { RequestHandler } from './$types';

// Status and messages for a receipt. Same throttling as the web page: a throttled client gets
// 429 with Retry-After, an unknown receipt 404.
export const POST: RequestHandler = async (event) => {
	const body = await api.readJson(event.request, 4_096);
	if (!body.ok) return api.problem(body.status, body.error);
	const parsed = v.safeParse(FollowUpRequest, body.value);
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
	// The API answers in one response; it keeps no session.
	await followup.leave(db, opened.token);
	const report = await reports.read(db, opened.reportId);
	const thread = await reports.messagesIn(db, opened.reportId, report!.locale);
	return json({
		status: report!.status,
		createdAt: report!.createdAt.toISOString(),
		messages: thread.map((msg) => ({
			author: msg.author,
			template: msg.template,
			params: msg.params,
			language: msg.language,
			text: msg.text,
			createdAt: msg.createdAt.toISOString()
		})),
		questions: await questions.openFor(db, opened.reportId, report!.locale)
	});
};
