import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { OTHER } from '../../surveys/survey.ts';
import { BREAKDOWNS, table, toCsv, type Breakdown, type Count, type Table } from './results.ts';

type Response = { choice: number | null; locale: string; gemeente: string; stay: string };
type Group = Exclude<Breakdown, 'none'>;

const LOCALES = ['nl', 'pl', 'ro', 'bg', 'uk'];
const GEMEENTEN = ['g-tiel', 'g-culemborg', 'g-buren', ''];
const STAYS = ['short', 'long', ''];

/** The running tallies the database keeps, summed over the breakdown's group. */
function counts(rs: Response[], options: string[], by: Breakdown): Count[] {
	const out = new Map<string, Count>();
	for (const r of rs) {
		if (r.choice === null) continue;
		const choice = options[r.choice];
		const group = by === 'none' ? '' : r[by as Group];
		const key = `${choice}|${group}`;
		const c = out.get(key) ?? { choice, group, n: 0 };
		c.n++;
		out.set(key, c);
	}
	return [...out.values()];
}

/** What each shown row and column holds in truth, recounted from the responses themselves. */
function truth(rs: Response[], options: string[], by: Breakdown, t: Table) {
	const grid = t.rows.map(() => t.cols.map(() => 0));
	for (const r of rs) {
		if (r.choice === null) continue;
		const option = options[r.choice];
		const row = t.rows.includes(option) ? option : OTHER;
		const group = by === 'none' ? 'all' : r[by as Group];
		const col = t.cols.includes(group) ? group : t.cols.includes(OTHER) ? OTHER : 'all';
		grid[t.rows.indexOf(row)][t.cols.indexOf(col)]++;
	}
	const rowSums = grid.map((r) => r.reduce((a, b) => a + b, 0));
	const colSums = t.cols.map((_, j) => grid.reduce((a, r) => a + r[j], 0));
	return { grid, rowSums, colSums, total: rowSums.reduce((a, b) => a + b, 0) };
}

type Bound = { lo: number; hi: number };

/**
 * Exact attacker: every table of whole counts that agrees with what is shown and with the sums
 * the attacker knows. Returns the values each inner cell takes across them, stopping early once
 * every suppressed cell is seen with two values. Brute force, for small tables only.
 */
function feasible(bounds: Bound[][], rowSums: Array<number | null>, colSums: number[]) {
	const R = bounds.length;
	const C = bounds[0].length;
	const seen = bounds.map((r) => r.map(() => new Set<number>()));
	const open = bounds.flatMap((r, i) => r.map((b, j) => [i, j, b.lo !== b.hi] as const));
	const settled = () => open.every(([i, j, s]) => !s || seen[i][j].size >= 2);
	const grid = bounds.map((r) => r.map(() => 0));
	const rowLeft = rowSums.map((s) => s);
	const colLeft = [...colSums];
	let done = false;
	const walk = (x: number) => {
		if (done) return;
		if (x === R * C) {
			if (rowLeft.some((s) => s !== null && s !== 0) || colLeft.some((s) => s !== 0)) return;
			grid.forEach((r, i) => r.forEach((v, j) => seen[i][j].add(v)));
			done = settled();
			return;
		}
		const i = Math.floor(x / C);
		const j = x % C;
		const { lo } = bounds[i][j];
		let hi = Math.min(bounds[i][j].hi, colLeft[j]);
		if (rowLeft[i] !== null) hi = Math.min(hi, rowLeft[i]);
		let from = lo;
		if (j === C - 1 && rowLeft[i] !== null) from = Math.max(lo, rowLeft[i]);
		if (i === R - 1) from = Math.max(from, colLeft[j]);
		for (let v = from; v <= hi; v++) {
			grid[i][j] = v;
			colLeft[j] -= v;
			if (rowLeft[i] !== null) rowLeft[i] -= v;
			walk(x + 1);
			colLeft[j] += v;
			if (rowLeft[i] !== null) rowLeft[i] += v;
		}
	};
	walk(0);
	return seen;
}

function boundOf(shown: string, k: number): Bound {
	if (shown === `<${k}`) return { lo: 0, hi: k - 1 };
	if (shown === '×') return { lo: k, hi: Infinity };
	return { lo: Number(shown), hi: Number(shown) };
}

const responses = fc.record({
	k: fc.integer({ min: 3, max: 5 }),
	options: fc.integer({ min: 2, max: 4 }),
	rs: fc.array(
		fc.record({
			choice: fc.option(fc.integer({ min: 0, max: 3 }), { nil: null, freq: 8 }),
			locale: fc.constantFrom(...LOCALES),
			gemeente: fc.constantFrom(...GEMEENTEN),
			stay: fc.constantFrom(...STAYS)
		}),
		{ maxLength: 28 }
	)
});

describe('survey results in every breakdown', () => {
	it('show no number below k and leave no hidden cell derivable, CSV included (property)', () => {
		fc.assert(
			fc.property(responses, ({ k, options: n, rs: raw }) => {
				const options = ['a', 'b', 'c', 'd'].slice(0, n);
				const rs = raw.map((r) => ({ ...r, choice: r.choice === null ? null : r.choice % n }));
				const answered = rs.filter((r) => r.choice !== null).length;
				const overall = table(options, counts(rs, options, 'none'), 'none', k);
				for (const by of BREAKDOWNS) {
					const t = table(options, counts(rs, options, by), by, k);
					const shown = [...t.cells.flat(), ...t.rowTotals, ...t.colTotals, t.total];
					// 1. Every entry is "<k", "×" or a count of at least k.
					for (const s of shown) expect(s === `<${k}` || s === '×' || Number(s) >= k).toBe(true);
					// 1b. A bar shows a share only for a row of at least k answers.
					const real0 = truth(rs, options, by, t);
					t.shares.forEach((share, i) => {
						if (share !== null) expect(real0.rowSums[i]).toBeGreaterThanOrEqual(k);
					});
					// 2. Every published count is the true count.
					const real = truth(rs, options, by, t);
					t.cells.forEach((r, i) =>
						r.forEach((s, j) => {
							if (/^\d+$/.test(s)) expect(Number(s)).toBe(real.grid[i][j]);
						})
					);
					// 3. A breakdown never publishes an option the overall table hides, and its
					// columns are groups of k or more (or everyone) unless the whole table is hidden.
					if (by !== 'none' && t.total !== '×') {
						for (const r of t.rows)
							if (r !== OTHER) expect(overall.cells[options.indexOf(r)][0]).not.toMatch(/[<×]/);
						for (const c of real.colSums) if (answered >= k) expect(c).toBeGreaterThanOrEqual(k);
					}
					// 4. The attacker knows every margin exactly (the number who answered, each group's
					// size, the published options and so the rest together) and that "<k" is 0 … k−1
					// and "×" at least k. The breakdowns share no unknown with each other — an option
					// hidden overall is never shown alone — so each table is attacked on its own.
					if (t.total === '×') continue;
					const bounds = t.cells.map((r) => r.map((s) => boundOf(s, k)));
					const rowSums = by === 'none' ? t.rows.map(() => null) : real.rowSums;
					const seen = feasible(bounds, rowSums, real.colSums);
					// A cell the margins alone determine is as safe as those margins: not this table's.
					const open = t.cells.map((r) => r.map(() => ({ lo: 0, hi: Infinity })));
					const byMargins = feasible(open, rowSums, real.colSums);
					t.cells.forEach((r, i) =>
						r.forEach((s, j) => {
							const b = bounds[i][j];
							expect(real.grid[i][j] >= b.lo && real.grid[i][j] <= b.hi).toBe(true);
							if (!/^\d+$/.test(s) && byMargins[i][j].size > 1)
								expect(seen[i][j].size).toBeGreaterThanOrEqual(2);
						})
					);
					// 5. The CSV carries the same entries and nothing else.
					const csv = toCsv({
						tooFew: false,
						k,
						responses: rs.length,
						by,
						groupNames: {},
						questions: [
							{
								...t,
								id: 'q',
								key: 'q',
								version: 1,
								retired: false,
								kind: 'single',
								texts: { nl: 'Vraag' },
								options: []
							}
						]
					});
					const csvCounts = csv
						.trim()
						.split(/\r?\n/)
						.slice(1)
						.map((line) => line.slice(line.lastIndexOf(',') + 1));
					for (const s of csvCounts)
						expect(s === `<${k}` || s === '×' || Number(s) >= k).toBe(true);
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('puts languages with fewer than k answers into one column, never one of their own', () => {
		// The review's case: 9 responses in 7 languages; the lone Bulgarian and Ukrainian answers.
		const rs: Response[] = ['nl', 'nl', 'nl', 'pl', 'pl', 'ro', 'bg', 'uk', 'lt'].map(
			(locale, i) => ({ choice: i % 2, locale, gemeente: '', stay: '' })
		);
		const t = table(['yes', 'no'], counts(rs, ['yes', 'no'], 'locale'), 'locale', 5);
		expect(t.cols).toEqual(['all']);
		expect(t.cols).not.toContain('bg');
		const mixed = [
			...rs,
			...['pl', 'pl', 'pl', 'nl', 'nl', 'ro'].map((locale) => ({ ...rs[0], locale }))
		];
		const u = table(['yes', 'no'], counts(mixed, ['yes', 'no'], 'locale'), 'locale', 5);
		expect(u.cols).toEqual(['nl', 'pl', OTHER]);
	});

	it('shows what the overall table shows when every group is below k, not a hidden table', () => {
		const rs: Response[] = [0, 0, 0, 0, 0, 0, 0, 1, 1, 1].map((choice, i) => ({
			choice,
			locale: i < 7 ? 'pl' : 'en',
			gemeente: i < 4 ? 'g-tiel' : 'g-buren',
			stay: ''
		}));
		const options = ['8', '6', '5'];
		for (const by of ['gemeente', 'locale'] as const) {
			const t = table(options, counts(rs, options, by), by, 5);
			expect(t).toMatchObject({ rows: ['8', OTHER], cols: ['all'], cells: [['7'], ['<5']] });
		}
	});
});
