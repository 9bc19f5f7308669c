import { fail, redirect, type Cookies } from '@sveltejs/kit';
import { REFUSAL } from '$lib/server/http/status';
import * as database from '$lib/server/platform/db';
import * as followup from '$lib/server/meldpunt/followup';
import * as intake from '$lib/server/meldpunt/intake';
import * as push from '$lib/server/push/push';
import * as reports from '$lib/server/meldpunt/reports';
import { clean } from '$lib/shell/text';
import type { Actions, PageServerLoad } from './$types';

const COOKIE = followup.COOKIE;

function cookieOptions(url: URL) {
	// Session cookie (no max-age): the server ends it after 15 minutes idle anyway.
	return {
		path: '/',
		httpOnly: true,
		sameSite: 'strict' as const,
		secure: url.protocol === 'https:'
	};
}

async function currentReport(cookies: Cookies): Promise<string | null> {
	return followup.validate(database.get().db, cookies.get(COOKIE));
}

export const load: PageServerLoad = async ({ cookies, url, params, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	const reportId = await currentReport(cookies);
	if (!reportId) {
		if (cookies.get(COOKIE)) cookies.delete(COOKIE, cookieOptions(url));
		return { view: null, left: url.searchParams.has('left') };
	}
	const { db } = database.get();
	const report = await reports.read(db, reportId);
	if (!report) return { view: null, left: false };
	const [thread, events] = await Promise.all([
		// The page's language: a reporter may read in another language than they reported in.
		reports.messagesIn(db, reportId, params.locale),
		reports.timeline(db, reportId)
	]);
	return {
		left: false,
		pushKey: push.vapid().publicKey,
		view: {
			status: report.status,
			group: report.group,
			createdAt: report.createdAt.toISOString(),
			consent: report.consent,
			timeline: events.map((e) => ({ kind: e.kind, detail: e.detail, at: e.at.toISOString() })),
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

export const actions: Actions = { open, reply, leave };

async function open(event: import('./$types').RequestEvent) {
	const form = await event.request.formData();
	const receipt = String(form.get('receipt') ?? '').slice(0, 100);
	const result = await followup.open(database.get().db, {
		receipt,
		client: event.getClientAddress()
	});
	if (!result.ok) {
		return fail(400, {
			open: { receipt, error: result.error === 'format' ? 'receipt_format' : 'receipt_failed' }
		});
	}
	event.cookies.set(COOKIE, result.token, cookieOptions(event.url));
	redirect(303, event.url.pathname);
}

async function reply(event: import('./$types').RequestEvent) {
	const reportId = await currentReport(event.cookies);
	if (!reportId) redirect(303, event.url.pathname);
	const form = await event.request.formData();
	const files = form.getAll('photos').filter((f): f is File => typeof f !== 'string' && f.size > 0);
	const result = await intake.reply(database.get().db, reportId, {
		text: form.get('text'),
		files: await Promise.all(files.map(async (f) => new Uint8Array(await f.arrayBuffer()))),
		locale: event.params.locale
	});
	if (!result.ok) {
		// What was typed comes back (photos cannot: browsers never refill file inputs).
		return fail(REFUSAL[result.refusal], {
			reply: { text: clean(form.get('text')), error: result.error }
		});
	}
	return { replied: true };
}

async function leave(event: import('./$types').RequestEvent) {
	await followup.leave(database.get().db, event.cookies.get(COOKIE));
	event.cookies.delete(COOKIE, cookieOptions(event.url));
	redirect(303, `${event.url.pathname}?left`);
}
