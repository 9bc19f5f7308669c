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
		expect(facts.normalise('date', '2026-02-30')).toBeNull();
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

	it('calls a figure expired on its review date, due within 30 days or a year after its check', () => {
		const f = { reviewBy: '2026-07-01', checkedOn: '2026-06-01' };
		expect(facts.standing(f, '2026-05-01')).toBe('current');
		expect(facts.standing(f, '2026-06-01')).toBe('due');
		expect(facts.standing(f, '2026-06-30')).toBe('due');
		expect(facts.standing(f, '2026-07-01')).toBe('expired');
		expect(facts.standing({ reviewBy: null, checkedOn: '2025-12-05' }, '2026-12-04')).toBe(
			'current'
		);
		expect(facts.standing({ reviewBy: null, checkedOn: '2025-12-05' }, '2026-12-05')).toBe('due');
	});

	it('lists what editors must check, the earliest date first, and leaves current figures out', () => {
		const due = facts.dueForReview(facts.DEFAULTS, '2026-11-01');
		expect(due.map((f) => [f.key, f.standing])).toEqual([
			['min_wage_hour', 'expired'],
			['min_wage_from', 'expired']
		]);
		const later = facts.dueForReview(facts.DEFAULTS, '2026-12-05');
		expect(later.map((f) => f.key)).toEqual(['min_wage_hour', 'min_wage_from', 'own_risk']);
		expect(later[2].standing).toBe('due');
	});

	it('seeds every figure with a source, a check date and a date to look again', () => {
		for (const f of facts.DEFAULTS) {
			expect(f.source.length, f.key).toBeGreaterThan(10);
			expect(f.reviewBy, f.key).toMatch(/^\d{4}-\d{2}-\d{2}$/);
			expect(f.checkedOn <= '2026-12-05', f.key).toBe(true);
			if (f.validFrom) expect(f.validFrom < (f.reviewBy as string), f.key).toBe(true);
		}
		// The minimum wage of 1 January 2026 (SZW besluit of 9 October 2025), never the 2025 one.
		expect(facts.DEFAULTS.find((f) => f.key === 'min_wage_hour')).toMatchObject({
			value: '14.71',
			validFrom: '2026-01-01'
		});
	});
});
