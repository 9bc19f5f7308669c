// The former wordings name texts the seed still has, and none of them is today's wording: a key
// or locale the seed no longer knows would never be matched, and today's text listed as former
// would mark every untouched text as old.
import { describe, expect, it } from 'vitest';
import * as demoFacilities from './facilities.ts';
import * as former from './former-wordings.ts';
import * as starterSurvey from './starter-survey.ts';
import * as welcomePacks from './welcome-packs.ts';

describe('former seeded wordings', () => {
	it('belong to a starter-survey text and locale of today, each differing from it', () => {
		const today = starterSurvey.wording();
		for (const [key, byLocale] of Object.entries(former.starterSurvey)) {
			const now = key === 'title' ? today.title : today.questions[key];
			expect(now, key).toBeDefined();
			for (const [locale, texts] of Object.entries(byLocale)) {
				expect(now[locale], `${key} ${locale}`).toBeDefined();
				expect(texts, `${key} ${locale}`).not.toContain(now[locale]);
			}
		}
	});

	it('belong to a welkomstpakket locale and gemeente of today, each differing from it', () => {
		const today = welcomePacks.texts('{name}');
		for (const [locale, rows] of Object.entries(former.welcomeTexts)) {
			expect(today[locale], locale).toBeDefined();
			expect(rows, locale).not.toContainEqual(today[locale]);
		}
		for (const [gemeente, lists] of Object.entries(former.welcomeContacts)) {
			expect(welcomePacks.gemeenten, gemeente).toContain(gemeente);
			expect(lists, gemeente).not.toContainEqual(welcomePacks.contacts(gemeente));
		}
	});

	it('belong to a demo facility of today, each differing from it', () => {
		for (const [key, fields] of Object.entries(former.facilities)) {
			const now = demoFacilities.DEMO.find((d) => d.key === key);
			expect(now, key).toBeDefined();
			for (const [field, values] of Object.entries(fields) as Array<
				['address' | 'postcode', string[]]
			>)
				expect(values, `${key} ${field}`).not.toContain(now?.[field]);
		}
	});
});
