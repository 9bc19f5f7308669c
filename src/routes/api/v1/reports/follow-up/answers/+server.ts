import { json } from '@sveltejs/kit';
import * as v from 'valibot';
import { firstError } from '$lib/input/schema';
import { FollowUpAnswers } from '$lib/report/schema';
import * as api from '$lib/server/http/api';
import * as database from '$lib/server/platform/db';
import * as questions from '$lib/server/casework/questions';
import * as reports from '$lib/server/meldpunt/reports';
import { reportFor } from '../receipt.server';
import type { RequestHandler } from './$types';

// Answers to the meldpunt's questions, with the receipt as the key: the same receipt throttling as
// the follow-up, the same check per answer as the web form, all answers stored or none.
export const POST: RequestHandler = async (event) => {
	const body = await api.readJson(event.request, 16_384);
	if (!body.ok) return api.problem(body.status, body.error);
	const parsed = v.safeParse(FollowUpAnswers, body.value);
	if (!parsed.success) return api.problem(400, firstError(parsed.issues));
	const { db } = database.get();
	const found = await reportFor(db, parsed.output.receipt, event.getClientAddress());
	if (found instanceof Response) return found;
	const report = (await reports.read(db, found.reportId))!;
	const r = await questions.answer(db, report.id, parsed.output.answers, report.locale);
	if (r.ok) return json({ answered: r.answered });
	// Each wrong answer is named by its question id.
	return Object.keys(r.errors).length > 0
		? json({ errors: r.errors }, { status: 400 })
		: api.problem(400, r.error);
};
