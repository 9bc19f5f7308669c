import { error, fail, redirect, type Cookies } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import * as desk from '$lib/server/partners/desk';
import { LABELS } from '$lib/report/labels';
import { pack } from '$lib/server/i18n/messages';
import * as bodies from '$lib/server/http/body';
import * as staffLanguage from '$lib/server/staff/language';
import { toStaffLocale, type StaffLocale } from '$lib/i18n/staff';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// The partner desk: one referral, opened with the mailed link and the code from the handler.
const COOKIE = 'wegwijs_desk';

/** A session cookie for this link's pages only, ended when the browser closes. */
function cookieOptions(url: URL) {
	return {
		path: url.pathname,
		httpOnly: true,
		sameSite: 'strict' as const,
		secure: url.protocol === 'https:'
	};
}

function session(cookies: Cookies) {
	return cookies.get(COOKIE);
}

export const load: PageServerLoad = async (event) => {
	const { db } = database.get();
	const access = await desk.access(db, event.params.token, session(event.cookies));
	// A link that never existed (or was replaced) is a page that does not exist.
	if (!access.ok && access.state === 'unknown') error(404, 'Not found');
	const staffLocale = await speak(event);
	if (!access.ok) return { staffLocale, state: access.state, referral: null, labels: {} };
	const v = (await desk.view(db, access.referralId))!;
	return {
		staffLocale,
		state: 'open' as const,
		referral: {
			partner: v.partner,
			package: { ...v.package, partner: v.partner },
			acknowledged: v.acknowledgedAt !== null,
			answer: v.answer,
			version: v.version
		},
		labels: pack(staffLocale, LABELS)
	};
};

/**
 * The page speaks the partner's language, the one its mail was in, unless this browser chose
 * another (the staff language cookie); <html lang> follows, as it is read when the page renders.
 */
async function speak({ params, cookies, locals }: RequestEvent): Promise<StaffLocale> {
	const partner = await desk.language(database.get().db, params.token);
	locals.staffLocale = staffLanguage.chosen(cookies) ?? partner ?? locals.staffLocale;
	return locals.staffLocale;
}

export const actions: Actions = { open, acknowledge, answer, language: chooseLanguage };

// Works before the code is typed too: reading the page comes first.
async function chooseLanguage(event: RequestEvent) {
	if (!(await desk.language(database.get().db, event.params.token))) error(404, 'Not found');
	const form = await bodies.formOrError(event.request);
	staffLanguage.remember(event.cookies, event.url, toStaffLocale(form.get('locale')));
	redirect(303, event.url.pathname);
}

async function open(event: RequestEvent) {
	const form = await bodies.formOrError(event.request);
	const r = await desk.open(database.get().db, event.params.token, String(form.get('code') ?? ''));
	if (!r.ok && r.state === 'unknown') error(404, 'Not found');
	if (!r.ok) return fail(400, { open: { error: r.state } });
	event.cookies.set(COOKIE, r.session, cookieOptions(event.url));
	redirect(303, event.url.pathname);
}

/** Every change needs this browser's open session on the link; anything else is refused. */
async function opened(event: RequestEvent) {
	const { db } = database.get();
	const access = await desk.access(db, event.params.token, session(event.cookies));
	if (!access.ok && access.state === 'unknown') error(404, 'Not found');
	const form = await bodies.formOrError(event.request);
	return { access, form, get: (k: string) => String(form.get(k) ?? '') };
}

async function acknowledge(event: RequestEvent) {
	const { access, get } = await opened(event);
	if (!access.ok) return fail(403, { answer: { error: access.state } });
	const r = await desk.answer(database.get().db, access.referralId, {
		answer: null,
		message: '',
		whereInstead: '',
		version: Number(get('version'))
	});
	return r.ok ? { answer: { done: 'acknowledged' } } : fail(409, { answer: { error: r.error } });
}

async function answer(event: RequestEvent) {
	const { access, get } = await opened(event);
	const message = get('message');
	const where = get('where');
	if (!access.ok) return fail(403, { answer: { error: access.state, message, where } });
	const r = await desk.answer(database.get().db, access.referralId, {
		answer: get('answer'),
		message,
		whereInstead: where,
		version: Number(get('version'))
	});
	if (r.ok) return { answer: { done: 'answered' } };
	// A second post of the same form (double click) is told it was recorded; nothing is added.
	return fail(r.error === 'already' ? 409 : 400, { answer: { error: r.error, message, where } });
}
