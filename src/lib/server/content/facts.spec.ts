import { describe, expect, it } from 'vitest';
import * as facts from './facts';
import { FACT_KEYS } from '../../guides/structure';

describe('facts', () => {
	it('seeds exactly the figures the guides may quote', () => {
		expect(facts.DEFAULTS.map((f) => f.key).sort()).toEqual([...FACT_KEYS].sort());
	});

	it('accepts Dutch and English decimals for amounts and refuses words, negatives and huge values', () => {
		expect(facts.normalise('money', '14,4')).toBe('14.40');
		expect(facts.normalise('money', '14.40')).toBe('14.40');
		expect(facts.normalise('percent', '25')).toBe('25');
		expect(facts.normalise('money', 'veertien')).toBeNull();
		expect(facts.normalise('money', '-3')).toBeNull();
		expect(facts.normalise('number', '123456789')).toBeNull();
		expect(facts.normalise('area', '')).toBeNull();
	});

	it('refuses impossible dates', () => {
		expect(facts.normalise('date', '2026-01-01')).toBe('2026-01-01');
		expect(facts.normalise('date', '2026-13-01')).toBeNull();
		expect(facts.normalise('date', '1 januari')).toBeNull();
	});

	it('formats figures the way each language writes them', () => {
		const wage = { kind: 'money' as const, value: '14.40' };
		expect(facts.format(wage, 'nl')).toMatch(/€\s?14,40/);
		expect(facts.format(wage, 'en')).toBe('€14.40');
		expect(facts.format(wage, 'pl')).toMatch(/14,40\s€/);
		expect(facts.format({ kind: 'percent', value: '25' }, 'en')).toBe('25%');
		expect(facts.format({ kind: 'area', value: '12' }, 'bg')).toBe('12 m²');
		expect(facts.format({ kind: 'date', value: '2025-07-01' }, 'nl')).toBe('1 juli 2025');
		expect(facts.format({ kind: 'text', value: '0900-8844' }, 'uk')).toBe('0900-8844');
	});

	it('reports the oldest check among the figures a guide quotes', () => {
		const f = (checkedOn: string) => ({ ...facts.DEFAULTS[0], checkedOn });
		expect(facts.oldestCheck([f('2025-07-01'), f('2024-01-01'), f('2026-01-01')])).toBe(
			'2024-01-01'
		);
		expect(facts.oldestCheck([])).toBeNull();
	});
});
