// What every public input schema shares: cleaned text fields with limits people count (code
// points), and field errors as message-key suffixes taken from the schemas' messages.
import * as v from 'valibot';
import { clean, cleanLine, length } from '../shell/text.ts';

/**
 * Free text, cleaned (see text.ts), at most `max` characters. The limit is also written as
 * `maxLength` for the JSON Schema, which counts code points as `length` does (JSON Schema 2020-12 §6.3.1).
 */
export function textField(max: number, message: string) {
	return v.pipe(
		v.string(message),
		v.transform((s: string) => clean(s)),
		v.check((s) => length(s) <= max, message),
		v.metadata({ maxLength: max })
	);
}

/** One line of text: like `textField`, with line breaks and tabs turned into spaces. */
export function lineField(max: number, message: string) {
	return v.pipe(
		v.string(message),
		v.transform((s: string) => cleanLine(s)),
		v.check((s) => length(s) <= max, message),
		v.metadata({ maxLength: max })
	);
}

export type FieldErrors = Partial<Record<string, string>>;

/**
 * The first issue per top-level field, as its message. `alias` names the error key of fields that
 * report under another name (a map pin's two coordinates answer as one `pin`).
 */
export function fieldErrors(
	issues: readonly v.BaseIssue<unknown>[],
	alias: Record<string, string> = {}
): FieldErrors {
	const errors: FieldErrors = {};
	for (const issue of issues) {
		const key = issue.path?.[0]?.key;
		const field = typeof key === 'string' ? (alias[key] ?? key) : 'form';
		errors[field] ??= issue.message;
	}
	return errors;
}

/** The message of the first issue: for inputs that answer one error code, not one per field. */
export function firstError(issues: readonly v.BaseIssue<unknown>[]): string {
	return issues[0].message;
}

/**
 * `v.object` whose missing fields answer with the field's own message: valibot reports a missing
 * key with the object's message, and a form that leaves out `group` must answer `group`.
 */
export function fields<const E extends v.ObjectEntries>(entries: E, message = 'form') {
	return v.object(entries, (issue) => {
		const key = issue.path?.[0]?.key;
		const own =
			typeof key === 'string' ? (entries[key] as { message?: unknown }).message : undefined;
		if (typeof own === 'string') return own;
		// A missing nested `fields` object answers with its own message for a missing whole.
		if (typeof own === 'function') return String(own({ ...issue, path: undefined }));
		return message;
	});
}
