import { describe, expect, it } from 'vitest';
import { locales } from '../paraglide/runtime.js';
import {
	SITUATIONS,
	current,
	groupsOf,
	isUrgent,
	situation,
	situationsOf,
	suggestedPartners
} from './catalogue.ts';
import { readFileSync } from 'node:fs';

describe('the situation catalogue', () => {
	it('replaces each retired code by offered codes of the same group, and never offers it', () => {
		const retired = SITUATIONS.filter((s) => s.replacedBy);
		expect(retired.map((s) => s.code)).toEqual(['deposit_costs', 'no_contract']);
		for (const old of retired) {
			expect(old.replacedBy).toHaveLength(3);
			for (const code of old.replacedBy!) {
				expect(situation(code)?.group).toBe(old.group);
				expect(situation(code)?.replacedBy).toBeUndefined();
			}
			expect(situationsOf(old.group).map((s) => s.code)).not.toContain(old.code);
		}
	});

	it('reads retired codes as their replacements, once each, in order', () => {
		expect(current(['overcrowded', 'deposit_costs', 'fines', 'overcrowded'])).toEqual([
			'overcrowded',
			'deposit',
			'service_costs',
			'fines'
		]);
	});

	it('holds the signals workers were missing, and debt to the employer is urgent', () => {
		for (const code of [
			'pressured_to_come',
			'lives_at_employer',
			'wage_deductions',
			'discrimination_work',
			'sexual_harassment',
			'letting_agent_fees'
		]) {
			expect(situation(code), code).toBeDefined();
		}
		expect(situation('discrimination_work')?.group).toBe('work');
		expect(isUrgent(['debt_to_employer'])).toBe(true);
		expect(isUrgent(['overcrowded', 'deposit'])).toBe(false);
		expect(isUrgent(['overcrowded', 'id_withheld'])).toBe(true);
	});

	it('gives every code a label in every locale, retired ones too', () => {
		for (const locale of locales) {
			const texts = JSON.parse(
				readFileSync(new URL(`../../../messages/${locale}.json`, import.meta.url), 'utf8')
			) as Record<string, string>;
			for (const s of SITUATIONS) {
				expect(texts[`report_situation_${s.code}`], `${locale} ${s.code}`).toBeTruthy();
			}
		}
	});

	it('names the groups a report touches, its main group included', () => {
		expect(groupsOf('housing', ['id_withheld', 'overcrowded'])).toEqual(['housing', 'work']);
		expect(groupsOf('other', [])).toEqual(['other']);
		expect(groupsOf('registration', ['underpaid'])).toEqual(['work', 'registration']);
	});

	it("suggests each group's first partner before any group's second", () => {
		expect(suggestedPartners(['overcrowded', 'deposit', 'id_withheld'])).toEqual([
			'snf',
			'nla',
			'huurcommissie',
			'fairwork',
			'juridisch-loket',
			'politie',
			'comensha'
		]);
	});
});
