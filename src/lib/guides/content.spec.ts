// Every locale has every guide with the same steps, the same fields per step, the same
// placeholders, the same checklist and glossary — and none of it left in English.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../i18n/locales';
import { CATEGORIES } from '../facilities/categories';
import * as structure from './structure';

type Json = Record<string, unknown>;
const dir = path.join(import.meta.dirname, 'content');
const read = (l: string) =>
	JSON.parse(fs.readFileSync(path.join(dir, `${l}.json`), 'utf8')) as Json;
const en = read('en');

function flat(o: unknown, prefix = ''): Array<[string, unknown]> {
	if (o && typeof o === 'object')
		return Object.entries(o).flatMap(([k, v]) => flat(v, prefix ? `${prefix}.${k}` : k));
	return [[prefix, o]];
}

/** The keys the structure demands, in order. */
function expectedKeys(): string[] {
	const keys: string[] = [];
	for (const g of structure.guides) {
		keys.push(`guides.${g.slug}.title`, `guides.${g.slug}.summary`);
		for (const s of g.steps) {
			keys.push(`guides.${g.slug}.steps.${s.id}.title`, `guides.${g.slug}.steps.${s.id}.text`);
			if (s.bring) keys.push(`guides.${g.slug}.steps.${s.id}.bring`);
			if (s.where) keys.push(`guides.${g.slug}.steps.${s.id}.where`);
		}
	}
	for (const c of structure.checklist)
		keys.push(`checklist.${c.id}.title`, `checklist.${c.id}.text`);
	for (const w of structure.glossary) keys.push(`glossary.${w.id}`);
	return keys;
}

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(' ');

describe('guide content', () => {
	it('has a file for every supported locale and no other', () => {
		const files = fs.readdirSync(dir).filter((f) => f.endsWith('.json'));
		expect(files.map((f) => f.replace('.json', '')).sort()).toEqual([...locales].sort());
	});

	for (const locale of locales) {
		it(`${locale}: has every guide, step, field, checklist item and glossary word, in order`, () => {
			const entries = flat(read(locale));
			expect(entries.map(([k]) => k)).toEqual(expectedKeys());
			for (const [key, value] of entries) {
				expect(typeof value, key).toBe('string');
				expect((value as string).trim().length, key).toBeGreaterThan(0);
			}
		});

		it(`${locale}: keeps every placeholder, and only known figures`, () => {
			const own = new Map(flat(read(locale)));
			for (const [key, value] of flat(en)) {
				expect(placeholders(own.get(key) as string), key).toBe(placeholders(value as string));
				for (const p of (value as string).match(/\{(\w+)\}/g) ?? [])
					expect(structure.FACT_KEYS as readonly string[], key).toContain(p.slice(1, -1));
			}
		});

		if (locale !== 'en')
			it(`${locale}: is translated, not copied from English`, () => {
				const own = new Map(flat(read(locale)));
				const copied = flat(en)
					.filter(([k, v]) => (v as string).length > 20 && own.get(k) === v)
					.map(([k]) => k);
				expect(copied).toEqual([]);
			});
	}

	it('links steps only to facility categories the map knows', () => {
		for (const g of structure.guides)
			for (const s of g.steps)
				if (s.map) expect(CATEGORIES as readonly string[], `${g.slug}.${s.id}`).toContain(s.map);
	});

	it('keeps every number of the English text in every translation', () => {
		// Legal limits (4 months, 5 days, 14 days, 8%) must not drift in translation.
		const numbers = (s: string) => (s.replace(/\{\w+\}/g, '').match(/\d+/g) ?? []).sort().join(' ');
		for (const locale of locales) {
			const own = new Map(flat(read(locale)));
			for (const [key, value] of flat(en))
				expect(numbers(own.get(key) as string), `${locale} ${key}`).toBe(numbers(value as string));
		}
	});
});
