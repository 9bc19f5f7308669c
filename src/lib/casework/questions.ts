// The structured questions a handler may ask a reporter: one definition per question (its answer
// type and limits), shared by the staff form, the reporter's answer form and the server's checks.
// Texts are message keys `followup_question_<key>` (choices `followup_question_<key>_<choice>`),
// so a question reaches the reporter in their language whoever asked it. Coordinators add their own
// questions (custom-questions.ts): the same shapes, with texts from the database under the same keys.
import * as v from 'valibot';
import { lineField } from '../input/schema.ts';

export type Question =
	| { key: string; type: 'date' }
	| { key: string; type: 'number'; min: number; max: number }
	| { key: string; type: 'yesno' }
	| { key: string; type: 'text'; max: number }
	| { key: string; type: 'choice'; choices: readonly string[] };

export const QUESTIONS = [
	{ key: 'when', type: 'date' },
	{ key: 'sleepers', type: 'number', min: 1, max: 50 },
	{ key: 'passport', type: 'yesno' },
	{ key: 'visit', type: 'yesno' },
	{ key: 'agency', type: 'text', max: 120 },
	{ key: 'still_living', type: 'choice', choices: ['yes', 'moved', 'leaving'] }
] as const satisfies readonly Question[];

export type QuestionKey = (typeof QUESTIONS)[number]['key'];

export const YES_NO = ['yes', 'no'] as const;

/** A catalogue question, or one of `custom` (a region's own questions). */
export function find(key: string, custom: readonly Question[] = []): Question | undefined {
	return [...(QUESTIONS as readonly Question[]), ...custom].find((q) => q.key === key);
}

/** Every message key the catalogue needs, for the completeness test. */
export function messageKeys(): string[] {
	return QUESTIONS.flatMap((q: Question) => [
		`followup_question_${q.key}`,
		...(q.type === 'choice' ? q.choices.map((c) => `followup_question_${q.key}_${c}`) : [])
	]);
}

/** The choices of a yes/no or choice question; empty for the others. */
export function choices(q: Question): readonly string[] {
	return q.type === 'yesno' ? YES_NO : q.type === 'choice' ? q.choices : [];
}

/** The message key of a choice's label. */
export function choiceKey(q: Question, choice: string): string {
	return q.type === 'yesno'
		? `followup_question_${choice}`
		: `followup_question_${q.key}_${choice}`;
}

// Error codes are message-key suffixes (followup_error_question_*), as the other follow-up errors.
const DATE = 'question_date';
const NUMBER = 'question_number';
const CHOICE = 'question_choice';
const TEXT = 'question_text';

function realDay(s: string): boolean {
	const day = new Date(`${s}T00:00:00Z`);
	return !Number.isNaN(day.getTime()) && day.toISOString().slice(0, 10) === s;
}

/** The schema of one answer: the typed form value in, the stored canonical string out. */
export function schema(q: Question): v.GenericSchema<unknown, string> {
	switch (q.type) {
		case 'date':
			// isoDate checks the pattern only; 30 February must not pass as a day.
			return v.pipe(v.string(DATE), v.trim(), v.isoDate(DATE), v.check(realDay, DATE));
		case 'number':
			return v.pipe(
				v.string(NUMBER),
				v.trim(),
				v.regex(/^\d{1,3}$/, NUMBER),
				v.transform(Number),
				v.minValue(q.min, NUMBER),
				v.maxValue(q.max, NUMBER),
				v.transform(String)
			);
		case 'text':
			return v.pipe(lineField(q.max, TEXT), v.nonEmpty(TEXT));
		default:
			return v.picklist(choices(q) as string[], CHOICE);
	}
}
