// Figures the guides quote that change over time. One row each, with the date someone last checked
// it and where; editors change them under /staff/facts without a release. The seeded values were
// written from public sources (named in `source`) and carry the date they were valid on — an editor
// sees which are older than a year and checks them again.
import { today } from '../../shell/dutch-date.ts';
import * as audit from '../platform/audit.ts';
import type { Db } from '../platform/db/index.ts';
import type { FactKind } from '../platform/db/schema.ts';
import { cleanLine, length } from '../../shell/text.ts';

export interface Fact {
	key: string;
	kind: FactKind;
	value: string;
	/** First day the value holds; null when it has no start of its own. */
	validFrom: string | null;
	/** The value's end or the day it must be checked again; null: no known end. */
	reviewBy: string | null;
	checkedOn: string;
	source: string;
	/** An official source states it; false: shown to workers as not confirmed. */
	confirmed: boolean;
}

// Checked 2026-12-05 against stored copies of the sources named. A value whose end is unknown
// gets the date an editor must look again; a passed date stops it being shown as current.
export const DEFAULTS: Fact[] = [
	{
		// SZW besluit 9 Oct 2025 (nr 2025-0000213859): €14.71 from 1 January 2026. The 1 July 2026
		// amount was not published in any copy we could check, so the figure is past its date.
		key: 'min_wage_hour',
		kind: 'money',
		value: '14.71',
		validFrom: '2026-01-01',
		reviewBy: '2026-07-01',
		checkedOn: '2026-12-05',
		source: 'https://www.rijksoverheid.nl/onderwerpen/minimumloon',
		confirmed: true
	},
	{
		key: 'min_wage_from',
		kind: 'date',
		value: '2026-01-01',
		validFrom: '2026-01-01',
		reviewBy: '2026-07-01',
		checkedOn: '2026-12-05',
		source: 'https://www.rijksoverheid.nl/onderwerpen/minimumloon',
		confirmed: true
	},
	{
		// Besluit minimumloon en minimumvakantiebijslag art. 2a (Stb. 2016, 419): at most 25% of the
		// minimum wage, only for certified or corporation housing and with a written volmacht.
		key: 'housing_deduction_max',
		kind: 'percent',
		value: '25',
		validFrom: '2017-01-01',
		reviewBy: '2027-06-01',
		checkedOn: '2026-12-05',
		source:
			'https://www.rijksoverheid.nl/onderwerpen/minimumloon/vraag-en-antwoord/kosten-voor-huur-en-zorgverzekering-inhouden-op-minimumloon-werknemer',
		confirmed: true
	},
	{
		// Only an insurer's page states the 2026 amount; no government copy could be checked.
		key: 'own_risk',
		kind: 'money',
		value: '385',
		validFrom: '2026-01-01',
		reviewBy: '2027-01-01',
		checkedOn: '2026-12-05',
		source: 'https://www.rijksoverheid.nl/onderwerpen/zorgverzekering/eigen-risico-zorgverzekering',
		confirmed: false
	},
	{
		// Wet goed verhuurderschap art. 2: deposit at most twice the bare monthly rent (since
		// 1 July 2023). Only secondary copies of the rule were available to check.
		key: 'deposit_max_months',
		kind: 'number',
		value: '2',
		validFrom: '2023-07-01',
		reviewBy: '2027-06-01',
		checkedOn: '2026-12-05',
		source: 'https://wetten.overheid.nl/BWBR0048028',
		confirmed: false
	},
	{
		// An SNF certification norm for 'residency' locations (10 m² for 'lodging'), not a law.
		key: 'space_per_person',
		kind: 'area',
		value: '12',
		validFrom: null,
		reviewBy: '2027-06-01',
		checkedOn: '2026-12-05',
		source: 'https://www.normeringflexwonen.nl/information-for-residents',
		confirmed: true
	},
	{
		// Cao voor uitzendkrachten, as quoted by VNG's barrièremodel (2023); the cao text itself
		// could not be checked.
		key: 'agency_housing_weeks',
		kind: 'number',
		value: '4',
		validFrom: null,
		reviewBy: '2027-06-01',
		checkedOn: '2026-12-05',
		source:
			'VNG, Bescherming kwetsbare arbeidsmigranten (2023), quoting the Cao voor uitzendkrachten',
		confirmed: false
	},
	{
		key: 'police_non_emergency',
		kind: 'text',
		value: '0900-8844',
		validFrom: null,
		reviewBy: '2027-12-01',
		checkedOn: '2026-12-05',
		source: 'https://www.politie.nl/themas/meld-misdaad-anoniem.html',
		confirmed: true
	},
	{
		// Free; the caller's number and IP address are not seen and calls are not recorded.
		key: 'crime_anonymous',
		kind: 'text',
		value: '0800-7000',
		validFrom: null,
		reviewBy: '2027-12-01',
		checkedOn: '2026-12-05',
		source: 'https://www.politie.nl/themas/meld-misdaad-anoniem.html',
		confirmed: true
	},
	// Staying 4 months or longer within half a year: BRP at the gemeente, within 5 days of arrival.
	...[
		['brp_months', '4'],
		['brp_days', '5']
	].map(([key, value]) =>
		counted(
			key,
			value,
			'https://www.zaltbommel.nl/inwoner-en-ondernemer/wonen-en-leven/verhuizen/eerste-inschrijving',
			'2027-12-01'
		)
	),
	// A move within the Netherlands within 5 days; emigration when abroad 8 months or more.
	...[
		['move_days', '5'],
		['emigration_months', '8']
	].map(([key, value]) =>
		counted(key, value, 'https://www.tiel.nl/regelen/inwoners/verhuizen_en_emigratie', '2027-12-01')
	),
	// Zvw art. 5 as the health-insurance ombudsman explains it: insured within 4 months, cover
	// and premium go back to the first day of work.
	counted(
		'insurance_months',
		'4',
		'https://www.skgz.nl/thema/begin-en-einde-zorgverzekering/',
		'2027-12-01'
	),
	{
		// Wet minimumloon en minimumvakantiebijslag; only secondary copies stated the 8%.
		key: 'holiday_pay',
		kind: 'percent',
		value: '8',
		validFrom: null,
		reviewBy: '2027-06-01',
		checkedOn: '2026-12-05',
		source: 'https://wetten.overheid.nl/BWBR0002638',
		confirmed: false
	},
	// BW art. 7:261b (Wet goed verhuurderschap): the deposit back within 14 days, 30 with damage.
	// Only secondary copies of the article were available to check.
	...[
		['deposit_return_days', '14'],
		['deposit_return_damage_days', '30']
	].map(([key, value]) => ({
		...counted(key, value, 'https://wetten.overheid.nl/BWBR0005290', '2027-06-01'),
		validFrom: '2023-07-01',
		confirmed: false
	})),
	// DigiD for RNI registrants: the baliecode holds 30 days, the collected activation code 20.
	counted('baliecode_days', '30', 'https://www.digid.nl/buitenland/', '2027-06-01'),
	counted(
		'activation_code_days',
		'20',
		'https://www.netherlandsworldwide.nl/digid-abroad/activate',
		'2027-06-01'
	),
	// Wtta: in force 1 January 2027 (agencies report to the NAU before it), enforced from 2028.
	...[
		['wtta_from', '2027-01-01'],
		['wtta_enforced', '2028-01-01']
	].map(([key, value]) => ({
		key,
		kind: 'date' as const,
		value,
		validFrom: null,
		reviewBy: '2027-06-01',
		checkedOn: '2026-12-05',
		source:
			'https://www.rijksoverheid.nl/actueel/nieuws/2025/11/11/eerste-kamer-stemt-in-met-strengere-regels-voor-de-uitleenmarkt',
		confirmed: true
	}))
];

/** A confirmed count (days, weeks, months) a rule states, checked on 2026-12-05. */
function counted(key: string, value: string, source: string, reviewBy: string): Fact {
	return {
		key,
		kind: 'number',
		value,
		validFrom: null,
		reviewBy,
		checkedOn: '2026-12-05',
		source,
		confirmed: true
	};
}

/** How far ahead editors are told a figure's date is coming. */
export const NOTICE_DAYS = 30;
/** A figure nobody checked for a year is due whatever its dates say. */
const CHECK_EVERY_DAYS = 365;

export type Standing = 'current' | 'due' | 'expired';

function addDays(iso: string, days: number): string {
	return new Date(Date.parse(`${iso}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

export { today };

/**
 * `expired`: its date passed, so a worker page may not state it as current; `due`: editors must
 * check it soon (within NOTICE_DAYS, or not checked for a year); `current` otherwise.
 */
export function standing(fact: Pick<Fact, 'reviewBy' | 'checkedOn'>, on: string): Standing {
	if (fact.reviewBy && fact.reviewBy <= on) return 'expired';
	if (fact.reviewBy && fact.reviewBy <= addDays(on, NOTICE_DAYS)) return 'due';
	if (addDays(fact.checkedOn, CHECK_EVERY_DAYS) <= on) return 'due';
	return 'current';
}

/** Facts an editor must look at on `on`, the most urgent first. */
export function dueForReview(all: Fact[], on: string): (Fact & { standing: Standing })[] {
	return all
		.map((f) => ({ ...f, standing: standing(f, on) }))
		.filter((f) => f.standing !== 'current')
		.sort((a, b) => (a.reviewBy ?? a.checkedOn).localeCompare(b.reviewBy ?? b.checkedOn));
}

const KINDS: readonly FactKind[] = ['money', 'percent', 'number', 'area', 'date', 'text'];

/**
 * Adds missing facts; a seeded row no editor has touched follows the code's value, so a corrected
 * default reaches running deployments while an editor's own check always wins.
 */
export async function seed(db: Db): Promise<void> {
	for (const f of DEFAULTS) {
		const row = {
			kind: f.kind,
			value: f.value,
			valid_from: f.validFrom,
			review_by: f.reviewBy,
			checked_on: f.checkedOn,
			source: f.source,
			confirmed: f.confirmed
		};
		await db
			.insertInto('fact')
			.values({ key: f.key, ...row })
			.onConflict((oc) => oc.column('key').doUpdateSet(row).where('fact.updated_by', 'is', null))
			.execute();
	}
}

export async function list(db: Db): Promise<Fact[]> {
	const rows = await db.selectFrom('fact').selectAll().orderBy('key').execute();
	return rows.map((r) => ({
		key: r.key,
		kind: r.kind,
		value: r.value,
		validFrom: r.valid_from,
		reviewBy: r.review_by,
		checkedOn: r.checked_on,
		source: r.source,
		confirmed: r.confirmed
	}));
}

export type FactError = 'unknown' | 'value' | 'valid_from' | 'review_by' | 'checked_on' | 'source';

export interface FactInput {
	value: string;
	validFrom: string;
	reviewBy: string;
	checkedOn: string;
	source: string;
	confirmed: boolean;
}

/** Checks a value for its kind; returns the normalised value or null. */
export function normalise(kind: FactKind, raw: string): string | null {
	const v = cleanLine(raw);
	if (!v || length(v) > 60) return null;
	switch (kind) {
		case 'money':
		case 'percent':
		case 'number':
		case 'area': {
			// Editors type Dutch decimals ("14,40") as often as English ones.
			const n = v.replace(',', '.');
			if (!/^\d{1,7}(\.\d{1,2})?$/.test(n)) return null;
			return kind === 'money' ? Number(n).toFixed(2) : String(Number(n));
		}
		case 'date':
			return isDate(v) ? v : null;
		case 'text':
			return v;
	}
}

function isDate(v: string): boolean {
	// Date.parse rolls 2026-02-30 over to 2 March; only a date that reads back the same is real.
	if (!/^\d{4}-\d{2}-\d{2}$/.test(v)) return false;
	const t = Date.parse(`${v}T00:00:00Z`);
	return !Number.isNaN(t) && new Date(t).toISOString().slice(0, 10) === v;
}

/** An optional date: '' is none, anything else must be a real date. */
function optionalDate(raw: string): string | null | false {
	const v = cleanLine(raw);
	if (!v) return null;
	return isDate(v) ? v : false;
}

export async function update(
	db: Db,
	actorId: string,
	key: string,
	input: FactInput,
	on = today()
): Promise<{ ok: true } | { ok: false; error: FactError }> {
	const row = await db.selectFrom('fact').selectAll().where('key', '=', key).executeTakeFirst();
	if (!row || !KINDS.includes(row.kind)) return { ok: false, error: 'unknown' };
	const value = normalise(row.kind, input.value);
	if (value === null) return { ok: false, error: 'value' };
	const validFrom = optionalDate(input.validFrom);
	if (validFrom === false) return { ok: false, error: 'valid_from' };
	// A figure always gets a date to be looked at again: "valid for ever" is how facts go stale.
	const reviewBy = optionalDate(input.reviewBy);
	if (!reviewBy || reviewBy <= on || (validFrom && reviewBy <= validFrom))
		return { ok: false, error: 'review_by' };
	const checkedOn = cleanLine(input.checkedOn);
	if (!isDate(checkedOn) || checkedOn > on) return { ok: false, error: 'checked_on' };
	const source = cleanLine(input.source);
	if (!source || length(source) > 300) return { ok: false, error: 'source' };
	const next = {
		value,
		valid_from: validFrom,
		review_by: reviewBy,
		checked_on: checkedOn,
		source,
		confirmed: input.confirmed
	};
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('fact')
			.set({ ...next, updated_by: actorId, updated_at: new Date() })
			.where('key', '=', key)
			.execute();
		await audit.record(trx, {
			actorId,
			action: 'fact.update',
			objectType: 'fact',
			objectId: key,
			detail: {
				from: {
					value: row.value,
					validFrom: row.valid_from,
					reviewBy: row.review_by,
					source: row.source,
					confirmed: row.confirmed
				},
				to: { value, validFrom, reviewBy, source, confirmed: input.confirmed },
				checkedOn
			}
		});
	});
	return { ok: true };
}

/** A fact as a worker reads it in `locale`: "14,40 €", "25 %", "12 m²", "1 juli 2025". */
export function format(fact: Pick<Fact, 'kind' | 'value'>, locale: string): string {
	switch (fact.kind) {
		case 'money':
			return new Intl.NumberFormat(locale, { style: 'currency', currency: 'EUR' }).format(
				Number(fact.value)
			);
		case 'percent':
			return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 }).format(
				Number(fact.value) / 100
			);
		case 'number':
			return new Intl.NumberFormat(locale).format(Number(fact.value));
		case 'area':
			return `${new Intl.NumberFormat(locale).format(Number(fact.value))} m²`;
		case 'date':
			return new Date(`${fact.value}T12:00:00Z`).toLocaleDateString(locale, {
				day: 'numeric',
				month: 'long',
				year: 'numeric',
				timeZone: 'Europe/Amsterdam'
			});
		case 'text':
			return fact.value;
	}
}

/** The oldest check among `facts`: what a guide quoting them may claim. */
export function oldestCheck(facts: Fact[]): string | null {
	return facts.reduce<string | null>(
		(o, f) => (o === null || f.checkedOn < o ? f.checkedOn : o),
		null
	);
}
