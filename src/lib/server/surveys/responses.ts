// Answering a survey. A response keeps the language, the ISO week and the chosen options — no IP
// address, user agent, session, code or exact time. A retried form (same submission key) is
// recognised and never stored twice; a one-time code is spent (deleted) before, on its own.
import { config } from '../platform/config.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import * as v from 'valibot';
import * as crypto from '../platform/crypto.ts';
import type { Db } from '../platform/db/index.ts';
import * as moderation from '../platform/moderation.ts';
import * as surveys from './surveys.ts';
import { textField } from '../../input/schema.ts';
import { Limiter } from '../platform/rate-limit.ts';

export const SUBMISSION_KEY = /^[a-z2-7]{32}$/;

export type Raw = Record<string, string | string[]>;
export type FieldError = 'unknown_option' | 'too_long';
export type FormError =
	'closed' | 'code_missing' | 'code_used' | 'unknown_question' | 'expired' | 'throttled';

// Anonymous writes are limited (issue #17): a household may share an address, a flood may not.
export const perClient = new Limiter(
	'survey-response',
	config.surveyPerClientPerHour,
	60 * 60 * 1000
);

/**
 * A response form: its submission key, an optional one-time code and `a_<question id>` answers
 * (one value, or several for multiple choice). Which answers a question takes is the survey's
 * rule, checked by `submit` with `Choice` and `TextAnswer`.
 */
export const Response = v.objectWithRest(
	{
		submission_key: v.pipe(v.string('expired'), v.regex(SUBMISSION_KEY, 'expired')),
		code: v.optional(v.pipe(v.string(), v.trim()), '')
	},
	v.union([v.string(), v.array(v.string())])
);

/** An open answer, cleaned like all public text. */
export const TextAnswer = textField(surveys.MAX_TEXT_ANSWER, 'too_long');

export type SubmitResult =
	| { ok: true; created: boolean }
	| {
			ok: false;
			form?: FormError;
			fields: Record<string, FieldError>;
	  };

/** Monday of the ISO week of `now` (UTC), as YYYY-MM-DD. */
export function isoWeek(now: Date): string {
	const d = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate()));
	const back = (d.getUTCDay() + 6) % 7;
	d.setUTCDate(d.getUTCDate() - back);
	return d.toISOString().slice(0, 10);
}

function values(raw: Raw, name: string): string[] {
	const v = raw[name];
	if (v === undefined) return [];
	return (Array.isArray(v) ? v : [v]).filter((s) => s !== '');
}

/** What the person typed, to fill the form again after an error (never the code). */
export function echo(raw: Raw): Record<string, string[]> {
	const out: Record<string, string[]> = {};
	for (const [k, v] of Object.entries(raw)) {
		if (k.startsWith('a_')) out[k] = (Array.isArray(v) ? v : [v]).map((s) => s.slice(0, 10_000));
	}
	return out;
}

export async function submit(
	db: Db,
	survey: surveys.Survey,
	raw: Raw,
	opts: { locale: string; now?: Date }
): Promise<SubmitResult> {
	const form = v.safeParse(Response, raw);
	if (!form.success) return { ok: false, form: 'expired', fields: {} };
	const submissionHash = crypto.hmac('survey-submission', form.output.submission_key);
	const seen = await db
		.selectFrom('survey_response')
		.select('id')
		.where('submission_hash', '=', submissionHash)
		.executeTakeFirst();
	if (seen) return { ok: true, created: false };

	const now = opts.now ?? new Date();
	if (!surveys.accepting(survey, surveys.today(now)))
		return { ok: false, form: 'closed', fields: {} };

	const all = await surveys.questions(db, survey.id, { all: true });
	const byId = new Map(all.map((q) => [q.id, q]));
	for (const name of Object.keys(raw)) {
		if (name.startsWith('a_') && !byId.has(name.slice(2)))
			return { ok: false, form: 'unknown_question', fields: {} };
	}

	const fields: Record<string, FieldError> = {};
	const chosen = new Map<string, string[]>();
	const texts: Array<{ questionId: string; body: string }> = [];
	for (const q of all) {
		const given = values(raw, `a_${q.id}`);
		if (given.length === 0) continue;
		if (q.kind === 'text') {
			const answer = v.safeParse(TextAnswer, given[0]);
			if (!answer.success) fields[`a_${q.id}`] = 'too_long';
			else if (answer.output) texts.push({ questionId: q.id, body: answer.output });
			continue;
		}
		const allowed = surveys.choicesOf(q);
		const picked = q.kind === 'multiple' ? [...new Set(given)] : given.slice(0, 1);
		if (picked.some((c) => !allowed.includes(c))) fields[`a_${q.id}`] = 'unknown_option';
		else chosen.set(q.key + '#' + q.id, picked);
	}
	if (Object.keys(fields).length > 0) return { ok: false, fields };

	// A show-if question counts only when the answer it depends on was given.
	const answerOf = (key: string) =>
		[...chosen.entries()].find(([k]) => k.split('#')[0] === key)?.[1] ?? [];
	const visible = (q: surveys.Question) =>
		!q.show_if || answerOf(q.show_if.question).some((c) => q.show_if!.choices.includes(c));

	const background: Record<'gemeente' | 'stay' | 'sector', string | null> = {
		gemeente: null,
		stay: null,
		sector: null
	};
	for (const q of all) {
		if (!q.background) continue;
		const c = chosen.get(q.key + '#' + q.id)?.[0];
		if (!c) continue;
		// Gemeente options are keyed by the gemeente's id, so breakdowns name real gemeenten.
		background[q.background] = c;
	}

	const code = form.output.code;
	if (survey.requires_code && !code) return { ok: false, form: 'code_missing', fields: {} };

	// The code is spent first, in a transaction of its own, by deleting its row: no row is left
	// whose xmin/xmax, position or time could be matched to the response's (issue #17). A crash
	// between the two loses the code, never counts an answer twice.
	if (code && !(await spendCode(db, survey.id, code)))
		return { ok: false, form: 'code_used', fields: {} };

	const week = isoWeek(new Date(`${surveys.today(now)}T00:00:00Z`));
	const responseId = randomUUID();
	const outcome = await db.transaction().execute(async (tx) => {
		const inserted = await tx
			.insertInto('survey_response')
			.values({
				id: responseId,
				survey_id: survey.id,
				week,
				locale: opts.locale,
				...background,
				submission_hash: submissionHash
			})
			.onConflict((oc) => oc.column('submission_hash').doNothing())
			.returning('id')
			.executeTakeFirst();
		if (!inserted) return 'duplicate' as const;
		const rows = [];
		for (const q of all) {
			if (q.kind === 'text' || !visible(q)) continue;
			for (const choice of chosen.get(q.key + '#' + q.id) ?? [])
				rows.push({
					response_id: responseId,
					survey_id: survey.id,
					question_id: q.id,
					choice,
					locale: opts.locale,
					...background
				});
		}
		if (rows.length > 0) {
			await tx.insertInto('survey_answer').values(rows).execute();
			// Always the same order, so concurrent responses lock tally rows alike (no deadlock).
			const tallies = rows
				.map((r) => ({
					survey_id: r.survey_id,
					question_id: r.question_id,
					choice: r.choice,
					locale: r.locale,
					gemeente: r.gemeente ?? '',
					stay: r.stay ?? '',
					n: 1
				}))
				.sort((a, b) =>
					a.question_id === b.question_id
						? a.choice.localeCompare(b.choice)
						: a.question_id.localeCompare(b.question_id)
				);
			await tx
				.insertInto('survey_tally')
				.values(tallies)
				.onConflict((oc) =>
					oc
						.columns(['survey_id', 'question_id', 'choice', 'locale', 'gemeente', 'stay'])
						.doUpdateSet({ n: sql`survey_tally.n + 1` })
				)
				.execute();
		}
		const open = texts.filter((t) => visible(byId.get(t.questionId)!));
		if (open.length > 0)
			await tx
				.insertInto('survey_text')
				.values(
					open.map((t) => ({
						id: randomUUID(),
						survey_id: survey.id,
						question_id: t.questionId,
						week,
						locale: opts.locale,
						body: t.body,
						flags: moderation.flags(t.body)
					}))
				)
				.execute();
		return 'stored' as const;
	});
	return { ok: true, created: outcome === 'stored' };
}

async function spendCode(db: Db, surveyId: string, code: string): Promise<boolean> {
	const spent = await db
		.deleteFrom('survey_code')
		.where('code_hash', '=', surveys.codeHash(code))
		.where('survey_id', '=', surveyId)
		.where('spent', '=', false)
		.returning('survey_id')
		.executeTakeFirst();
	return spent !== undefined;
}
