import { describe, expect, it } from 'vitest';
import { languageNames, match, switchPath, nativeNames, locales } from './locales';

describe('match', () => {
	it('picks the highest-weighted supported language', () => {
		expect(match('de-DE,pl;q=0.9,en;q=0.8')).toBe('pl');
		expect(match('ro-RO')).toBe('ro');
		expect(match('en;q=0.1, uk;q=0.9')).toBe('uk');
	});
	it('falls back to English for unknown or missing headers', () => {
		expect(match('de, fr;q=0.5')).toBe('en');
		expect(match(null)).toBe('en');
		expect(match(';;;,,q=abc')).toBe('en');
	});
	it('ignores languages the user refuses with q=0', () => {
		expect(match('pl;q=0, cs')).toBe('cs');
	});
});

describe('switchPath', () => {
	it('swaps the locale segment and keeps the rest of the path', () => {
		expect(switchPath('/pl/guides/bsn', 'ro')).toBe('/ro/guides/bsn');
		expect(switchPath('/pl', 'en')).toBe('/en');
	});
});

describe('nativeNames', () => {
	it('names every locale in its own language', () => {
		expect(Object.keys(nativeNames).sort()).toEqual([...locales].sort());
		expect(nativeNames.bg).toBe('Български');
	});
});

describe('languageNames', () => {
	it('names each locale in itself, in the order given, and keeps an unknown code as it is', () => {
		expect(languageNames(['pl', 'bg', 'xx'])).toBe('Polski, Български, xx');
		expect(languageNames([])).toBe('');
	});
});
