// What the klankbordgroep sees of a survey: per question a table of counts, optionally broken
// down by gemeente, language or length of stay, protected by suppression.ts before it leaves the
// server; nothing at all while the survey has fewer than k responses. Trends compare the rounds
// of a series. The CSV export is built from the same protected view.
import { sql } from 'kysely';
import * as csv from '../platform/csv.ts';
import type { Db } from '../platform/db/index.ts';
import type { QuestionOption } from '../platform/db/schema.ts';
import { label, protect, type Entry } from './suppression.ts';
import * as surveys from './surveys.ts';

export const BREAKDOWNS = ['none', 'gemeente', 'locale', 'stay'] as const;
export type Breakdown = (typeof BREAKDOWNS)[number];

export function breakdown(value: string | null): Breakdown {
	return (BREAKDOWNS as readonly string[]).includes(value ?? '') ? (value as Breakdown) : 'none';
}

export interface QuestionView {
	id: string;
	key: string;
	version: number;
	retired: boolean;
	kind: string;
	texts: Record<string, string>;
	options: QuestionOption[];
	/** option keys, in order */
	rows: string[];
	/** breakdown values ('' = not answered); one column 'all' without a breakdown */
	cols: string[];
	cells: string[][];
	rowTotals: string[];
	colTotals: string[];
	total: string;
	/** share per option of the published total, for the bars; null where hidden */
	shares: Array<number | null>;
}

export type View =
	| { tooFew: true; k: number }
	| { tooFew: false; k: number; responses: number; by: Breakdown; questions: QuestionView[] };

export async function compute(
	db: Db,
	survey: surveys.Survey,
	by: Breakdown,
	k: number,
	hiddenSign = '×'
): Promise<View> {
	const dim = by === 'none' ? sql<string>`''` : sql<string>`${sql.ref(by)}`;
	// Three independent reads at once; the tallies are small (see the migration).
	const [{ n }, counts, all] = await Promise.all([
		db
			.selectFrom('survey_response')
			.select(sql<string>`count(*)`.as('n'))
			.where('survey_id', '=', survey.id)
			.executeTakeFirstOrThrow(),
		db
			.selectFrom('survey_tally')
			.select(['question_id', 'choice', dim.as('d'), sql<string>`sum(n)`.as('n')])
			.where('survey_id', '=', survey.id)
			.groupBy(['question_id', 'choice', sql`3`])
			.execute(),
		surveys.questions(db, survey.id, { all: true })
	]);
	const responses = Number(n);
	if (responses < k) return { tooFew: true, k };
	const perQuestion = new Map<string, Array<{ choice: string; d: string; n: number }>>();
	for (const c of counts) {
		const list = perQuestion.get(c.question_id) ?? [];
		list.push({ choice: c.choice, d: c.d, n: Number(c.n) });
		perQuestion.set(c.question_id, list);
	}

	const qs = all.filter((q) => q.kind !== 'text' && !q.background);
	const views: QuestionView[] = [];
	for (const q of qs) {
		const data = perQuestion.get(q.id) ?? [];
		if (q.retired_at && data.length === 0) continue;
		const rows = surveys.choicesOf(q);
		const cols =
			by === 'none' ? [''] : [...new Set(data.map((d) => d.d))].sort((a, b) => sortCols(a, b));
		if (cols.length === 0) cols.push('');
		const table = rows.map((r) =>
			cols.map((c) => data.find((d) => d.choice === r && d.d === c)?.n ?? 0)
		);
		const p = protect(table, k);
		const show = (e: Entry) => label(e, k, hiddenSign);
		const totalN = p.total.kind === 'value' ? p.total.n : null;
		views.push({
			id: q.id,
			key: q.key,
			version: q.version,
			retired: q.retired_at !== null,
			kind: q.kind,
			texts: q.texts,
			options: q.options,
			rows,
			cols: by === 'none' ? ['all'] : cols,
			cells: p.cells.map((r) => r.map(show)),
			rowTotals: p.rowTotals.map(show),
			colTotals: p.colTotals.map(show),
			total: show(p.total),
			shares: p.rowTotals.map((e) =>
				e.kind === 'value' && totalN ? Math.round((e.n / totalN) * 1000) / 10 : null
			)
		});
	}
	return { tooFew: false, k, responses, by, questions: views };
}

function sortCols(a: string, b: string): number {
	if (a === '') return 1;
	if (b === '') return -1;
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

/** One line per question × option × column, every count as the page shows it. */
export function toCsv(view: View, locale = 'nl'): string {
	const rows: csv.Row[] = [['question', 'version', 'option', 'group', 'count']];
	if (view.tooFew) return csv.write(rows);
	for (const q of view.questions) {
		const text = q.texts[locale] ?? q.texts.nl ?? q.key;
		const line = (option: string, group: string, count: string) =>
			rows.push([text, q.version, option, group, count]);
		q.rows.forEach((r, i) => {
			q.cols.forEach((c, j) => line(r, c || 'unknown', q.cells[i][j]));
			if (q.cols.length > 1) line(r, 'total', q.rowTotals[i]);
		});
		if (q.cols.length > 1) q.cols.forEach((c, j) => line('total', c || 'unknown', q.colTotals[j]));
		line('total', 'total', q.total);
	}
	return csv.write(rows);
}
