import { error, fail } from '@sveltejs/kit';
import * as database from '$lib/server/platform/db';
import * as desk from '$lib/server/partners/desk';
import { requirePartner } from '$lib/server/staff/auth';
import { LABELS } from '$lib/report/labels';
import { pack } from '$lib/server/i18n/messages';
import * as bodies from '$lib/server/http/body';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

// One referral in a partner user's inbox: the same package and answers as the desk link, with the
// signed-in partner user instead of link and code.

/** The referral, if it was sent to the user's organisation; any other is a page that does not exist. */
async function referralOf(referralId: string) {
	const user = requirePartner();
	if (!(await desk.ofPartner(database.get().db, user, referralId))) error(404, 'Not found');
	return user;
}

export const load: PageServerLoad = async ({ params, locals }) => {
	await referralOf(params.referral);
	const v = (await desk.view(database.get().db, params.referral))!;
	return {
		referral: {
			partner: v.partner,
			package: { ...v.package, partner: v.partner },
			acknowledged: v.acknowledgedAt !== null,
			answer: v.answer,
			version: v.version
		},
		labels: pack(locals.staffLocale, LABELS)
	};
};

export const actions: Actions = { acknowledge, answer };

async function acknowledge(event: RequestEvent) {
	const user = await referralOf(event.params.referral);
	const form = await bodies.formOrError(event.request);
	const r = await desk.answer(database.get().db, event.params.referral, {
		answer: null,
		message: '',
		whereInstead: '',
		version: Number(form.get('version') ?? ''),
		actorId: user.id
	});
	return r.ok ? { answer: { done: 'acknowledged' } } : fail(409, { answer: { error: r.error } });
}

async function answer(event: RequestEvent) {
	const user = await referralOf(event.params.referral);
	const form = await bodies.formOrError(event.request);
	const get = (k: string) => String(form.get(k) ?? '');
	const message = get('message');
	const where = get('where');
	const r = await desk.answer(database.get().db, event.params.referral, {
		answer: get('answer'),
		message,
		whereInstead: where,
		version: Number(get('version')),
		actorId: user.id
	});
	if (r.ok) return { answer: { done: 'answered' } };
	// A second post of the same form (double click) is told it was recorded; nothing is added.
	return fail(r.error === 'already' ? 409 : 400, { answer: { error: r.error, message, where } });
}
