// Questions a coordinator adds to the catalogue: the answer types, the limits of their texts, and
// the one check the editor, the database layer and the tests share. A question is usable once it
// is written in every worker language (issue #19: "usable once written in all 13 locales; drafts
// allowed"); until then it is a draft, kept but never offered on a case.
import { cleanLine, length } from '../shell/text.ts';
import type { Question } from './questions.ts';

export const ANSWER_TYPES = ['choice', 'yesno', 'date', 'number', 'text'] as const;
export type AnswerType = (typeof ANSWER_TYPES)[number];

export const MAX_QUESTION = 200;
export const MAX_OPTION = 80;
export const MIN_OPTIONS = 2;
export const MAX_OPTIONS = 8;
/** The limits of a custom number or text answer (the catalogue sets its own per question). */
export const NUMBER = { min: 0, max: 999 } as const;
export const MAX_ANSWER_TEXT = 200;

/** One language's texts; `options` only for a choice, in the same order in every language. */
export interface LocaleTexts {
	question: string;
	options: string[];
}

export type Texts = Record<string, LocaleTexts>;

const PREFIX = 'custom_';

/** The key a custom question is asked and answered under (report_question.key). */
export function key(id: string): string {
	return `${PREFIX}${id}`;
}

/** The custom question's id in a key, or null for a catalogue key. */
export function idOf(questionKey: string): string | null {
	return questionKey.startsWith(PREFIX) ? questionKey.slice(PREFIX.length) : null;
}

export type EditorError =
	'type' | 'dutch' | 'too_long' | 'option_too_long' | 'options_count' | 'options_differ';

export type Checked =
	| { ok: true; type: AnswerType; texts: Texts; missing: string[] }
	| { ok: false; error: EditorError; locale?: string };

/**
 * The editor's input as typed (`options`: one option per line) → cleaned texts and the languages
 * still missing. Dutch is required even for a draft: staff read the question and its answers in it.
 */
export function check(
	input: { type: string; texts: Record<string, { question: string; options: string }> },
	locales: readonly string[]
): Checked {
	if (!(ANSWER_TYPES as readonly string[]).includes(input.type))
		return { ok: false, error: 'type' };
	const type = input.type as AnswerType;
	const texts: Texts = {};
	const missing: string[] = [];
	let count: number | null = null;
	for (const l of locales) {
		const question = cleanLine(input.texts[l]?.question ?? '');
		const options =
			type === 'choice'
				? (input.texts[l]?.options ?? '').split('\n').map(cleanLine).filter(Boolean)
				: [];
		if (length(question) > MAX_QUESTION) return { ok: false, error: 'too_long', locale: l };
		if (options.some((o) => length(o) > MAX_OPTION))
			return { ok: false, error: 'option_too_long', locale: l };
		if (!question || (type === 'choice' && options.length === 0)) {
			missing.push(l);
			continue;
		}
		if (type === 'choice') {
			if (options.length < MIN_OPTIONS || options.length > MAX_OPTIONS)
				return { ok: false, error: 'options_count', locale: l };
			// An answer is stored as the option's place, so every language must list as many.
			if (count !== null && options.length !== count)
				return { ok: false, error: 'options_differ', locale: l };
			count = options.length;
		}
		texts[l] = { question, options };
	}
	if (missing.includes('nl')) return { ok: false, error: 'dutch' };
	return { ok: true, type, texts, missing };
}

/** The languages of `locales` a stored question is not written in yet. */
export function missing(texts: Texts, locales: readonly string[]): string[] {
	return locales.filter((l) => !texts[l]?.question);
}

/** A stored custom question as a catalogue question: choices are the options' places, 1-based. */
export function toQuestion(id: string, type: AnswerType, texts: Texts): Question {
	const k = key(id);
	switch (type) {
		case 'choice':
			return {
				key: k,
				type,
				choices: (texts.nl?.options ?? []).map((_, i) => String(i + 1))
			};
		case 'number':
			return { key: k, type, ...NUMBER };
		case 'text':
			return { key: k, type, max: MAX_ANSWER_TEXT };
		default:
			return { key: k, type };
	}
}

/**
 * The question's words as text-pack entries in `locale` (Dutch where that language is missing, as
 * for a draft or a retired question), under the keys the catalogue's own texts use, so every page
 * that reads `followup_question_<key>` reads custom questions the same way.
 */
export function packEntries(id: string, texts: Texts, locale: string): Record<string, string> {
	const own = texts[locale]?.question ? texts[locale] : texts.nl;
	if (!own) return {};
	const k = key(id);
	const out: Record<string, string> = { [`followup_question_${k}`]: own.question };
	own.options.forEach((o, i) => (out[`followup_question_${k}_${i + 1}`] = o));
	return out;
}
