import * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import { firstError } from '../input/schema.ts';
import { FollowUpAnswers } from './schema.ts';

const ID = '0b7c2f7e-3c1d-4a7e-9a59-2f1c4b0e8d11';
const RECEIPT = '1234 5678 9012 3456';

function error(value: unknown): string | null {
	const r = v.safeParse(FollowUpAnswers, value);
	return r.success ? null : firstError(r.issues);
}

describe('answers sent through the API', () => {
	it('take a receipt and question ids with one text value each', () => {
		expect(error({ receipt: RECEIPT, answers: { [ID]: '2026-11-30' } })).toBeNull();
		expect(error({ receipt: RECEIPT, answers: {} })).toBeNull();
	});

	it('refuse a malformed id, a non-text value, too long a value, too many answers or no receipt', () => {
		expect(error({ receipt: RECEIPT, answers: { 'not-an-id': 'x' } })).toBe('answers');
		expect(error({ receipt: RECEIPT, answers: { [ID]: 4 } })).toBe('answers');
		expect(error({ receipt: RECEIPT, answers: { [ID]: 'x'.repeat(1001) } })).toBe('answers');
		const many = Object.fromEntries(
			Array.from({ length: 51 }, (_, i) => [
				`0b7c2f7e-3c1d-4a7e-9a59-${String(i).padStart(12, '0')}`,
				'1'
			])
		);
		expect(error({ receipt: RECEIPT, answers: many })).toBe('answers');
		expect(error({ answers: {} })).toBe('receipt_format');
	});
});
