// The facilities API as valibot schemas: the query it takes and the GeoJSON it answers. The route
// parses its query with `Query`, and the OpenAPI document is generated from both.
import * as v from 'valibot';
import { CATEGORIES } from './categories.ts';
import { DAYS } from './hours.ts';
import { baseLocale, locales } from '../paraglide/runtime.js';
import { NL } from '../report/schema.ts';

export const GEMEENTE_ID = /^[a-z0-9-]{1,60}$/;

/** GET /api/v1/facilities: every parameter optional; checked in this order, the first bad one answers. */
export const Query = v.object({
	lang: v.optional(
		v.pipe(
			v.picklist(locales, 'lang'),
			v.description('Language of `category_name`, `note` and `url`.')
		),
		baseLocale
	),
	category: v.optional(v.picklist(CATEGORIES, 'category')),
	gemeente: v.optional(
		v.pipe(
			v.string('gemeente'),
			v.regex(GEMEENTE_ID, 'gemeente'),
			v.description('A gemeente id of the region, e.g. `tiel`.')
		)
	)
});

const TimeRange = v.pipe(
	v.strictTuple([
		v.pipe(v.string(), v.regex(/^([01]\d|2[0-3]):[0-5]\d$/)),
		v.pipe(v.string(), v.regex(/^(([01]\d|2[0-3]):[0-5]\d|24:00)$/))
	]),
	v.description('From and to, Dutch local time. A "to" at or before "from" runs past midnight.')
);

const date = () => v.pipe(v.string(), v.isoDate());

export const OpeningHours = v.pipe(
	v.object({
		weekly: v.optional(
			v.object(Object.fromEntries(DAYS.map((d) => [d, v.optional(v.array(TimeRange))])))
		),
		exceptions: v.optional(
			v.array(
				v.object({
					date: date(),
					ranges: v.pipe(v.array(TimeRange), v.description('Empty: closed all day.'))
				})
			)
		)
	}),
	v.description(
		'Weekly hours plus dated exceptions, all in Dutch local time (Europe/Amsterdam). A day without ranges is closed.'
	)
);

const maybe = <T extends v.GenericSchema>(schema: T) => v.nullable(schema);

export const Facility = v.object({
	type: v.literal('Feature'),
	id: v.pipe(v.string(), v.uuid()),
	geometry: v.object({
		type: v.literal('Point'),
		coordinates: v.pipe(
			v.strictTuple([
				v.pipe(v.number(), v.minValue(NL.west), v.maxValue(NL.east)),
				v.pipe(v.number(), v.minValue(NL.south), v.maxValue(NL.north))
			]),
			v.description('[longitude, latitude], WGS 84')
		)
	}),
	properties: v.object({
		name: v.string(),
		category: v.picklist(CATEGORIES),
		category_name: v.pipe(v.string(), v.description('The category in `lang`.')),
		gemeente: v.string(),
		address: v.string(),
		postcode: v.string(),
		place: v.string(),
		phone: maybe(v.string()),
		website: maybe(v.pipe(v.string(), v.url())),
		email: maybe(v.string()),
		hours: OpeningHours,
		languages: v.pipe(
			v.array(v.pipe(v.string(), v.regex(/^[a-z]{2}$/))),
			v.description('ISO 639-1 codes of the languages spoken there.')
		),
		note: v.pipe(maybe(v.string()), v.description('In `lang`, else English, else Dutch.')),
		accepts_rni: v.pipe(
			maybe(v.boolean()),
			v.description('Takes patients registered only in the RNI; null: not known.')
		),
		new_patients: maybe(v.boolean()),
		appointment: maybe(v.boolean()),
		cost: maybe(v.picklist(['free', 'paid'])),
		wheelchair: maybe(v.boolean()),
		verified_on: maybe(date()),
		demo: v.pipe(v.boolean(), v.description('Example data from the installation.')),
		url: v.pipe(v.string(), v.description('The place page in `lang`.'))
	})
});

export const FacilityCollection = v.object({
	type: v.literal('FeatureCollection'),
	features: v.array(Facility)
});
