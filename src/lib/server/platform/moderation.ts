// Pre-flags open answers and feedback comments that may name someone: phone numbers, e-mail
// addresses, postcodes and street addresses, employers, and capitalised name pairs. The editor
// decides; the flags only point. Nothing reaches the panel before an editor approved it.
import type { Db } from './db/index.ts';
import type { ModerationState } from './db/schema.ts';
import { clean, length } from '../../shell/text.ts';
import { isUuid } from '../../shell/uuid.ts';

export type Flag = 'phone' | 'email' | 'address' | 'employer' | 'name';

const PATTERNS: Array<[Flag, RegExp]> = [
	['phone', /(?:\+|00)?\d[\d\s\-/().]{7,}\d/],
	['email', /[^\s@]@[^\s@.]+\.[^\s@]/],
	// Dutch postcode, or a street word followed by a house number. The street word's stem is a
	// lookbehind of one letter, not `\p{L}+`, which backtracked quadratically over long words.
	[
		'address',
		/\b\d{4}\s?[A-Z]{2}\b|(?<=\p{L})(?:straat|weg|laan|plein|dijk|gracht|kade|singel|hof|steeg|pad|ulica|ul\.|strada|str\.)\s*\d+/iu
	],
	[
		'employer',
		/\b(?:B\.?V\.?|N\.?V\.?|GmbH|Sp\.? z o\.?o\.?|S\.R\.L\.|uitzendbureau|agency|agencja|agenție|firma|company)\b/iu
	],
	// Two capitalised words in a row, not at the start of a sentence.
	['name', /(?<![.!?]\s|^)\b\p{Lu}\p{Ll}+\s+\p{Lu}\p{Ll}+/u]
];

/**
 * The text with every phone number replaced by "[…]": when a report's contact details are wiped,
 * a number the reporter typed into a message goes too (AVG art. 5(1)(e)).
 */
export function withoutPhoneNumbers(text: string): string {
	const phone = PATTERNS.find(([flag]) => flag === 'phone')![1];
	return text.replace(new RegExp(phone.source, 'g'), '[…]');
}

// Bounded cost (issue #17): answers and comments are capped below this anyway, and the patterns
// are written so each runs in about linear time; a longer text is flagged on its start only.
const MAX_SCANNED = 4000;

export function flags(text: string): Flag[] {
	const scanned = text.slice(0, MAX_SCANNED);
	return PATTERNS.filter(([, re]) => re.test(scanned)).map(([f]) => f);
}

export const MAX_EDITED = 2000;

type Table = 'survey_text' | 'feedback';

/** Pending open answers of the region's surveys and pending feedback comments, oldest first. */
export async function queue(db: Db, regionId: string) {
	const answers = await db
		.selectFrom('survey_text as t')
		.innerJoin('survey as s', 's.id', 't.survey_id')
		.innerJoin('survey_question as q', 'q.id', 't.question_id')
		.select(['t.id', 't.body', 't.flags', 't.locale', 't.week', 's.title', 'q.texts'])
		.where('s.region_id', '=', regionId)
		.where('t.state', '=', 'pending')
		.orderBy('t.week')
		.limit(200)
		.execute();
	const comments = await db
		.selectFrom('feedback')
		.select(['id', 'body', 'flags', 'locale', 'week', 'page'])
		.where('region_id', '=', regionId)
		.where('state', '=', 'pending')
		.where('body', 'is not', null)
		.orderBy('week')
		.limit(200)
		.execute();
	return {
		answers: answers.map((a) => ({
			kind: 'survey_text' as const,
			id: a.id,
			body: a.body,
			flags: a.flags,
			locale: a.locale,
			week: a.week,
			context: `${a.title} · ${a.texts.nl ?? a.texts.en ?? ''}`
		})),
		comments: comments.map((c) => ({
			kind: 'feedback' as const,
			id: c.id,
			body: c.body ?? '',
			flags: c.flags,
			locale: c.locale,
			week: c.week,
			context: c.page
		}))
	};
}

/**
 * Approves (with the editor's redacted text, which replaces the original) or rejects one item.
 * The region check keeps one region's editor away from another's answers.
 */
export async function decide(
	db: Db,
	actor: { id: string; regionId: string },
	input: { kind: Table; id: string; state: Exclude<ModerationState, 'pending'>; body: string }
): Promise<'ok' | 'not_found' | 'too_long'> {
	if (!isUuid(input.id)) return 'not_found';
	const body = clean(input.body);
	if (input.state === 'approved' && (!body || length(body) > MAX_EDITED)) return 'too_long';
	const text = input.state === 'approved' ? body : '';
	if (input.kind === 'survey_text') {
		const r = await db
			.updateTable('survey_text')
			.set({ state: input.state, body: text, flags: flags(text), moderated_by: actor.id })
			.where('id', '=', input.id)
			.where(
				'survey_id',
				'in',
				db.selectFrom('survey').select('id').where('region_id', '=', actor.regionId)
			)
			.executeTakeFirst();
		return r.numUpdatedRows > 0n ? 'ok' : 'not_found';
	}
	const r = await db
		.updateTable('feedback')
		.set({ state: input.state, body: text || null, flags: flags(text) })
		.where('id', '=', input.id)
		.where('region_id', '=', actor.regionId)
		.executeTakeFirst();
	return r.numUpdatedRows > 0n ? 'ok' : 'not_found';
}
