import { describe, expect, it } from 'vitest';
import * as securityTxt from './security-txt';

const base = { origin: 'https://wegwijs.example.nl', securityExpires: undefined };

describe('security.txt', () => {
	it('has the fields RFC 9116 asks for: Contact, Expires, Preferred-Languages, Canonical', () => {
		const body = securityTxt.render(
			{ ...base, securityContacts: ['mailto:security@gemeente.example', 'https://x.example/cvd'] },
			new Date('2026-12-05T10:00:00Z')
		)!;
		expect(body.split('\n')).toEqual([
			'Contact: mailto:security@gemeente.example',
			'Contact: https://x.example/cvd',
			'Expires: 2027-06-03T10:00:00Z',
			'Preferred-Languages: nl, en',
			'Canonical: https://wegwijs.example.nl/.well-known/security.txt',
			''
		]);
	});

	it('takes a fixed expiry from the settings', () => {
		const body = securityTxt.render({
			...base,
			securityContacts: ['mailto:a@b.nl'],
			securityExpires: '2027-03-01T00:00:00Z'
		})!;
		expect(body).toContain('Expires: 2027-03-01T00:00:00Z');
	});

	it('is absent without a usable contact, rather than naming an invented one', () => {
		expect(securityTxt.render({ ...base, securityContacts: [] })).toBeUndefined();
		expect(
			securityTxt.render({ ...base, securityContacts: ['http://plain.example'] })
		).toBeUndefined();
	});
});
