// Each locale speaks in one voice: the key terms of the term list are the ones the worker screens
// use, and no worker-facing text (messages, guides, the seeded welkomstpakket) uses a listed wrong
// variant or the formal "you" where a word gives it away.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales, type Locale } from './locales';
import { VOICES } from './terms';
import * as welcomePacks from '../server/app/seed/welcome-packs';
import * as starterSurvey from '../server/app/seed/starter-survey';

/**
 * Formal forms the uk and lt guides used before their rewrite (issue #16), each beside the informal
 * form that replaced it: the pattern must catch the first and let the second pass, so a formal
 * sentence copied back in is caught too.
 */
const SAMPLES: Partial<Record<Locale, Array<[formal: string, informal: string]>>> = {
	uk: [
		['Зареєструйтеся там, де ви живете.', 'Зареєструйся там, де живеш.'],
		['Не залишайтеся лише в RNI.', 'Не залишайся лише в RNI.'],
		['Повідомте свою нову gemeente.', 'Повідом свою нову gemeente.'],
		['Будете в Нідерландах менше?', 'Будеш у Нідерландах менше?'],
		['Маєте тимчасовий захист?', 'Маєш тимчасовий захист?'],
		['Запишіться на прийом.', 'Запишися на прийом.'],
		['Інакше платитимете двічі.', 'Інакше платитимеш двічі.'],
		['Попросіть колег говорити з вами.', 'Попроси колег говорити з тобою.'],
		['Ділите кімнату навіть з іншими?', 'Ділиш кімнату навіть з іншими?'],
		['Ви можете повідомити про це.', 'Це опитування закрите.']
	],
	lt: [
		['Užsiregistruokite ten, kur gyvenate.', 'Užsiregistruok ten, kur gyveni.'],
		['Registruojatės tuo adresu.', 'Registruojiesi tuo adresu.'],
		['Praktikuokitės internetu.', 'Praktikuokis internetu.'],
		['Gausite BSN.', 'Gausi BSN.'],
		['Negavote kortelės?', 'Negavai kortelės?'],
		['Kad galėtumėte pateikti prašymą.', 'Kad galėtum pateikti prašymą.'],
		['Ji jus registruoja.', 'Ji tave registruoja.'],
		['Kalbėk su jumis.', 'Kalbėk su tavimi per savaitės pradžią.'],
		['Jūsų gemeente.', 'Tavo gemeente.']
	]
};

const root = path.resolve(import.meta.dirname, '../../..');
const json = (f: string) => JSON.parse(fs.readFileSync(path.join(root, f), 'utf8')) as unknown;

function strings(o: unknown): string[] {
	if (typeof o === 'string') return [o];
	if (o && typeof o === 'object') return Object.values(o).flatMap(strings);
	return [];
}

describe('one voice per language', () => {
	for (const locale of locales) {
		const voice = VOICES[locale];
		const messages = strings(json(`messages/${locale}.json`));
		const survey = starterSurvey.texts()[locale];
		const texts = [
			...messages,
			...strings(json(`src/lib/guides/content/${locale}.json`)),
			...strings(welcomePacks.texts('Tiel')[locale]),
			...survey
		];

		it(`${locale}: the term list names the words the worker screens use`, () => {
			const all = messages.join('\n').toLowerCase();
			for (const [term, rendering] of Object.entries(voice.terms))
				expect(all, `${locale} ${term}`).toContain(rendering.toLowerCase());
		});

		it(`${locale}: no text uses a listed wrong variant`, () => {
			const hits = voice.avoid.flatMap((wrong) =>
				texts.filter((t) => wrong.test(t)).map((t) => `${wrong}: ${t}`)
			);
			expect(hits, locale).toEqual([]);
		});
	}

	for (const [locale, samples] of Object.entries(SAMPLES) as Array<[Locale, [string, string][]]>)
		it(`${locale}: the formal pattern catches the guides' old formal forms, not their rewrites`, () => {
			const formal = VOICES[locale].formal;
			for (const [formalText, informalText] of samples) {
				expect(formal?.test(formalText), formalText).toBe(true);
				expect(formal?.test(informalText), informalText).toBe(false);
			}
		});

	for (const locale of locales) {
		const formal = VOICES[locale].formal;
		if (!formal) continue;
		// A placeholder is a name for code ({date}), not a word the worker reads.
		const hits = (list: string[]) => list.filter((t) => formal.test(t.replace(/\{\w+\}/g, '')));

		it(`${locale}: the starter survey addresses the worker as the report screens do`, () => {
			expect(hits(starterSurvey.texts()[locale]), locale).toEqual([]);
		});

		it(`${locale}: messages, guides and the welkomstpakket never use the formal "you"`, () => {
			const found = hits([
				...strings(json(`messages/${locale}.json`)),
				...strings(json(`src/lib/guides/content/${locale}.json`)),
				...strings(welcomePacks.texts('Tiel')[locale])
			]);
			expect(found, locale).toEqual([]);
		});
	}
});
