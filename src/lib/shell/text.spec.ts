import { describe, expect, it } from 'vitest';
import { clean, cleanLine, length } from './text';

describe('clean', () => {
	it('removes control, bidi-override and zero-width characters', () => {
		expect(clean('a\u0000b\u0007c\u202Ed\u200Be\uFEFFf\u2066g')).toBe('abcdefg');
	});
	it('keeps every script, right-to-left included, and line breaks', () => {
		expect(clean('Łódź — Київ — العربية\r\nעברית')).toBe('Łódź — Київ — العربية\nעברית');
	});
	it('trims and normalises to NFC', () => {
		expect(clean('  e\u0301  ')).toBe('é');
	});
	it('returns an empty string for anything that is not a string', () => {
		expect(clean(undefined)).toBe('');
		expect(clean(42)).toBe('');
	});
});

describe('cleanLine and length', () => {
	it('makes one line and counts code points', () => {
		expect(cleanLine('a\n\tb')).toBe('a b');
		expect(length('😀é')).toBe(2);
	});
});
