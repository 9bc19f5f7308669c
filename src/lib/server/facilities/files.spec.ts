import { describe, expect, it } from 'vitest';
import { validate } from './facilities';
import { parseCsv, records, toCsv } from './files';
import type { Facility } from '../platform/db/schema';

const enc = (s: string) => new TextEncoder().encode(s);

describe('facility files', () => {
	it('reads quoted cells with separators, quotes and line breaks, and counts lines', () => {
		expect(records('a,b\n"x, y","say ""hi"""\n"two\nlines",z\n')).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['x, y', 'say "hi"'] },
			{ line: 3, cells: ['two\nlines', 'z'] }
		]);
		expect(records('a;b\r\n1;2')).toEqual([
			{ line: 1, cells: ['a', 'b'] },
			{ line: 2, cells: ['1', '2'] }
		]);
	});

	it('accepts a UTF-8 byte order mark and refuses UTF-16', () => {
		const bom = parseCsv(enc('\uFEFFgemeente,category,name,lat,lng\ntiel,sport,Hal,51.9,5.4'));
		expect(bom).toMatchObject({ ok: true, rows: [{ line: 2, record: { gemeente: 'tiel' } }] });
		expect(parseCsv(new Uint8Array([0xff, 0xfe, 0x67, 0x00]))).toEqual({
			ok: false,
			error: 'encoding'
		});
	});

	it('escapes cells a spreadsheet would run as a formula, not phone numbers, and reads both back', () => {
		const f = {
			id: 'a',
			gemeente_id: 'tiel',
			category: 'sport',
			name: '=HYPERLINK("x")',
			address: '',
			postcode: '',
			place: '',
			lat: 51.9,
			lng: 5.4,
			phone: '+31 344 123456',
			website: null,
			email: null,
			hours: {},
			languages: [],
			notes: {},
			accepts_rni: null,
			new_patients: null,
			appointment: null,
			cost: null,
			wheelchair: null,
			published: true,
			verified_on: null,
			demo: false
		} as unknown as Facility;
		const file = toCsv([f]);
		const line = file.split('\r\n')[1];
		expect(line).toContain(`"'=HYPERLINK(""x"")"`);
		expect(line).toContain(',+31 344 123456,');
		const back = parseCsv(enc(file));
		expect(back).toMatchObject({
			ok: true,
			rows: [{ line: 2, record: { name: '=HYPERLINK("x")', phone: '+31 344 123456' } }]
		});
	});
});

describe('a facility record', () => {
	const ok = {
		gemeente: 'tiel',
		category: 'apotheek',
		name: 'Apotheek',
		lat: '51.88',
		lng: '5.43'
	};
	const gemeenten = new Set(['tiel']);

	it('is accepted with the required fields only', () => {
		expect(validate(ok, gemeenten)).toMatchObject({ ok: true, value: { published: false } });
	});

	it('is refused with every wrong field named', () => {
		const r = validate(
			{
				...ok,
				lat: '5.43',
				lng: '51.88',
				website: 'javascript:alert(1)',
				email: 'nope',
				accepts_rni: 'maybe',
				cost: 'cheap',
				verified_on: '2026-13-01',
				languages: 'nl english'
			},
			gemeenten
		);
		expect(r.ok ? [] : r.errors.map((e) => e.field)).toEqual([
			'lat',
			'lng',
			'website',
			'email',
			'languages',
			'accepts_rni',
			'cost',
			'verified_on'
		]);
	});
});
