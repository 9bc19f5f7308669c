import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { check, idOf, key, missing, packEntries, toQuestion } from './custom-questions.ts';
import { schema } from './questions.ts';
import { answerText, choiceText } from '../report/texts.ts';

const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];
const ID = '6f1c3a52-6d8e-4a37-9d1f-0a4b7c2e9f10';

function typed(
	type: string,
	written: readonly string[],
	options = (l: string) => `Ja (${l})\nNee (${l})\nWeet niet (${l})`
) {
	return {
		type,
		texts: Object.fromEntries(
			written.map((l) => [l, { question: `Hoe laat (${l})?`, options: options(l) }])
		)
	};
}

describe('a coordinator’s question as typed in the editor', () => {
	it('is complete once every language has its question and options', () => {
		const r = check(typed('choice', LOCALES), LOCALES);
		expect(r.ok && r.missing).toEqual([]);
		expect(r.ok && r.texts.pl).toEqual({
			question: 'Hoe laat (pl)?',
			options: ['Ja (pl)', 'Nee (pl)', 'Weet niet (pl)']
		});
	});

	it('is a draft naming the languages still missing, a choice without options counting as missing', () => {
		const input = typed('choice', ['nl', 'en', 'pl', 'ro']);
		input.texts.ro.options = '  \n ';
		const r = check(input, LOCALES);
		expect(r.ok).toBe(true);
		expect(r.ok && r.missing).toEqual(['ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es']);
	});

	it('needs Dutch even as a draft, and a known kind of answer', () => {
		expect(check(typed('date', ['en', 'pl']), LOCALES)).toEqual({ ok: false, error: 'dutch' });
		expect(check(typed('colour', LOCALES), LOCALES)).toEqual({ ok: false, error: 'type' });
	});

	it('refuses too few, too many or a different number of options, naming the language', () => {
		expect(
			check(
				typed('choice', LOCALES, () => 'Alleen'),
				LOCALES
			)
		).toEqual({
			ok: false,
			error: 'options_count',
			locale: 'nl'
		});
		const nine = Array.from({ length: 9 }, (_, i) => `k${i}`).join('\n');
		expect(
			check(
				typed('choice', LOCALES, () => nine),
				LOCALES
			)
		).toMatchObject({
			error: 'options_count'
		});
		const differ = typed('choice', LOCALES, (l) => (l === 'hu' ? 'a\nb' : 'a\nb\nc'));
		expect(check(differ, LOCALES)).toEqual({ ok: false, error: 'options_differ', locale: 'hu' });
	});

	it('refuses a question or option that is too long, and cleans hidden characters and line breaks', () => {
		const long = typed('text', LOCALES);
		long.texts.cs.question = 'x'.repeat(201);
		expect(check(long, LOCALES)).toEqual({ ok: false, error: 'too_long', locale: 'cs' });
		const option = typed('choice', LOCALES, (l) => (l === 'es' ? `a\n${'y'.repeat(81)}` : 'a\nb'));
		expect(check(option, LOCALES)).toEqual({ ok: false, error: 'option_too_long', locale: 'es' });
		const dirty = typed('yesno', LOCALES);
		dirty.texts.nl.question = ' Woon\u200Bt u\n er nog? ';
		const r = check(dirty, LOCALES);
		expect(r.ok && r.texts.nl).toEqual({ question: 'Woont u er nog?', options: [] });
	});
});

describe('a stored custom question', () => {
	const r = check(typed('choice', LOCALES), LOCALES);
	if (!r.ok) throw new Error('valid');

	it('is asked under its own key and answered with the place of an option', () => {
		expect(idOf(key(ID))).toBe(ID);
		expect(idOf('sleepers')).toBeNull();
		const q = toQuestion(ID, 'choice', r.texts);
		expect(q).toEqual({ key: `custom_${ID}`, type: 'choice', choices: ['1', '2', '3'] });
		expect(v.parse(schema(q), '2')).toBe('2');
		expect(v.safeParse(schema(q), '4').success).toBe(false);
		expect(v.safeParse(schema(toQuestion(ID, 'number', r.texts)), '1000').success).toBe(false);
		expect(v.parse(schema(toQuestion(ID, 'date', r.texts)), '2026-12-05')).toBe('2026-12-05');
		expect(v.safeParse(schema(toQuestion(ID, 'date', r.texts)), '2026-02-30').success).toBe(false);
	});

	it('reads in the reader’s language, Dutch where that language is missing', () => {
		const pl = packEntries(ID, r.texts, 'pl');
		expect(pl[`followup_question_custom_${ID}`]).toBe('Hoe laat (pl)?');
		expect(pl[`followup_question_custom_${ID}_3`]).toBe('Weet niet (pl)');
		const draft = { nl: r.texts.nl };
		expect(missing(draft, LOCALES)).toHaveLength(12);
		expect(packEntries(ID, draft, 'pl')[`followup_question_custom_${ID}`]).toBe('Hoe laat (nl)?');
	});

	it('shows an answer by the type stored with it: an option by its label, a date in the reader’s format', () => {
		const t = packEntries(ID, r.texts, 'pl');
		const k = key(ID);
		expect(answerText(t, k, '2', 'pl', 'choice')).toBe('Nee (pl)');
		expect(choiceText(t, toQuestion(ID, 'choice', r.texts), '1')).toBe('Ja (pl)');
		expect(answerText(t, k, '2026-12-05', 'nl', 'date')).not.toBe('2026-12-05');
		expect(answerText({ followup_question_yes: 'Tak' }, k, 'yes', 'pl', 'yesno')).toBe('Tak');
		expect(answerText(t, k, 'yes', 'pl', 'text')).toBe('yes');
	});
});
