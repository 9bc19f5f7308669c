// Every word a worker reads exists in every locale; every key the code uses exists.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import { m as sm } from '$lib/paraglide-staff/messages.js';
import { locales } from './locales';

const root = path.resolve(__dirname, '../../..');
const read = (file: string) =>
	JSON.parse(fs.readFileSync(path.join(root, file), 'utf8')) as Record<string, string>;
const keys = (o: Record<string, string>) => Object.keys(o).filter((k) => !k.startsWith('$'));

function sourceFiles(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const p = path.join(dir, e.name);
		if (e.isDirectory()) return e.name.startsWith('paraglide') ? [] : sourceFiles(p);
		return /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.spec.ts') ? [p] : [];
	});
}

describe('worker messages', () => {
	const base = read('messages/en.json');
	for (const locale of locales) {
		it(`are complete in ${locale}: no key missing, none empty, placeholders kept`, () => {
			const msgs = read(`messages/${locale}.json`);
			expect(keys(msgs).sort()).toEqual(keys(base).sort());
			for (const k of keys(base)) {
				expect(msgs[k]?.trim(), `${locale}.${k}`).toBeTruthy();
				const want = (base[k].match(/\{\w+\}/g) ?? []).sort();
				expect((msgs[k].match(/\{\w+\}/g) ?? []).sort(), `${locale}.${k} placeholders`).toEqual(
					want
				);
			}
		});
	}

	it('are translated: most texts differ from English in every other locale', () => {
		for (const locale of locales.filter((l) => l !== 'en')) {
			const msgs = read(`messages/${locale}.json`);
			const same = keys(base).filter((k) => msgs[k] === base[k] && base[k].length > 12);
			expect(same, `${locale} has English texts`).toEqual([]);
		}
	});

	it('compile into a working runtime (Paraglide generated real messages)', () => {
		expect(m.home_title({}, { locale: 'pl' })).toBe(read('messages/pl.json').home_title);
		expect(m.home_title({}, { locale: 'nl' })).toBe('Welkom');
		expect(sm.staff_logout({}, { locale: 'en' })).toBe('Log out');
	});
});

describe('staff messages', () => {
	it('exist in Dutch and English with the same keys', () => {
		expect(keys(read('messages/staff/nl.json')).sort()).toEqual(
			keys(read('messages/staff/en.json')).sort()
		);
	});
});

describe('message keys used in code', () => {
	it('all exist in the message files', () => {
		const worker = new Set(keys(read('messages/en.json')));
		const staff = new Set(keys(read('messages/staff/en.json')));
		const missing: string[] = [];
		for (const file of sourceFiles(path.join(root, 'src'))) {
			const text = fs.readFileSync(file, 'utf8');
			for (const [, key] of text.matchAll(/\bm\.([a-z][a-z0-9_]*)\b/g)) {
				if (!worker.has(key)) missing.push(`${path.relative(root, file)}: m.${key}`);
			}
			// Text packs (report pages): t.key must be a worker message too.
			for (const [, key] of text.matchAll(
				/\b(?:t|shell|ft|data\.t)\.((?:report|followup|home|error|shell|nav|guide|checklist|glossary|welcome|more|offline|today|language)_[a-z0-9_]*)\b/g
			)) {
				if (!worker.has(key)) missing.push(`${path.relative(root, file)}: t.${key}`);
			}
			for (const [, key] of text.matchAll(/\bsm\.([a-z][a-z0-9_]*)\b/g)) {
				if (!staff.has(key)) missing.push(`${path.relative(root, file)}: sm.${key}`);
			}
		}
		expect(missing).toEqual([]);
	});
});
