// The one CSV writer every export uses (csv-stringify): RFC 4180 with CRLF line ends, a UTF-8 BOM,
// and cells a spreadsheet would run as a formula neutralised (OWASP CSV injection).
import { stringify } from 'csv-stringify/sync';

/** A cell as the exports hand it over; null and undefined are written as an empty cell. */
export type Cell = string | number | null | undefined;

/** A row; an empty row is written as an empty line (the statistics file separates two tables). */
export type Row = readonly Cell[];

/** A cell as `write` escaped it: an apostrophe before what csv-stringify's `escape_formulas`
 * treats as the start of a formula (Apple Numbers reads the full-width forms as the ASCII ones). */
const FORMULA = /^'[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/**
 * An international phone number (`+31 6 12345678`, `+31 (0)344-123456`): a plus, then only digits,
 * spaces, brackets, dots and hyphens, 7 to 15 digits (ITU-T E.164 allows at most 15). OWASP's
 * rule puts an apostrophe before every cell that starts with `+`, which would corrupt every phone
 * number in an export and in an editor's re-import. The attacks OWASP lists all need a function
 * name (HYPERLINK, WEBSERVICE, IMPORTXML), a cell reference or a DDE command (`cmd|`), and each of
 * those needs a letter or `!`/`|`; a cell of this shape has none, so at worst a spreadsheet does
 * arithmetic on it. Such a cell is written as it is.
 */
const PHONE = /^\+(?=(?:\D*\d){7,15}\D*$)[\d ().-]+$/;

/**
 * The file as one string. Excel reads a CSV file without a byte-order mark in the computer's ANSI
 * code page (Windows-1252 on Dutch PCs), which garbles Polish, Romanian, Bulgarian and every
 * other non-Latin-1 name in our data; with the BOM it reads UTF-8. Other programs and our own
 * import skip the BOM.
 */
export function write(rows: readonly Row[]): string {
	return stringify(
		rows.map((r) => [...r]),
		{
			bom: true,
			// RFC 4180 §2.1: records end in CRLF.
			record_delimiter: 'windows',
			// With its own record delimiter set, csv-stringify would leave a bare \n in a cell
			// unquoted; RFC 4180 §2.6 wants every field with a line break quoted.
			quote_record_delimiter: true,
			// Dutch Excel splits a CSV file at `;` (the Dutch list separator) as well as at `,`;
			// quoting such a cell keeps it whole there and costs nothing in any RFC 4180 reader.
			quoted_match: ';',
			// OWASP CSV injection: = + - @ TAB CR (and their full-width forms) at the start of a
			// cell get a leading apostrophe, so a spreadsheet shows the text instead of running it.
			escape_formulas: true,
			cast: {
				string: (value) => (PHONE.test(value) ? { value, escape_formulas: false } : value)
			}
		}
	);
}

/** A cell as an editor's file holds it, without the apostrophe `write` put before a formula. */
export function unescape(cell: string): string {
	return FORMULA.test(cell) ? cell.slice(1) : cell;
}
