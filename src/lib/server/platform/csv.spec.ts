import { describe, expect, it } from 'vitest';
import * as csv from './csv';

const BOM = '\uFEFF';

describe('csv.write', () => {
	it('starts with a UTF-8 byte-order mark and ends every record in CRLF (RFC 4180)', () => {
		const text = csv.write([['name', 'count'], ['Łódź', 3], [], ['Tiel', null]]);
		expect(text).toBe(`${BOM}name,count\r\nŁódź,3\r\n\r\nTiel,\r\n`);
		expect(Buffer.from(text, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
	});

	it('quotes cells with commas, semicolons, quotes and line breaks and doubles inner quotes', () => {
		const text = csv.write([
			['Loket, Juridisch', 'a;b', 'De "Vakbond"', 'Twee\nregels', 'cr\rlf\r\n']
		]);
		expect(text).toBe(
			`${BOM}"Loket, Juridisch","a;b","De ""Vakbond""","Twee\nregels","cr\rlf\r\n"\r\n`
		);
	});

	it('puts an apostrophe before every cell a spreadsheet would run as a formula (OWASP)', () => {
		const cells = [
			'=HYPERLINK("http://x","y")',
			'+SUM(1,2)',
			'-2+3',
			'@SUM(A1)',
			'\tTAB',
			'\rCR',
			'\uFF1D1+1',
			"=cmd|' /C calc'!A0",
			'+1'
		];
		const [, line] = csv.write([['x'], cells]).split(/\r\n/, 2);
		expect(line).toBe(
			[
				`"'=HYPERLINK(""http://x"",""y"")"`,
				`"'+SUM(1,2)"`,
				"'-2+3",
				"'@SUM(A1)",
				"'\tTAB",
				`"'\rCR"`,
				"'\uFF1D1+1",
				"'=cmd|' /C calc'!A0",
				"'+1"
			].join(',')
		);
	});

	it('writes international phone numbers as they are, and a formula dressed as one is not', () => {
		const phones = ['+31 6 12345678', '+31 (0)344-123456', '+48.601.234.567', '+3161234567'];
		expect(csv.write([phones])).toBe(`${BOM}${phones.join(',')}\r\n`);
		for (const formula of [
			'+31 6 1234567+A1',
			'+31(HYPERLINK)1234567',
			'+1 2',
			'+3161234567890123'
		])
			expect(csv.write([[formula]])).toBe(`${BOM}'${formula}\r\n`);
	});

	it('writes numbers as numbers, a negative number included', () => {
		expect(csv.write([[12, -4, 0.5]])).toBe(`${BOM}12,-4,0.5\r\n`);
	});
});

describe('csv.unescape', () => {
	it('takes back only the apostrophe write put before a formula', () => {
		for (const cell of ['=1+1', '-2', '@x', '+SUM(1)', '\tx']) {
			const [, written] = csv
				.write([[cell]])
				.replace(/\r\n$/, '')
				.split(BOM);
			expect(csv.unescape(written.replace(/^"|"$/g, ''))).toBe(cell);
		}
		expect(csv.unescape("'t Hoogeland")).toBe("'t Hoogeland");
		expect(csv.unescape('+31 6 12345678')).toBe('+31 6 12345678');
	});
});
