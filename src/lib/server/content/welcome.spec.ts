import { describe, expect, it } from 'vitest';
import * as welcome from './welcome';

const contact = (over: Record<string, string>) => ({
	kind: 'gemeente',
	name: 'Stadhuis',
	address: '',
	phone: '',
	hours: '',
	website: '',
	...over
});

describe('welcome pack input', () => {
	it('refuses links a worker could be harmed by or that cannot work', () => {
		for (const website of [
			'javascript:alert(1)',
			'data:text/html,<b>x</b>',
			'www.tiel.nl',
			'https://user:pw@tiel.nl',
			'https://localhost/x',
			'ftp://tiel.nl'
		]) {
			const r = welcome.validateContacts([contact({ website })]);
			expect(r.ok, website).toBe(false);
			if (!r.ok) expect(r.errors[0].website).toBe('invalid');
		}
		expect(welcome.validateContacts([contact({ website: 'https://www.tiel.nl/afval' })]).ok).toBe(
			true
		);
	});

	it('refuses a phone number with letters and a contact with details but no name', () => {
		const r = welcome.validateContacts([
			contact({ phone: 'bel ons' }),
			contact({ name: '', phone: '112' })
		]);
		expect(r.ok).toBe(false);
		if (!r.ok) {
			expect(r.errors[0].phone).toBe('invalid');
			expect(r.errors[1].name).toBe('required');
		}
	});

	it('leaves out contacts that are completely empty', () => {
		const r = welcome.validateContacts([contact({}), contact({ kind: 'rni', name: '' })]);
		expect(r.ok && r.contacts.map((c) => c.kind)).toEqual(['gemeente']);
	});

	it('refuses an unknown contact kind', () => {
		expect(welcome.validateContacts([contact({ kind: 'bank' })]).ok).toBe(false);
	});

	it('needs a welcome text and caps every text, keeping markup as plain text', () => {
		expect(welcome.validateTexts({ welcome: '   ' })).toEqual({
			ok: false,
			errors: { welcome: 'required' }
		});
		const long = welcome.validateTexts({ welcome: 'x', noise: 'y'.repeat(welcome.MAX_TEXT + 1) });
		expect(long.ok || long.errors).toEqual({ noise: 'too_long' });
		const markup = welcome.validateTexts({ welcome: '<script>alert(1)</script> Welkom' });
		expect(markup.ok && markup.texts.welcome).toBe('<script>alert(1)</script> Welkom');
	});

	it('counts a locale complete when it has every field the Dutch text has', () => {
		const row = (locale: string, welcome_: string, waste: string) => ({
			locale,
			welcome: welcome_,
			waste,
			parking: '',
			noise: ''
		});
		const c = welcome.coverage(
			[row('nl', 'Welkom', 'Afval'), row('en', 'Welcome', 'Waste'), row('pl', 'Witaj', '')],
			['nl', 'en', 'pl', 'ro']
		);
		expect(c).toEqual({ nl: 'complete', en: 'complete', pl: 'partial', ro: 'missing' });
	});
});
