// What the klankbordgroep sees of a survey: per question a table of counts, optionally broken
// down by gemeente, language or length of stay, protected by suppression.ts before it leaves the
// server; nothing at all while the survey has fewer than k responses. Trends compare the rounds
// of a series. The CSV export is built from the same protected view.
import { sql } from 'kysely';
import * as csv from '../platform/csv.ts';
import type { Db } from '../platform/db/index.ts';
import type { QuestionOption } from '../platform/db/schema.ts';
import { OTHER } from '../../surveys/survey.ts';
import * as regions from '../regions/regions.ts';
import { label, protect, type Entry } from './suppression.ts';
import * as surveys from './surveys.ts';

export const BREAKDOWNS = ['none', 'gemeente', 'locale', 'stay'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export function breakdown(value: string | null): Breakdown {
	return (BREAKDOWNS as readonly string[]).includes(value ?? '') ? (value as Breakdown) : 'none';
}

/** A protected table of one question, every entry as it may be shown. */
export interface Table {
	/** option keys, in order; OTHER = the options hidden in the overall table, together */
	rows: string[];
	/** breakdown values ('' = not answered, OTHER = groups below k together); 'all' without one */
	cols: string[];
	cells: string[][];
	rowTotals: string[];
	colTotals: string[];
	total: string;
	/** share per row of the published total, for the bars; null where hidden */
	shares: Array<number | null>;
}

export interface QuestionView extends Table {
	id: string;
	key: string;
	version: number;
	retired: boolean;
	kind: string;
	texts: Record<string, string>;
	options: QuestionOption[];
}

export type View =
	| { tooFew: true; k: number }
	| {
			tooFew: false;
			k: number;
			responses: number;
			by: Breakdown;
			/** what a column key means when it is not a code the page translates (gemeente names) */
			groupNames: Record<string, string>;
			questions: QuestionView[];
	  };

/** One running count: answers of one option by one group ('' when the group is unknown). */
export interface Count {
	choice: string;
	group: string;
	n: number;
}

/**
 * The protected table of one question in one breakdown. Every breakdown of a question is built
 * on the same overall table, so that no two views can be set against each other (linked tables):
 *  1. The overall table (options × everyone) is protected first; its total, the number who
 *     answered, counts as known.
 *  2. A breakdown shows only the options published there, one by one; the options hidden there
 *     are one row together, whose total is the overall total minus the published options, i.e.
 *     already known. So the breakdowns share no unknown with each other or with the overall table.
 *  3. Groups (languages, gemeenten, stays) with fewer than k answers join one "other" column —
 *     with the next smallest group while that column is still below k — so every column total
 *     can be published: a column total below k beside zeros would tell what those few answered.
 *  4. The breakdown's inner cells are protected with all its margins known.
 */
export function table(rows: string[], counts: Count[], by: Breakdown, k: number): Table {
	const perRow = rows.map((r) =>
		counts.filter((c) => c.choice === r).reduce((sum, c) => sum + c.n, 0)
	);
	const overall = protect(
		perRow.map((n) => [n]),
		k,
		'total'
	);
	const show = (e: Entry) => label(e, k);
	if (by === 'none' || overall.total.kind === 'hidden') {
		const cells = overall.cells.map((r) => r.map(show));
		return {
			rows,
			cols: ['all'],
			cells,
			rowTotals: cells.map((r) => r[0]),
			colTotals: [show(overall.total)],
			total: show(overall.total),
			shares: shares(
				overall.cells.map((r) => r[0]),
				overall.total
			)
		};
	}

	const published = rows.filter((_, i) => overall.cells[i][0].kind === 'value');
	const shownRows = published.length < rows.length ? [...published, OTHER] : published;
	const rowOf = (choice: string) => (published.includes(choice) ? choice : OTHER);

	const sizes = new Map<string, number>();
	for (const c of counts)
		if (rows.includes(c.choice)) sizes.set(c.group, (sizes.get(c.group) ?? 0) + c.n);
	const merged = mergeSmallGroups(sizes, k);
	// When every group is below k, the one column left is everyone.
	const other = merged.size === sizes.size ? 'all' : OTHER;
	const colOf = (group: string) => (merged.has(group) ? other : group);
	const cols = [...new Set([...sizes.keys()].map(colOf))].sort(sortCols);
	if (cols.length === 0) cols.push('all');

	const grid = shownRows.map(() => cols.map(() => 0));
	for (const c of counts) {
		if (!rows.includes(c.choice)) continue;
		grid[shownRows.indexOf(rowOf(c.choice))][cols.indexOf(colOf(c.group))] += c.n;
	}
	const p = protect(grid, k, 'margins');
	// The bars show the overall shares, as the overall table does: a breakdown hides no more.
	const rowSums = grid.map((r) => r.reduce((a, b) => a + b, 0));
	const answered = rowSums.reduce((a, b) => a + b, 0);
	return {
		rows: shownRows,
		cols,
		cells: p.cells.map((r) => r.map(show)),
		rowTotals: p.rowTotals.map(show),
		colTotals: p.colTotals.map(show),
		total: show(p.total),
		shares: shares(
			rowSums.map((n): Entry => (n >= k ? { kind: 'value', n } : { kind: 'small' })),
			answered >= k ? { kind: 'value', n: answered } : { kind: 'small' }
		)
	};
}

function shares(parts: Entry[], total: Entry): Array<number | null> {
	const n = total.kind === 'value' ? total.n : null;
	return parts.map((e) => (e.kind === 'value' && n ? Math.round((e.n / n) * 1000) / 10 : null));
}

/** The groups that go into the "other" column: each below k, then more while it is below k. */
function mergeSmallGroups(sizes: Map<string, number>, k: number): Set<string> {
	const bySize = [...sizes.entries()].sort((a, b) => a[1] - b[1] || sortCols(a[0], b[0]));
	const merged = new Set<string>();
	let other = 0;
	for (const [group, n] of bySize) {
		if (n >= k && (other === 0 || other >= k)) break;
		merged.add(group);
		other += n;
	}
	return merged;
}

export async function compute(
	db: Db,
	survey: surveys.Survey,
	by: Breakdown,
	k: number
): Promise<View> {
	const group = by === 'none' ? sql<string>`''` : sql<string>`${sql.ref(by)}`;
	// Independent reads at once; the tallies are small (see the migration).
	const [{ n }, counts, all, gemeenten] = await Promise.all([
		db
			.selectFrom('survey_response')
			.select(sql<string>`count(*)`.as('n'))
			.where('survey_id', '=', survey.id)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('survey_tally')
			.select(['question_id', 'choice', group.as('g'), sql<string>`sum(n)`.as('n')])
			.where('survey_id', '=', survey.id)
			.groupBy(['question_id', 'choice', sql`3`])
			.execute(),
		surveys.questions(db, survey.id, { all: true }),
		by === 'gemeente' ? regions.gemeenten(db, survey.region_id) : Promise.resolve([])
	]);
	const responses = Number(n);
	if (responses < k) return { tooFew: true, k };
	const perQuestion = new Map<string, Count[]>();
	for (const c of counts) {
		const list = perQuestion.get(c.question_id) ?? [];
		list.push({ choice: c.choice, group: c.g, n: Number(c.n) });
		perQuestion.set(c.question_id, list);
	}

	const views: QuestionView[] = [];
	for (const q of all.filter((q) => q.kind !== 'text' && !q.background)) {
		const data = perQuestion.get(q.id) ?? [];
		if (q.retired_at && data.length === 0) continue;
		views.push({
			id: q.id,
			key: q.key,
			version: q.version,
			retired: q.retired_at !== null,
			kind: q.kind,
			texts: q.texts,
			options: q.options,
			...table(surveys.choicesOf(q), data, by, k)
		});
	}
	return {
		tooFew: false,
		k,
		responses,
		by,
		groupNames: Object.fromEntries(gemeenten.map((g) => [g.id, g.name])),
		questions: views
	};
}

function sortCols(a: string, b: string): number {
	if (a === b) return 0;
	if (a === OTHER || (a === '' && b !== OTHER)) return 1;
	if (b === OTHER || b === '') return -1;
	return a.localeCompare(b);
}

export interface ResultsPage {
	view: View;
	trend: TrendPoint[];
	/** Moderated open answers, and the text questions they answer. */
	texts: { question_id: string; body: string; locale: string }[];
	textQuestions: { id: string; key: string; text: string }[];
}

/**
 * Everything the results page shows of a survey. Open answers only after a moderator approved
 * them, and only once the survey has k responses: below k even one quoted answer could point to
 * its writer, the same small-cell rule as the counts.
 */
export async function read(
	db: Db,
	survey: surveys.Survey,
	by: Breakdown,
	k: number
): Promise<ResultsPage> {
	// Independent reads, side by side on the pool.
	const [view, trendPoints, questions, approved] = await Promise.all([
		compute(db, survey, by, k),
		trend(db, survey, k),
		surveys.questions(db, survey.id, { all: true }),
		db
			.selectFrom('survey_text')
			.select(['question_id', 'body', 'locale'])
			.where('survey_id', '=', survey.id)
			.where('state', '=', 'approved')
			.execute()
	]);
	if (view.tooFew) return { view, trend: trendPoints, texts: [], textQuestions: [] };
	return {
		view,
		trend: trendPoints,
		texts: approved,
		textQuestions: questions
			.filter((q) => q.kind === 'text')
			.map((q) => ({ id: q.id, key: q.key, text: q.texts.nl ?? q.key }))
	};
}

/** The number of responses as it may be shown: "<k" below k. */
export function shownCount(n: number, k: number): string {
	return n > 0 && n < k ? `<${k}` : String(n);
}

export interface TrendPoint {
	surveyId: string;
	title: string;
	responses: string;
	/** question key → mean of a 1–10 scale, only with ≥ k answers */
	means: Record<string, number | null>;
}

/** Rounds of the same series, oldest first, with their scale means. */
export async function trend(db: Db, survey: surveys.Survey, k: number): Promise<TrendPoint[]> {
	const rounds = await db
		.selectFrom('survey')
		.select(['id', 'title'])
		.where('region_id', '=', survey.region_id)
		.where('series', '=', survey.series)
		.where('state', '!=', 'draft')
		.orderBy('created_at')
		.execute();
	// One round has no trend; skip the work.
	if (rounds.length < 2) return [];
	const points: TrendPoint[] = [];
	for (const r of rounds) {
		const { n } = await db
			.selectFrom('survey_response')
			.select(sql<string>`count(*)`.as('n'))
			.where('survey_id', '=', r.id)
			.executeTakeFirstOrThrow();
		const means = await db
			.selectFrom('survey_tally as t')
			.innerJoin('survey_question as q', 'q.id', 't.question_id')
			.select([
				'q.key',
				sql<string>`sum(t.n * t.choice::int)::float8 / sum(t.n)`.as('mean'),
				sql<string>`sum(t.n)`.as('n')
			])
			.where('t.survey_id', '=', r.id)
			.where('q.kind', '=', 'scale')
			.groupBy('q.key')
			.execute();
		const enough = Number(n) >= k;
		points.push({
			surveyId: r.id,
			title: r.title,
			responses: shownCount(Number(n), k),
			means: Object.fromEntries(
				means.map((row) => [
					row.key,
					enough && Number(row.n) >= k ? Math.round(Number(row.mean) * 10) / 10 : null
				])
			)
		});
	}
	return points;
}

/** One line per question × option × column, every count as the page shows it, every name spelled out. */
export function toCsv(view: View, locale = 'nl'): string {
	const rows: csv.Row[] = [['question', 'version', 'option', 'group', 'count']];
	if (view.tooFew) return csv.write(rows);
	const groupName = (c: string) =>
		c === '' ? 'unknown' : c === OTHER ? 'other' : (view.groupNames[c] ?? c);
	for (const q of view.questions) {
		const text = q.texts[locale] ?? q.texts.nl ?? q.key;
		const line = (option: string, group: string, count: string) =>
			rows.push([text, q.version, option, group, count]);
		q.rows.forEach((r, i) => {
			const option = optionName(q, r, locale);
			q.cols.forEach((c, j) => line(option, groupName(c), q.cells[i][j]));
			if (q.cols.length > 1) line(option, 'total', q.rowTotals[i]);
		});
		if (q.cols.length > 1) q.cols.forEach((c, j) => line('total', groupName(c), q.colTotals[j]));
		line('total', 'total', q.total);
	}
	return csv.write(rows);
}

/** An option's text in the locale (Dutch, then its key, as fallbacks); "other" for the rest. */
function optionName(q: QuestionView, key: string, locale: string): string {
	if (key === OTHER) return 'other';
	const option = q.options.find((o) => o.key === key);
	return option ? (option.texts[locale] ?? option.texts.nl ?? key) : key;
}
