// Figures the guides quote that change over time. One row each, with the date someone last checked
// it and where; editors change them under /staff/facts without a release. The seeded values were
// written from public sources (named in `source`) and carry the date they were valid on — an editor
// sees which are older than a year and checks them again.
import * as audit from '../platform/audit.ts';
import type { Db } from '../platform/db/index.ts';
import type { FactKind } from '../platform/db/schema.ts';
import { cleanLine, length } from '../../shell/text.ts';

export interface Fact {
	key: string;
	kind: FactKind;
	value: string;
	checkedOn: string;
	source: string;
}

export const DEFAULTS: Fact[] = [
	{
		key: 'min_wage_hour',
		kind: 'money',
		value: '14.40',
		checkedOn: '2025-07-01',
		source: 'https://www.government.nl/topics/minimum-wage/amount-of-the-minimum-wage'
	},
	{
		key: 'min_wage_from',
		kind: 'date',
		value: '2025-07-01',
		checkedOn: '2025-07-01',
		source: 'https://www.government.nl/topics/minimum-wage/amount-of-the-minimum-wage'
	},
	{
		// Wet minimumloon art. 13 / Besluit: housing may be withheld up to 25% of the minimum wage.
		key: 'housing_deduction_max',
		kind: 'percent',
		value: '25',
		checkedOn: '2025-07-01',
		source: 'CCV, barrièremodel kwetsbare arbeidsmigranten (2023); Wet minimumloon'
	},
	{
		key: 'own_risk',
		kind: 'money',
		value: '385',
		checkedOn: '2025-07-01',
		source: 'https://www.rijksoverheid.nl/onderwerpen/zorgverzekering/eigen-risico-zorgverzekering'
	},
	{
		// Wet goed verhuurderschap: deposit at most twice the basic monthly rent (since 1 July 2023).
		key: 'deposit_max_months',
		kind: 'number',
		value: '2',
		checkedOn: '2025-07-01',
		source: 'https://www.rijksoverheid.nl/onderwerpen/huurwoning-zoeken/goed-verhuurderschap'
	},
	{
		// The Bouwbesluit minimum; regions advise 15 m² in their omgevingsplan.
		key: 'space_per_person',
		kind: 'area',
		value: '12',
		checkedOn: '2025-07-01',
		source: 'Regionaal beleidskader huisvesting internationale werknemers Arnhem-Nijmegen; SNF-norm'
	},
	{
		key: 'agency_housing_weeks',
		kind: 'number',
		value: '4',
		checkedOn: '2025-07-01',
		source: 'Cao voor uitzendkrachten (ABU/NBBU)'
	},
	{
		key: 'police_non_emergency',
		kind: 'text',
		value: '0900-8844',
		checkedOn: '2025-07-01',
		source: 'https://www.politie.nl/contact'
	}
];

const KINDS: readonly FactKind[] = ['money', 'percent', 'number', 'area', 'date', 'text'];

export async function seed(db: Db): Promise<void> {
	for (const f of DEFAULTS) {
		await db
			.insertInto('fact')
			.values({
				key: f.key,
				kind: f.kind,
				value: f.value,
				checked_on: f.checkedOn,
				source: f.source
			})
			.onConflict((oc) => oc.column('key').doNothing())
			.execute();
	}
}

export async function list(db: Db): Promise<Fact[]> {
	const rows = await db.selectFrom('fact').selectAll().orderBy('key').execute();
	return rows.map((r) => ({
		key: r.key,
		kind: r.kind,
		value: r.value,
		checkedOn: r.checked_on,
		source: r.source
	}));
}

export type FactError = 'unknown' | 'value' | 'checked_on' | 'source';

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
	return /^\d{4}-\d{2}-\d{2}$/.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`));
}

export async function update(
	db: Db,
	actorId: string,
	key: string,
	input: { value: string; checkedOn: string; source: string },
	today = new Date().toISOString().slice(0, 10)
): Promise<{ ok: true } | { ok: false; error: FactError }> {
	const row = await db.selectFrom('fact').selectAll().where('key', '=', key).executeTakeFirst();
	if (!row || !KINDS.includes(row.kind)) return { ok: false, error: 'unknown' };
	const value = normalise(row.kind, input.value);
	if (value === null) return { ok: false, error: 'value' };
	const checkedOn = cleanLine(input.checkedOn);
	if (!isDate(checkedOn) || checkedOn > today) return { ok: false, error: 'checked_on' };
	const source = cleanLine(input.source);
	if (!source || length(source) > 300) return { ok: false, error: 'source' };
	await db.transaction().execute(async (trx) => {
		await trx
			.updateTable('fact')
			.set({ value, checked_on: checkedOn, source, updated_by: actorId, updated_at: new Date() })
			.where('key', '=', key)
			.execute();
		await audit.record(trx, {
			actorId,
			action: 'fact.update',
			objectType: 'fact',
			objectId: key,
			detail: { from: row.value, to: value, checkedOn }
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
