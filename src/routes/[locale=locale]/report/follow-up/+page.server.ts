import { fail, redirect, type Cookies } from '@sveltejs/kit';
import * as bodies from '$lib/server/http/body';
import { REFUSAL } from '$lib/server/http/status';
import * as database from '$lib/server/platform/db';
import * as followup from '$lib/server/meldpunt/followup';
import * as history from '$lib/server/meldpunt/history';
import * as intake from '$lib/server/meldpunt/intake';
import * as questions from '$lib/server/casework/questions';
import * as customQuestions from '$lib/server/casework/custom-questions';
import * as reports from '$lib/server/meldpunt/reports';
import * as retention from '$lib/server/app/retention';
import { clean } from '$lib/shell/text';
import type { Actions, PageServerLoad } from './$types';

const cookieOptions = followup.cookieOptions;

async function currentReport(cookies: Cookies, url: URL): Promise<string | null> {
	return followup.validate(database.get().db, cookies.get(followup.cookieName(url)));
}

export const load: PageServerLoad = async ({ cookies, url, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const reportId = await currentReport(cookies, url);
	if (!reportId) {
		const name = followup.cookieName(url);
		if (cookies.get(name)) cookies.delete(name, cookieOptions(url));
		return { view: null, left: url.searchParams.has('left') };
	}
	const { db } = database.get();
	const report = await reports.read(db, reportId);
	if (!report) return { view: null, left: false };
	const [thread, events, kept, all] = await Promise.all([
		// The page's language: a reporter may read in another language than they reported in.
		reports.messagesIn(db, reportId, params.locale),
		reports.timeline(db, reportId),
		retention.policy(db, report.regionId),
		questions.list(db, reportId)
	]);
	const keys = all.map((q) => q.key);
	const [defs, own] = await Promise.all([
		questions.definitions(db, keys),
		customQuestions.byKeys(db, keys)
	]);
	const asked = all.filter((q) => !q.answeredAt && !q.withdrawnAt);
	return {
		left: false,
		view: {
			status: report.status,
			group: report.group,
			createdAt: report.createdAt.toISOString(),
			consent: report.consent,
			timeline: history.forReporter(events),
			// AVG art. 13(2)(a): the reporter is told how long their data is kept.
			deletion: {
				on: report.closedAt
					? history.dutchDate(retention.deletionDue(report.closedAt, kept))
					: null,
				months: kept.closedMonths
			},
			// Open questions with their answer type: the form shows the matching control.
			questions: asked.map((q) => ({ ...defs.get(q.key)!, id: q.id })),
			// The words of the region's own questions, in the page's language, for the text pack.
			questionTexts: customQuestions.pack(own.values(), params.locale),
			messages: thread.map((msg) => ({
				id: msg.id,
				author: msg.author,
				template: msg.template,
				params: msg.params,
				language: msg.language,
				text: msg.text,
				at: msg.createdAt.toISOString()
			}))
		}
	};
};

export const actions: Actions = { open, reply, answer, leave };

async function open(event: import('./$types').RequestEvent) {
	const body = await bodies.formData(event.request, bodies.DEFAULT);
	if (!body.ok) return fail(body.status, { open: { receipt: '', error: body.error, minutes: 0 } });
	const form = body.value;
	const receipt = String(form.get('receipt') ?? '').slice(0, 100);
	const result = await followup.open(database.get().db, {
		receipt,
		client: event.getClientAddress()
	});
	if (!result.ok && result.error === 'busy') {
		const minutes = Math.ceil(result.retryAfterSeconds / 60);
		return fail(429, { open: { receipt, error: 'receipt_busy', minutes } });
	}
	if (!result.ok) {
		const error = result.error === 'format' ? 'receipt_format' : 'receipt_failed';
		return fail(400, { open: { receipt, error, minutes: 0 } });
	}
	event.cookies.set(followup.cookieName(event.url), result.token, cookieOptions(event.url));
	redirect(303, event.url.pathname);
}

async function reply(event: import('./$types').RequestEvent) {
	const reportId = await currentReport(event.cookies, event.url);
	if (!reportId) redirect(303, event.url.pathname);
	const body = await bodies.formData(event.request, bodies.PHOTOS);
	if (!body.ok) return fail(body.status, { reply: { text: '', error: body.error } });
	const form = body.value;
	const typed = form.get('text');
	if (!followup.mayReply(event.getClientAddress(), reportId))
		return fail(429, { reply: { text: clean(typed), error: 'reply_throttled' } });
	const files = form.getAll('photos').filter((f): f is File => typeof f !== 'string' && f.size > 0);
	const result = await intake.reply(database.get().db, reportId, {
		text: typed,
		files: await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer()))),
		locale: event.params.locale
	});
	if (!result.ok) {
		// What was typed comes back (photos cannot: browsers never refill file inputs).
		return fail(REFUSAL[result.refusal], {
			reply: { text: clean(typed), error: result.error }
		});
	}
	return { replied: true };
}

async function answer(event: import('./$types').RequestEvent) {
	const reportId = await currentReport(event.cookies, event.url);
	if (!reportId) redirect(303, event.url.pathname);
	const body = await bodies.formData(event.request, bodies.DEFAULT);
	if (!body.ok)
		return fail(body.status, {
			answer: {
				error: body.error,
				errors: {} as Record<string, string>,
				values: {} as Record<string, string>
			}
		});
	// One field per question the form showed: `answer:<question id>`.
	const values: Record<string, string> = {};
	for (const [name, value] of body.value) {
		if (name.startsWith('answer:') && typeof value === 'string') values[name.slice(7)] = value;
	}
	const result = await questions.answer(database.get().db, reportId, values, event.params.locale);
	if (!result.ok) {
		// What was typed comes back, so a wrong date does not cost the other answers.
		return fail(400, { answer: { error: result.error, errors: result.errors, values } });
	}
	return { answered: result.answered };
}

async function leave(event: import('./$types').RequestEvent) {
	const name = followup.cookieName(event.url);
	await followup.leave(database.get().db, event.cookies.get(name));
	event.cookies.delete(name, cookieOptions(event.url));
	redirect(303, `${event.url.pathname}?left`);
}
