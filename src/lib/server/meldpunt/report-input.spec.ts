import { describe, expect, it } from 'vitest';
import { parse } from './report-input.ts';

const gemeenten = ['tiel', 'buren'];

// A valid submission key: 32 characters, more than 8 different ones (ASVS 7.2.3).
const KEY = 'hP3kX9v2QbN7tLw4ZsYc8RmAaB3dE5fG';

describe('report input', () => {
	it('answers a form that leaves fields out with each field’s own code, never the schema’s text', () => {
		const r = parse({}, gemeenten);
		expect(r).toEqual({
			ok: false,
			errors: {
				submission_key: 'submission_key',
				group: 'group',
				gemeente: 'gemeente',
				text: 'text_required'
			}
		});
	});

	it('reads a form’s repeated fields and JSON numbers as the form’s text', () => {
		const r = parse(
			{
				submission_key: [KEY, 'ignored'],
				group: 'work',
				situations: ['underpaid', 'underpaid', 'cash_pay'],
				gemeente: 'buren',
				pin_lat: 51.88123456,
				pin_lng: '5.43',
				consent: 3,
				contact_wanted: 'yes',
				contact: ' +31 6 1234 5678 '
			},
			gemeenten
		);
		expect(r).toMatchObject({
			ok: true,
			value: {
				submissionKey: KEY,
				situations: ['underpaid', 'cash_pay'],
				gemeente: 'buren',
				pin: { lat: 51.88123, lng: 5.43 },
				consent: 3,
				contact: '+31 6 1234 5678'
			}
		});
	});

	it('ignores contact details, even too long ones, when no contact is wanted', () => {
		const r = parse(
			{
				submission_key: KEY,
				group: 'other',
				text: 'x',
				gemeente: 'unknown',
				contact: 'c'.repeat(500)
			},
			gemeenten
		);
		expect(r).toMatchObject({ ok: true, value: { contact: '', gemeente: null } });
	});

	it('wants both coordinates of a pin, inside the Netherlands', () => {
		const base = { submission_key: KEY, group: 'other', text: 'x', gemeente: 'tiel' };
		expect(parse({ ...base, pin_lat: '52' }, gemeenten)).toEqual({
			ok: false,
			errors: { pin: 'pin' }
		});
		expect(parse({ ...base, pin_lat: '52', pin_lng: '13.4' }, gemeenten)).toEqual({
			ok: false,
			errors: { pin: 'pin' }
		});
	});
});
