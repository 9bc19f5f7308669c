// Small-cell protection for published survey tables (issue #7). Pure: counts in, what may be shown
// out. A table is extended with its margins (row totals, column totals, grand total) and every
// entry of that extended table is one of:
//   value  — the true count, published (never below k, unless it is a margin already known)
//   small  — primary suppression: the count is 0 … k−1, shown as "<k". Zero counts too: a
//            published 0 beside a small total tells which answer the few in that group gave
//            (group disclosure)
//   hidden — complementary suppression: a count ≥ k, hidden so that no "small" cell can be worked
//            out by subtracting published cells from a published total
// Each row and column of the extended table is a linear equation (parts − total = 0). A hidden
// entry is safe when (1) no chain of equations pins it, given what an attacker who knows this
// algorithm knows — "small" means 0 … k−1 and "hidden" means ≥ k — and (2) it lies on a cycle of
// hidden entries: an entry on no cycle (a bridge) is a fixed linear combination of published
// numbers. This is τ-ARGUS's secondary suppression with the hypercube test replaced by exact
// bounds for small tables. Where no further cell can be hidden to fix a problem, the whole table
// is hidden.

export type Entry = { kind: 'value'; n: number } | { kind: 'small' } | { kind: 'hidden' };

export interface Protected {
	/** inner cells, rows × columns */
	cells: Entry[][];
	rowTotals: Entry[];
	colTotals: Entry[];
	total: Entry;
}

/**
 * Which margins the reader knows anyway, from another table of the same answers: they are
 * published (shown "<k" when below k), never hidden, and count as exact in the analysis.
 *   'none'    — nothing is known beyond this table
 *   'total'   — the grand total (the number who answered the question)
 *   'margins' — every row total, column total and the grand total
 */
export type Known = 'none' | 'total' | 'margins';

/** k must be at least 2; the app enforces k ≥ 5 (config.ts). */
export function protect(counts: number[][], k: number, known: Known = 'none'): Protected {
	if (!Number.isInteger(k) || k < 2) throw new Error('k must be a whole number ≥ 2');
	const R = counts.length;
	const C = R === 0 ? 0 : counts[0].length;
	for (const row of counts) {
		if (row.length !== C) throw new Error('ragged table');
		for (const n of row) if (!Number.isInteger(n) || n < 0) throw new Error('counts are ≥ 0');
	}
	const grid = extend(counts);
	const fixed = grid.map((row, i) =>
		row.map((_, j) =>
			known === 'margins' ? i === R || j === C : known === 'total' ? i === R && j === C : false
		)
	);
	// An entry that known margins alone determine (the only unknown of a line) is known as well:
	// hiding it protects nothing, and trying to would hide the whole table.
	for (let changed = true; changed;) {
		changed = false;
		for (const line of lines(R, C)) {
			const open = line.filter(([i, j]) => !fixed[i][j]);
			if (open.length !== 1) continue;
			fixed[open[0][0]][open[0][1]] = true;
			changed = true;
		}
	}
	const small = grid.map((row, i) => row.map((n, j) => !fixed[i][j] && n < k));
	const hidden = grid.map((row) => row.map(() => false));
	const isSuppressed = (i: number, j: number) => small[i][j] || hidden[i][j];
	const canHide = (i: number, j: number) => !fixed[i][j] && !isSuppressed(i, j);

	let safe = false;
	for (let round = 0; round < 4 * (R + 1) * (C + 1) + 4; round++) {
		const pick = nextToHide(R, C, grid, small, isSuppressed, canHide, k);
		if (pick === 'done') {
			safe = true;
			break;
		}
		if (pick === 'stuck') break;
		hidden[pick[0]][pick[1]] = true;
	}

	const entry = (i: number, j: number): Entry => {
		if (!safe) return { kind: 'hidden' };
		if (small[i][j]) return { kind: 'small' };
		if (hidden[i][j]) return { kind: 'hidden' };
		// A known margin below k is shown as small all the same: no number below k on the page.
		if (grid[i][j] < k) return { kind: 'small' };
		return { kind: 'value', n: grid[i][j] };
	};
	return {
		cells: counts.map((row, i) => row.map((_, j) => entry(i, j))),
		rowTotals: counts.map((_, i) => entry(i, C)),
		colTotals: Array.from({ length: C }, (_, j) => entry(R, j)),
		total: entry(R, C)
	};
}

/** How an entry reads: "12", "<5", or the sign for a hidden entry. */
export function label(e: Entry, k: number, hiddenSign = '×'): string {
	if (e.kind === 'value') return String(e.n);
	return e.kind === 'small' ? `<${k}` : hiddenSign;
}

type Pos = [number, number];

function extend(counts: number[][]): number[][] {
	const R = counts.length;
	const C = R === 0 ? 0 : counts[0].length;
	const grid = Array.from({ length: R + 1 }, () => new Array<number>(C + 1).fill(0));
	for (let i = 0; i < R; i++)
		for (let j = 0; j < C; j++) {
			grid[i][j] = counts[i][j];
			grid[i][C] += counts[i][j];
			grid[R][j] += counts[i][j];
			grid[R][C] += counts[i][j];
		}
	return grid;
}

/** Every row and column of the extended table; the last entry of each is its total. */
function lines(R: number, C: number): Pos[][] {
	const out: Pos[][] = [];
	for (let i = 0; i <= R; i++) out.push(Array.from({ length: C + 1 }, (_, j): Pos => [i, j]));
	for (let j = 0; j <= C; j++) out.push(Array.from({ length: R + 1 }, (_, i): Pos => [i, j]));
	return out;
}

/**
 * The next entry to hide, 'done' when the table is safe, 'stuck' when it cannot be made safe by
 * hiding more (then nothing is shown). In order: a line with one suppressed entry, a bridge, an
 * entry the attacker's bound reasoning pins to one value.
 */
function nextToHide(
	R: number,
	C: number,
	grid: number[][],
	small: boolean[][],
	isSuppressed: (i: number, j: number) => boolean,
	canHide: (i: number, j: number) => boolean,
	k: number
): Pos | 'done' | 'stuck' {
	for (const line of lines(R, C)) {
		if (line.filter(([i, j]) => isSuppressed(i, j)).length === 1)
			return cheapest(line, grid, canHide) ?? 'stuck';
	}
	const bridge = firstBridge(R, C, isSuppressed);
	if (bridge) return cheapest(bridge.across, grid, canHide) ?? 'stuck';
	const pinned = firstPinned(R, C, grid, small, isSuppressed, k);
	if (pinned) {
		const [i, j] = pinned;
		const around = [...lines(R, C)[i], ...lines(R, C)[R + 1 + j]];
		return cheapest(around, grid, canHide) ?? 'stuck';
	}
	return 'done';
}

/**
 * What an attacker learns from bounds: published entries are exact, "small" ones 0 … k−1, hidden
 * ones ≥ k (everything below k is small), and in every line the parts add up to the total.
 * Tightens every entry's interval until nothing changes and returns a suppressed entry left with
 * one possible value.
 */
function firstPinned(
	R: number,
	C: number,
	grid: number[][],
	small: boolean[][],
	isSuppressed: (i: number, j: number) => boolean,
	k: number
): Pos | null {
	const lo = grid.map((row, i) =>
		row.map((n, j) => (!isSuppressed(i, j) ? n : small[i][j] ? 0 : k))
	);
	const hi = grid.map((row, i) =>
		row.map((n, j) => (!isSuppressed(i, j) ? n : small[i][j] ? k - 1 : Infinity))
	);
	const all = lines(R, C);
	for (let round = 0; round < 100; round++) {
		let changed = false;
		for (const line of all) {
			const parts = line.slice(0, -1);
			const [ti, tj] = line[line.length - 1];
			const sumLo = parts.reduce((s, [i, j]) => s + lo[i][j], 0);
			// Infinity − Infinity is NaN: keep the finite sum and count the unbounded entries.
			const infinite = parts.filter(([i, j]) => hi[i][j] === Infinity).length;
			const finiteHi = parts.reduce((s, [i, j]) => (hi[i][j] === Infinity ? s : s + hi[i][j]), 0);
			const sumHi = infinite > 0 ? Infinity : finiteHi;
			const restHi = (i: number, j: number) =>
				hi[i][j] === Infinity
					? infinite > 1
						? Infinity
						: finiteHi
					: infinite > 0
						? Infinity
						: finiteHi - hi[i][j];
			if (sumLo > lo[ti][tj]) {
				lo[ti][tj] = sumLo;
				changed = true;
			}
			if (sumHi < hi[ti][tj]) {
				hi[ti][tj] = sumHi;
				changed = true;
			}
			for (const [i, j] of parts) {
				const newLo = lo[ti][tj] - restHi(i, j);
				const newHi = hi[ti][tj] - (sumLo - lo[i][j]);
				if (newLo > lo[i][j]) {
					lo[i][j] = newLo;
					changed = true;
				}
				if (newHi < hi[i][j]) {
					hi[i][j] = newHi;
					changed = true;
				}
			}
		}
		if (!changed) break;
	}
	for (let i = 0; i <= R; i++)
		for (let j = 0; j <= C; j++) if (isSuppressed(i, j) && lo[i][j] === hi[i][j]) return [i, j];
	return null;
}

/** The entry to hide next among `candidates`: the smallest count, inner cells before totals. */
function cheapest(
	candidates: Pos[],
	grid: number[][],
	canHide: (i: number, j: number) => boolean
): Pos | null {
	let best: Pos | null = null;
	let bestScore = Infinity;
	const R = grid.length - 1;
	const C = grid[0].length - 1;
	for (const [i, j] of candidates) {
		if (!canHide(i, j)) continue;
		const margin = i === R || j === C;
		const score = grid[i][j] + (margin ? 1e6 : 0);
		if (score < bestScore) {
			bestScore = score;
			best = [i, j];
		}
	}
	return best;
}

/**
 * Rows 0…R and columns 0…C are the nodes of a bipartite graph whose edges are suppressed entries.
 * A bridge (an edge on no cycle) is determined by the published numbers; hiding any entry that
 * joins its two sides puts it on a cycle. Returns the entries that would do so.
 */
function firstBridge(
	R: number,
	C: number,
	isSuppressed: (i: number, j: number) => boolean
): { across: Pos[] } | null {
	for (let i = 0; i <= R; i++)
		for (let j = 0; j <= C; j++) {
			if (!isSuppressed(i, j)) continue;
			const { rows, cols } = reach(R, C, isSuppressed, i, [i, j]);
			if (cols.has(j)) continue;
			// Side A holds row i; side B holds column j. Join a row of B to a column of A.
			const across: Pos[] = [];
			for (let r = 0; r <= R; r++)
				for (let c = 0; c <= C; c++) if (!rows.has(r) && cols.has(c)) across.push([r, c]);
			return { across };
		}
	return null;
}

function reach(
	R: number,
	C: number,
	isSuppressed: (i: number, j: number) => boolean,
	startRow: number,
	without: Pos
): { rows: Set<number>; cols: Set<number> } {
	const rows = new Set<number>([startRow]);
	const cols = new Set<number>();
	const queue: Array<['r' | 'c', number]> = [['r', startRow]];
	while (queue.length > 0) {
		const [side, n] = queue.pop()!;
		if (side === 'r') {
			for (let c = 0; c <= C; c++) {
				if (cols.has(c) || !isSuppressed(n, c) || (n === without[0] && c === without[1])) continue;
				cols.add(c);
				queue.push(['c', c]);
			}
		} else {
			for (let r = 0; r <= R; r++) {
				if (rows.has(r) || !isSuppressed(r, n) || (r === without[0] && n === without[1])) continue;
				rows.add(r);
				queue.push(['r', r]);
			}
		}
	}
	return { rows, cols };
}
