// Each locale speaks in one voice: the key terms of the term list are the ones the worker screens
// use, and no worker-facing text (messages, guides, the seeded welkomstpakket) uses a listed wrong
// variant or the formal "you" where a word gives it away.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from './locales';
import { VOICES } from './terms';
import * as welcomePacks from '../server/app/seed/welcome-packs';

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
		const texts = [
			...messages,
			...strings(json(`src/lib/guides/content/${locale}.json`)),
			...strings(welcomePacks.texts('Tiel')[locale])
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
});
