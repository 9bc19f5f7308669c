// Every word a worker reads exists in every locale; every key the code uses exists.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { m } from '$lib/paraglide/messages.js';
import { missing } from '../server/i18n/completeness.ts';
import { text, staffText, pack, WORKER } from '../server/i18n/messages.ts';
import * as pushTexts from '../server/push/texts.ts';
import { LABELS } from '../report/labels';
import * as questions from '../casework/questions';
import { locales, nativeNames } from './locales';

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
	});
});

describe('staff messages', () => {
	it('exist in Dutch and English with the same keys', () => {
		expect(keys(read('messages/staff/nl.json')).sort()).toEqual(
			keys(read('messages/staff/en.json')).sort()
		);
	});

	it('are plain texts with {name} placeholders, the same in both, as fmt fills them', () => {
		// No Paraglide variants (declarations/match objects): pages read strings and fmt fills them.
		const [nl, en] = [read('messages/staff/nl.json'), read('messages/staff/en.json')];
		const holes = (t: string) => (t.match(/\{\w+\}/g) ?? []).sort();
		for (const k of keys(en)) {
			for (const t of [nl[k], en[k]]) {
				expect(typeof t, k).toBe('string');
				expect(t.trim(), k).not.toBe('');
				expect(t.replace(/\{\w+\}/g, ''), `${k}: a brace fmt would not fill`).not.toMatch(/[{}]/);
			}
			expect(holes(nl[k]), `${k} placeholders`).toEqual(holes(en[k]));
		}
	});
});

describe('adding a locale', () => {
	const registers = { root, named: Object.keys(nativeNames), registered: Object.keys(WORKER) };

	it('finds nothing missing for the 13 locales', () => {
		for (const locale of locales) expect(missing(locale, registers), locale).toEqual([]);
	});

	it('lists every step still to do for a new locale, by file', () => {
		expect(missing('xx', registers)).toEqual([
			'messages/project.inlang/settings.json: "xx" is not in "locales"',
			'messages/xx.json: no such file (copy messages/en.json and translate it)',
			'src/lib/guides/content/xx.json: no such file (the shape of en.json there)',
			'src/lib/i18n/locales.ts: no name for "xx" in nativeNames',
			'src/lib/server/i18n/messages.ts: messages/xx.json is not imported into WORKER'
		]);
	});

	it('names the keys a half-translated locale still lacks', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'locale-'));
		fs.mkdirSync(path.join(dir, 'messages/project.inlang'), { recursive: true });
		fs.mkdirSync(path.join(dir, 'src/lib/guides/content'), { recursive: true });
		fs.writeFileSync(
			path.join(dir, 'messages/project.inlang/settings.json'),
			JSON.stringify({ locales: ['en', 'xx'] })
		);
		fs.writeFileSync(
			path.join(dir, 'messages/en.json'),
			JSON.stringify({ a_one: 'One', a_two: 'Two {n}', a_three: 'Three' })
		);
		fs.writeFileSync(
			path.join(dir, 'messages/xx.json'),
			JSON.stringify({ a_one: 'Eins', a_two: 'Zwei' })
		);
		fs.writeFileSync(path.join(dir, 'src/lib/guides/content/xx.json'), '{}');
		expect(missing('xx', { root: dir, named: ['xx'], registered: ['xx'] })).toEqual([
			'messages/xx.json: missing a_three',
			'messages/xx.json: placeholders differ in a_two'
		]);
		fs.rmSync(dir, { recursive: true });
	});
});

describe('the message API', () => {
	it('reads a text in the asked language, with Dutch for an unknown one', () => {
		const pl = read('messages/pl.json');
		expect(text('pl', 'push_news_body')).toBe(pl.push_news_body);
		expect(text('xx', 'push_news_body')).toBe(read('messages/nl.json').push_news_body);
		expect(staffText('en', 'staff_logout')).toBe('Log out');
	});

	it('sends push texts from the same files in every locale', () => {
		for (const locale of locales) {
			const msgs = read(`messages/${locale}.json`);
			expect(pushTexts.payload('news', locale).title).toBe(msgs.app_name);
			expect(pushTexts.payload('news', locale).body).toBe(msgs.push_news_body);
		}
	});

	it('packs exactly the keys of the prefixes, in one language', () => {
		const t = pack('ro', ['feedback_']);
		const ro = read('messages/ro.json');
		const want = keys(read('messages/en.json')).filter((k) => k.startsWith('feedback_'));
		expect(Object.keys(t).sort()).toEqual(want.sort());
		for (const k of want) expect((t as Record<string, string>)[k]).toBe(ro[k]);
	});
});

describe('message keys used in code', () => {
	const worker = new Set(keys(read('messages/en.json')));
	const staff = new Set(keys(read('messages/staff/en.json')));
	// A key's first word names its feature (report_, map_ …); read from the files, never listed here.
	const features = new Set([...worker].map((k) => k.split('_')[0]));
	const files = sourceFiles(path.join(root, 'src')).map((file) => ({
		file: path.relative(root, file),
		text: fs.readFileSync(file, 'utf8')
	}));

	it('all exist in the message files: m., st., text(), staffText() and pack prefixes', () => {
		const missing: string[] = [];
		const strings = (list: string) => [...list.matchAll(/'([^']*)'/g)].map((x) => x[1]);
		for (const { file, text } of files) {
			for (const [, key] of text.matchAll(/\bm\.([a-z][a-z0-9_]*)\b/g)) {
				if (!worker.has(key)) missing.push(`${file}: m.${key}`);
			}
			// Staff pages and components read `st.key` (the staff text object, see staff/texts.ts).
			for (const [, key] of text.matchAll(/\bst\.([a-z][a-z0-9_]*)\b/g)) {
				if (!staff.has(key)) missing.push(`${file}: st.${key}`);
			}
			// A key built at run time (st[`staff_survey_state_${s}`]): its fixed start names some key.
			for (const [, start] of text.matchAll(/\b(?:st\[|textOf\(st, )`([a-z0-9_]+)\$\{/g)) {
				if (![...staff].some((k) => k.startsWith(start)))
					missing.push(`${file}: st[\`${start}…\`]`);
			}
			for (const [, key] of text.matchAll(/\btext\([^,()]+,\s*'([a-z0-9_]+)'/g)) {
				if (!worker.has(key)) missing.push(`${file}: text('${key}')`);
			}
			for (const [, key] of text.matchAll(/\bstaffText\([^,()]+,\s*'([a-z0-9_]+)'/g)) {
				if (!staff.has(key)) missing.push(`${file}: staffText('${key}')`);
			}
			for (const [, list] of text.matchAll(/\bpack\([^,()]+,\s*\[([^\]]*)\]/g)) {
				for (const prefix of strings(list)) {
					if (![...worker].some((k) => k.startsWith(prefix)))
						missing.push(`${file}: pack prefix '${prefix}' matches no key`);
				}
			}
		}
		for (const prefix of LABELS) {
			if (![...worker].some((k) => k.startsWith(prefix))) missing.push(`labels: ${prefix}`);
		}
		expect(missing).toEqual([]);
	});

	it('are never read through the worker Paraglide functions, which carry all 13 languages', () => {
		// A page importing them ships every locale's text; pages get one-language packs instead, and
		// staff pages read the staff text object and label packs, both in the user's nl or en.
		const importers = files
			.filter(({ text }) => /\$lib\/paraglide\/messages|paraglide\/messages\.js/.test(text))
			.map(({ file }) => file);
		expect(importers).toEqual([]);
	});

	it('all exist when pages read them from a pack (t.key in pages and components)', () => {
		const missing: string[] = [];
		for (const { file, text } of files) {
			// Server modules read database columns (report_id …) with the same shape; pages never do.
			if (file.startsWith('src/lib/server/')) continue;
			for (const [, key] of text.matchAll(/\.([a-z][a-z0-9]*_[a-z0-9_]+)\b/g)) {
				if (features.has(key.split('_')[0]) && !worker.has(key)) missing.push(`${file}: .${key}`);
			}
		}
		expect(missing).toEqual([]);
	});
});

describe('structured questions', () => {
	const catalogueKeys = questions.messageKeys();
	it('have their text and every choice label in all 13 locales', () => {
		expect(catalogueKeys).toContain('followup_question_still_living_moved');
		for (const locale of locales) {
			const msgs = read(`messages/${locale}.json`);
			for (const k of [...catalogueKeys, 'followup_question_yes', 'followup_question_no'])
				expect(msgs[k]?.trim(), `${locale}.${k}`).toBeTruthy();
		}
	});

	it('reach staff pages in Dutch and English through the label pack', () => {
		for (const locale of ['nl', 'en'] as const) {
			const labels = pack(locale, LABELS) as Record<string, string>;
			for (const k of catalogueKeys)
				expect(labels[k], `${locale}.${k}`).toBe(WORKER[locale][k as keyof typeof WORKER.nl]);
		}
	});
});
