// Validates a report submission, from the form or the API, into a ReportInput: transport (a form's
// repeated fields, JSON numbers) → the shared schema (src/lib/report/schema.ts) → rules across
// fields. Errors are message-key suffixes per field, never text.
import * as v from 'valibot';
import {
	CONSENT_LEVELS,
	type Affected,
	type ConsentLevel,
	type Group,
	type Subject,
	type When
} from '../../report/catalogue.ts';
import { fieldErrors, type FieldErrors } from '../../input/schema.ts';
import { MAX_SITUATIONS, ReportFields } from '../../report/schema.ts';

export { MAX_LINE, MAX_TEXT, SUBMISSION_KEY, validKey } from '../../report/schema.ts';
export type { FieldErrors };

export interface ReportInput {
	submissionKey: string;
	group: Group;
	situations: string[];
	subjectType: Subject | null;
	subjectName: string;
	gemeente: string | null;
	address: string;
	pin: { lat: number; lng: number } | null;
	occurred: When | null;
	affected: Affected | null;
	text: string;
	consent: ConsentLevel;
	contact: string;
}

/** Raw values as they come from a form or JSON body: strings or lists of strings. */
export type Raw = Record<string, unknown>;

function one(raw: Raw, key: string): string {
	const v = raw[key];
	if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : '';
	return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

// Enough to see that a list is too long (the schema refuses it), bounded so a body of ten thousand
// repeated fields costs nothing more.
const MAX_READ = MAX_SITUATIONS * 5;

function many(raw: Raw, key: string): string[] {
	const v = raw[key];
	const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
	return list.filter((x): x is string => typeof x === 'string').slice(0, MAX_READ);
}

/** The schema's fields as text, as a form sends them; an empty field is a missing one. */
function fields(raw: Raw): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = { situations: many(raw, 'situations') };
	for (const key of Object.keys(ReportFields.entries)) {
		if (key === 'situations') continue;
		const value = one(raw, key);
		if (value !== '') out[key] = value;
	}
	return out;
}

export function parse(
	raw: Raw,
	gemeenten: readonly string[]
): { ok: true; value: ReportInput } | { ok: false; errors: FieldErrors } {
	const input = fields(raw);
	const result = v.safeParse(ReportFields, input);
	const errors = result.success
		? {}
		: fieldErrors(result.issues, { pin_lat: 'pin', pin_lng: 'pin' });
	// On failure the output still holds every valid field, cleaned.
	const out = result.output as Partial<v.InferOutput<typeof ReportFields>>;

	const group = errors.group ? null : (out.group ?? null);
	const situations = errors.situations ? (input.situations as string[]) : (out.situations ?? []);

	const gemeente = typeof input.gemeente === 'string' ? input.gemeente : '';
	if (!errors.gemeente && gemeente !== 'unknown' && !gemeenten.includes(gemeente)) {
		errors.gemeente = 'gemeente';
	}

	// A pin is both coordinates or none.
	if ((input.pin_lat === undefined) !== (input.pin_lng === undefined)) errors.pin = 'pin';

	const text = errors.text ? '' : (out.text ?? '');
	if (!errors.text && !text && (situations.length === 0 || group === 'other')) {
		errors.text = 'text_required';
	}

	// Contact details are read only when contact is wanted; otherwise they are never stored.
	const wantsContact = out.contact_wanted === 'yes';
	if (!wantsContact) delete errors.contact;
	else if (!errors.contact && !out.contact) errors.contact = 'contact_required';

	if (Object.keys(errors).length > 0) return { ok: false, errors };
	// Every issue names a field, so no errors left means the only ones were ignored contact details.
	const value = result.output as v.InferOutput<typeof ReportFields>;
	return {
		ok: true,
		value: {
			submissionKey: value.submission_key,
			group: value.group,
			situations: value.situations,
			subjectType: value.subject_type ?? null,
			subjectName: value.subject_name,
			gemeente: gemeente === 'unknown' ? null : gemeente,
			address: value.address,
			pin:
				value.pin_lat !== undefined && value.pin_lng !== undefined
					? { lat: round(Number(value.pin_lat)), lng: round(Number(value.pin_lng)) }
					: null,
			occurred: value.occurred ?? null,
			affected: value.affected ?? null,
			text: value.text,
			consent: CONSENT_LEVELS.find((l) => String(l) === value.consent)!,
			contact: wantsContact ? value.contact : ''
		}
	};
}

function round(degrees: number): number {
	return Math.round(degrees * 1e5) / 1e5;
}

/** The fields that are safe to echo back into the form after a failed submission (all typed text). */
export function echo(raw: Raw): Record<string, string | string[]> {
	const out: Record<string, string | string[]> = { situations: many(raw, 'situations') };
	for (const k of Object.keys(ReportFields.entries)) {
		if (k !== 'situations' && k !== 'locale') out[k] = one(raw, k).slice(0, 2_000_000);
	}
	return out;
}
