import { fail } from '@sveltejs/kit';
import { config } from '$lib/server/platform/config';
import * as bodies from '$lib/server/http/body';
import * as database from '$lib/server/platform/db';
import * as feedback from '$lib/server/content/feedback';
import { pack } from '$lib/server/i18n/messages';
import * as tokens from '$lib/server/platform/tokens';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = ({ params, url, setHeaders }) => {
	setHeaders({ 'cache-control': 'no-store' });
	return {
		t: pack(params.locale, ['feedback_']),
		back: feedback.pageOf(url.searchParams.get('back') ?? '') ?? '/',
		submissionKey: tokens.random(20)
	};
};

export const actions: Actions = { default: send };

async function send(event: RequestEvent) {
	const body = await bodies.formData(event.request, bodies.DEFAULT);
	if (!body.ok) {
		return fail(body.status, {
			feedback: { error: 'body', comment: '', page: '/', submissionKey: tokens.random(20) }
		});
	}
	const form = body.value;
	const input = {
		// The path the worker was reading, e.g. /pl/more; report pages are refused.
		page: String(form.get('page') ?? '').slice(0, 200),
		helpful: String(form.get('helpful') ?? ''),
		comment: String(form.get('comment') ?? '').slice(0, 20_000),
		locale: event.params.locale,
		submissionKey: String(form.get('submission_key') ?? '')
	};
	const page = feedback.pageOf(input.page) ?? '/';
	const r = feedback.perClient.consume(event.getClientAddress())
		? await feedback.submit(database.get().db, config.region, input)
		: ({ ok: false, error: 'throttled' } as const);
	if (!r.ok)
		return fail(r.error === 'too_long' ? 413 : r.error === 'throttled' ? 429 : 400, {
			feedback: {
				error: r.error,
				comment: input.comment.slice(0, 10_000),
				page,
				submissionKey: r.error === 'expired' ? tokens.random(20) : input.submissionKey
			}
		});
	return { sent: true, page };
}
