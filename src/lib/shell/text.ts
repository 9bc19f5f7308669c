// Cleaning of free text from the public. Removes what can hide or disguise content — control
// characters, bidirectional overrides (CVE-2021-42574 "Trojan Source"), zero-width characters —
// while keeping every script, right-to-left languages included, and line breaks.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const INVISIBLE = /[\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF\uFFF9-\uFFFB]/g;

export function clean(value: unknown): string {
	if (typeof value !== 'string') return '';
	return value
		.normalize('NFC')
		.replace(/\r\n?/g, '\n')
		.replace(CONTROL, '')
		.replace(INVISIBLE, '')
		.replace(/[ \t]+\n/g, '\n')
		.replace(/\n{4,}/g, '\n\n\n')
		.trim();
}

/** One line: like clean(), with line breaks and tabs turned into spaces. */
export function cleanLine(value: unknown): string {
	return clean(value).replace(/\s+/g, ' ');
}

/** Length in characters as people count them (code points), not UTF-16 units. */
export function length(value: string): number {
	let n = 0;
	for (const _ of value) n++;
	return n;
}
