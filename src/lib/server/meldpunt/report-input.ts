// Validates a report submission, from the form or the API, into a ReportInput. Order: shape of
// each field → cross-field rules. Errors are message-key suffixes per field, never text.
import {
	AFFECTED,
	CONSENT_LEVELS,
	GROUPS,
	MAX_LINE,
	MAX_TEXT,
	SUBJECTS,
	WHEN,
	situation,
	type Affected,
	type ConsentLevel,
	type Group,
	type Subject,
	type When
} from '../../report/catalogue.ts';
import { clean, cleanLine, length } from '../../shell/text.ts';
import { insideNl } from '../../shell/nl.ts';

export { MAX_LINE, MAX_TEXT };

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

export type FieldErrors = Partial<Record<string, string>>;

function one(raw: Raw, key: string): string {
	const v = raw[key];
	if (Array.isArray(v)) return typeof v[0] === 'string' ? v[0] : '';
	return typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '';
}

function many(raw: Raw, key: string): string[] {
	const v = raw[key];
	const list = Array.isArray(v) ? v : v === undefined || v === null ? [] : [v];
	return list.filter((x): x is string => typeof x === 'string').slice(0, 50);
}

function oneOf<T extends string>(list: readonly T[], value: string): T | null {
	return (list as readonly string[]).includes(value) ? (value as T) : null;
}

export const SUBMISSION_KEY = /^[A-Za-z0-9_-]{16,128}$/;

export function parse(
	raw: Raw,
	gemeenten: readonly string[]
): { ok: true; value: ReportInput } | { ok: false; errors: FieldErrors } {
	const errors: FieldErrors = {};

	const submissionKey = one(raw, 'submission_key');
	if (!SUBMISSION_KEY.test(submissionKey)) errors.submission_key = 'submission_key';

	const group = oneOf(GROUPS, one(raw, 'group'));
	if (!group) errors.group = 'group';

	const situations = [...new Set(many(raw, 'situations'))];
	if (situations.some((c) => !situation(c))) errors.situations = 'situations_unknown';
	else if (group && situations.some((c) => situation(c)?.group !== group)) {
		// A situation from another group than the one chosen: contradictory input.
		errors.situations = 'situations_group';
	}

	const subjectRaw = one(raw, 'subject_type');
	const subjectType = subjectRaw ? oneOf(SUBJECTS, subjectRaw) : null;
	if (subjectRaw && !subjectType) errors.subject_type = 'choice';
	const subjectName = cleanLine(one(raw, 'subject_name'));
	if (length(subjectName) > 200) errors.subject_name = 'too_long';

	const gemeenteRaw = one(raw, 'gemeente');
	let gemeente: string | null = null;
	if (gemeenteRaw === 'unknown') gemeente = null;
	else if (gemeenten.includes(gemeenteRaw)) gemeente = gemeenteRaw;
	else errors.gemeente = 'gemeente';

	const address = cleanLine(one(raw, 'address'));
	if (length(address) > MAX_LINE) errors.address = 'too_long';

	let pin: ReportInput['pin'] = null;
	const latRaw = one(raw, 'pin_lat');
	const lngRaw = one(raw, 'pin_lng');
	if (latRaw || lngRaw) {
		const lat = Number(latRaw);
		const lng = Number(lngRaw);
		const inside = insideNl(lat, lng);
		if (!Number.isFinite(lat) || !Number.isFinite(lng) || !inside) errors.pin = 'pin';
		else pin = { lat: Math.round(lat * 1e5) / 1e5, lng: Math.round(lng * 1e5) / 1e5 };
	}

	const occurredRaw = one(raw, 'occurred');
	const occurred = occurredRaw ? oneOf(WHEN, occurredRaw) : null;
	if (occurredRaw && !occurred) errors.occurred = 'choice';

	const affectedRaw = one(raw, 'affected');
	const affected = affectedRaw ? oneOf(AFFECTED, affectedRaw) : null;
	if (affectedRaw && !affected) errors.affected = 'choice';

	const text = clean(one(raw, 'text'));
	if (length(text) > MAX_TEXT) errors.text = 'text_too_long';
	else if (!text && (situations.length === 0 || group === 'other')) errors.text = 'text_required';

	const consentRaw = one(raw, 'consent') || '1';
	const consent = CONSENT_LEVELS.find((l) => String(l) === consentRaw) ?? null;
	if (!consent) errors.consent = 'choice';

	const wantsContact = one(raw, 'contact_wanted') === 'yes';
	const contact = wantsContact ? cleanLine(one(raw, 'contact')) : '';
	if (wantsContact && !contact) errors.contact = 'contact_required';
	else if (length(contact) > 200) errors.contact = 'too_long';

	if (Object.keys(errors).length > 0) return { ok: false, errors };
	return {
		ok: true,
		value: {
			submissionKey,
			group: group!,
			situations,
			subjectType,
			subjectName,
			gemeente,
			address,
			pin,
			occurred,
			affected,
			text,
			consent: consent!,
			contact
		}
	};
}

/** The fields that are safe to echo back into the form after a failed submission (all typed text). */
export function echo(raw: Raw): Record<string, string | string[]> {
	const keys = [
		'submission_key',
		'group',
		'subject_type',
		'subject_name',
		'gemeente',
		'address',
		'pin_lat',
		'pin_lng',
		'occurred',
		'affected',
		'text',
		'consent',
		'contact_wanted',
		'contact'
	];
	const out: Record<string, string | string[]> = { situations: many(raw, 'situations') };
	for (const k of keys) out[k] = one(raw, k).slice(0, 2_000_000);
	return out;
}
