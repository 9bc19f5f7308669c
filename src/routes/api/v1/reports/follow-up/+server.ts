import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { firstError } from '$lib/input/schema';
import { FollowUpRequest } from '$lib/report/schema';
import * as api from '$lib/server/http/api';
import * as database from '$lib/server/platform/db';
import * as reports from '$lib/server/meldpunt/reports';
import * as questions from '$lib/server/casework/questions';
import { reportFor } from './receipt.server';
import type { RequestHandler } from './$types';

// Status, messages and open questions for a receipt. Same throttling as the web page: a throttled
// client gets 429 with Retry-After, an unknown receipt 404.
export const POST: RequestHandler = async (event) => {
	const body = await api.readJson(event.request, 4_096);
	if (!body.ok) return api.problem(body.status, body.error);
	const parsed = v.safeParse(FollowUpRequest, body.value);
	if (!parsed.success) return api.problem(400, firstError(parsed.issues));
	const { db } = database.get();
	const found = await reportFor(db, parsed.output.receipt, event.getClientAddress());
	if (found instanceof Response) return found;
	const report = (await reports.read(db, found.reportId))!;
	const thread = await reports.messagesIn(db, report.id, report.locale);
	return json({
		status: report.status,
		createdAt: report.createdAt.toISOString(),
		messages: thread.map((msg) => ({
			author: msg.author,
			template: msg.template,
			params: msg.params,
			language: msg.language,
			text: msg.text,
			createdAt: msg.createdAt.toISOString()
		})),
		questions: await questions.openFor(db, report.id, report.locale)
	});
};
