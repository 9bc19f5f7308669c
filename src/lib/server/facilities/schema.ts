// One facility record as editors type it — the staff form, a CSV row, a GeoJSON feature's
// properties, all values text — as a valibot schema whose messages are the row-error reasons.
import { isUuid } from '../../shell/uuid.ts';
import * as v from 'valibot';
import { isCategory, type Category } from '../../facilities/categories.ts';
import {
	parseExceptions,
	parseWeekly,
	validDate,
	type Exception,
	type OpeningHours
} from '../../facilities/hours.ts';
import { locales } from '../../paraglide/runtime.js';
import { clean, cleanLine, length } from '../../shell/text.ts';

const PHONE = /^\+?[0-9][0-9 ()-]{2,19}$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const COORDINATE = /^-?\d{1,3}(\.\d+)?$/;
export const MAX_NOTE = 1000;

/** A text cell, cleaned to one line; an absent cell is an empty one. */
function cell() {
	return v.optional(
		v.pipe(
			v.string(),
			v.transform((s) => cleanLine(s))
		),
		''
	);
}

function lineOf(max: number, required = false) {
	return v.optional(
		v.pipe(
			v.string(),
			v.transform((s) => cleanLine(s)),
			v.check((s) => !required || s !== '', 'required'),
			v.check((s) => length(s) <= max, 'too_long')
		),
		''
	);
}

function coordinate() {
	return v.optional(
		v.pipe(
			v.string(),
			v.transform((s) => cleanLine(s).replace(',', '.')),
			v.check((s) => s !== '', 'required'),
			v.check((s) => s === '' || COORDINATE.test(s), 'number'),
			v.transform(Number)
		),
		''
	);
}

function yesNo() {
	return v.optional(
		v.pipe(
			v.string(),
			v.transform((s) => cleanLine(s).toLowerCase()),
			v.check(
				(s) => ['', 'yes', 'ja', 'true', '1', 'y', 'j', 'no', 'nee', 'false', '0', 'n'].includes(s),
				'yes_no'
			),
			v.transform((s) =>
				s === '' ? null : ['yes', 'ja', 'true', '1', 'y', 'j'].includes(s) ? true : false
			)
		),
		''
	);
}

function isWebAddress(value: string): boolean {
	if (length(value) > 300) return false;
	try {
		const u = new URL(value);
		return u.protocol === 'https:' || u.protocol === 'http:';
	} catch {
		return false;
	}
}

function optionalMatch(test: (s: string) => boolean, reason: string) {
	return v.optional(
		v.pipe(
			v.string(),
			v.transform((s) => cleanLine(s)),
			v.check((s) => s === '' || test(s), reason),
			v.transform((s) => s || null)
		),
		''
	);
}

/** The record of one facility, checked against the gemeenten the editor may use. */
export function record(gemeenten: ReadonlySet<string>) {
	return v.object({
		id: v.optional(
			v.pipe(
				v.string(),
				v.transform((s) => cleanLine(s).toLowerCase()),
				v.check((s) => s === '' || isUuid(s), 'unknown_id'),
				v.transform((s) => s || null)
			),
			''
		),
		gemeente: v.optional(
			v.pipe(
				v.string(),
				v.transform((s) => cleanLine(s).toLowerCase()),
				v.check((s) => s !== '', 'required'),
				v.check((s) => s === '' || gemeenten.has(s), 'gemeente')
			),
			''
		),
		category: v.optional(
			v.pipe(
				v.string(),
				v.transform((s) => cleanLine(s).toLowerCase()),
				v.check((s) => s !== '', 'required'),
				v.check((s) => s === '' || isCategory(s), 'category'),
				v.transform((s) => s as Category)
			),
			''
		),
		name: lineOf(200, true),
		address: lineOf(200),
		postcode: v.pipe(
			lineOf(10),
			v.transform((s) => s.toUpperCase())
		),
		place: lineOf(100),
		lat: coordinate(),
		lng: coordinate(),
		phone: optionalMatch((s) => PHONE.test(s), 'phone'),
		website: optionalMatch(isWebAddress, 'website'),
		email: optionalMatch((s) => EMAIL.test(s) && s.length <= 200, 'email'),
		hours: v.pipe(
			cell(),
			v.transform((s) => parseWeekly(s)),
			v.check((w) => typeof w !== 'string', 'hours'),
			v.transform((w) => w as OpeningHours['weekly'])
		),
		exceptions: v.pipe(
			cell(),
			v.transform((s) => parseExceptions(s)),
			v.check((e) => typeof e !== 'string', 'exceptions'),
			v.transform((e) => e as Exception[])
		),
		languages: v.pipe(
			cell(),
			v.transform((s) => [
				...new Set(
					s
						.toLowerCase()
						.split(/[\s,;|]+/)
						.filter(Boolean)
				)
			]),
			v.check((list) => list.length <= 30 && list.every((l) => /^[a-z]{2}$/.test(l)), 'language')
		),
		accepts_rni: yesNo(),
		new_patients: yesNo(),
		appointment: yesNo(),
		cost: v.pipe(
			cell(),
			v.transform((s) => s.toLowerCase()),
			v.check((s) => s === '' || s === 'free' || s === 'paid', 'cost'),
			v.transform((s) => (s || null) as 'free' | 'paid' | null)
		),
		wheelchair: yesNo(),
		published: yesNo(),
		verified_on: optionalMatch(validDate, 'date'),
		// Notes keep their line breaks: cleaned as free text, not as one line.
		...Object.fromEntries(
			locales.map((l) => [
				`note_${l}`,
				v.optional(
					v.pipe(
						v.string(),
						v.transform((s) => clean(s)),
						v.check((s) => length(s) <= MAX_NOTE, 'too_long')
					),
					''
				)
			])
		)
	});
}

/** A GeoJSON feature of an import file: a point, and properties read by `record` (RFC 7946 §3.2). */
export const PointFeature = v.object({
	geometry: v.object({
		type: v.literal('Point'),
		coordinates: v.looseTuple([v.number(), v.number()])
	}),
	// Properties that are not an object are read as none, and the record's checks name what is missing.
	properties: v.fallback(v.nullish(v.record(v.string(), v.unknown())), null)
});
