// Reading a text pack on the page: {placeholders} and dates in the reader's language. Plain
// strings only, so nothing here pulls messages into the bundle.
export function fmt(template: string | undefined, params: Record<string, string> = {}): string {
	return (template ?? '').replace(/\{(\w+)\}/g, (_, k: string) => params[k] ?? '');
}

export function localDate(iso: string | undefined, locale: string | undefined): string {
	if (!iso || Number.isNaN(Date.parse(iso))) return iso ?? '';
	return new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString(locale, {
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
}

/**
 * A text whose key is built from a code at run time (a catalogue code, a survey answer). Static
 * keys are read as `t.key` and checked by types; these are checked by the catalogue's own tests.
 */
export function textOf(t: object, key: string): string | undefined {
	return (t as Partial<Record<string, string>>)[key];
}
