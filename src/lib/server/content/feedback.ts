// "Was this helpful?" on worker pages: a yes/no per page and an optional comment. Like survey
// answers: no IP, user agent or time beyond the ISO week; comments wait for moderation.
import { config } from '../platform/config.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import * as v from 'valibot';
import { fields, firstError, textField } from '../../input/schema.ts';
import * as crypto from '../platform/crypto.ts';
import type { Db } from '../platform/db/index.ts';
import * as moderation from '../platform/moderation.ts';
import { Limiter } from '../platform/rate-limit.ts';
import { isoWeek, SUBMISSION_KEY } from '../surveys/responses.ts';
import * as surveys from '../surveys/surveys.ts';

export const MAX_COMMENT = 1000;
// Anonymous writes are limited (issue #17).
export const perClient = new Limiter('feedback', config.feedbackPerClientPerHour, 60 * 60 * 1000);
// A worker page path without the locale: '/', '/more', '/survey/…' — never a query string.
const PAGE = /^\/[a-z0-9\-/]{0,120}$/;

export type FeedbackError = 'too_long' | 'empty' | 'expired' | 'throttled';

/** The "Was this helpful?" form. Checked in this order; a yes/no or a comment is required after it. */
export const Feedback = fields({
	submissionKey: v.pipe(v.string('expired'), v.regex(SUBMISSION_KEY, 'expired')),
	comment: v.optional(textField(MAX_COMMENT, 'too_long'), ''),
	// Anything but yes or no counts as no answer, as an unticked radio button does.
	helpful: v.optional(
		v.pipe(
			v.string(),
			v.transform((s) => (s === 'yes' ? true : s === 'no' ? false : null))
		),
		''
	),
	page: v.string(),
	locale: v.string()
});

export function pageOf(path: string): string | null {
	const m = /^\/[a-z]{2}(\/.*)?$/.exec(path);
	const page = (m?.[1] ?? '/').replace(/\/$/, '') || '/';
	return PAGE.test(page) && !page.startsWith('/report') ? page : null;
}

export async function submit(
	db: Db,
	regionId: string,
	input: { page: string; helpful: string; comment: string; locale: string; submissionKey: string },
	now = new Date()
): Promise<{ ok: true } | { ok: false; error: FeedbackError }> {
	const parsed = v.safeParse(Feedback, input);
	if (!parsed.success) return { ok: false, error: firstError(parsed.issues) as FeedbackError };
	const { helpful, comment: body } = parsed.output;
	const page = pageOf(parsed.output.page);
	if (!page || (helpful === null && !body)) return { ok: false, error: 'empty' };
	await db
		.insertInto('feedback')
		.values({
			id: randomUUID(),
			region_id: regionId,
			page,
			helpful,
			locale: input.locale,
			week: isoWeek(new Date(`${surveys.today(now)}T00:00:00Z`)),
			body: body || null,
			flags: body ? moderation.flags(body) : [],
			state: body ? 'pending' : 'approved',
			submission_hash: crypto.hmac('feedback-submission', input.submissionKey)
		})
		.onConflict((oc) => oc.column('submission_hash').doNothing())
		.execute();
	return { ok: true };
}

/** Yes/no counts per page, and approved comments, newest week first. */
export async function inbox(db: Db, regionId: string) {
	const counts = await db
		.selectFrom('feedback')
		.select([
			'page',
			sql<string>`count(*) filter (where helpful)`.as('yes'),
			sql<string>`count(*) filter (where helpful = false)`.as('no')
		])
		.where('region_id', '=', regionId)
		.groupBy('page')
		.orderBy('page')
		.execute();
	const comments = await db
		.selectFrom('feedback')
		.select(['id', 'page', 'helpful', 'locale', 'week', 'body'])
		.where('region_id', '=', regionId)
		.where('state', '=', 'approved')
		.where('body', 'is not', null)
		.orderBy('week', 'desc')
		.limit(200)
		.execute();
	return {
		pages: counts.map((c) => ({ page: c.page, yes: Number(c.yes), no: Number(c.no) })),
		comments
	};
}
