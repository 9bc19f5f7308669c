import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { label, protect, type Entry, type Protected } from './suppression.ts';

/** The extended table (cells + margins) as entries and as true numbers, row-major. */
function flatten(
	p: Protected,
	counts: number[][]
): Array<{ e: Entry; n: number; i: number; j: number }> {
	const R = counts.length;
	const C = counts[0]?.length ?? 0;
	const rowSum = counts.map((r) => r.reduce((a, b) => a + b, 0));
	const colSum = Array.from({ length: C }, (_, j) => counts.reduce((a, r) => a + r[j], 0));
	const total = rowSum.reduce((a, b) => a + b, 0);
	const out: Array<{ e: Entry; n: number; i: number; j: number }> = [];
	for (let i = 0; i <= R; i++)
		for (let j = 0; j <= C; j++) {
			const e = i < R ? (j < C ? p.cells[i][j] : p.rowTotals[i]) : j < C ? p.colTotals[j] : p.total;
			const n = i < R ? (j < C ? counts[i][j] : rowSum[i]) : j < C ? colSum[j] : total;
			out.push({ e, n, i, j });
		}
	return out;
}

/** Rank of a matrix (Gaussian elimination; entries are small integers). */
function rank(rows: number[][]): number {
	const a = rows.map((r) => [...r]);
	let r = 0;
	const cols = a[0]?.length ?? 0;
	for (let c = 0; c < cols && r < a.length; c++) {
		let p = r;
		while (p < a.length && Math.abs(a[p][c]) < 1e-9) p++;
		if (p === a.length) continue;
		[a[r], a[p]] = [a[p], a[r]];
		for (let i = 0; i < a.length; i++) {
			if (i === r || Math.abs(a[i][c]) < 1e-9) continue;
			const f = a[i][c] / a[r][c];
			for (let x = c; x < cols; x++) a[i][x] -= f * a[r][x];
		}
		r++;
	}
	return r;
}

/**
 * Suppressed entries that the published numbers determine exactly through the table's linear
 * equations: u is determined iff its unit vector lies in the row space of the equations
 * restricted to the unknowns.
 */
function linearlyDetermined(p: Protected, counts: number[][]): number[] {
	const R = counts.length;
	const C = counts[0]?.length ?? 0;
	const flat = flatten(p, counts);
	const unknown = flat.map((f, idx) => ({ ...f, idx })).filter((f) => f.e.kind !== 'value');
	if (unknown.length === 0) return [];
	const col = new Map(unknown.map((u, x) => [u.idx, x]));
	const eqs: number[][] = [];
	const at = (i: number, j: number) => i * (C + 1) + j;
	for (let i = 0; i <= R; i++) {
		const row = new Array(unknown.length).fill(0);
		for (let j = 0; j <= C; j++) {
			const x = col.get(at(i, j));
			if (x !== undefined) row[x] = j === C ? -1 : 1;
		}
		eqs.push(row);
	}
	for (let j = 0; j <= C; j++) {
		const row = new Array(unknown.length).fill(0);
		for (let i = 0; i <= R; i++) {
			const x = col.get(at(i, j));
			if (x !== undefined) row[x] = i === R ? -1 : 1;
		}
		eqs.push(row);
	}
	const base = rank(eqs);
	return unknown
		.map((u, x) => {
			const unit = new Array(unknown.length).fill(0);
			unit[x] = 1;
			return rank([...eqs, unit]) === base ? u.idx : -1;
		})
		.filter((x) => x >= 0);
}

/**
 * Every table an attacker cannot tell apart from the truth: published entries equal, "small"
 * entries 0 … k−1, hidden entries any count ≥ k (the attacker knows the rule). Returns, per extended entry, the set of values
 * it takes across those tables. Brute force: for tiny tables only.
 */
function possibleValues(p: Protected, counts: number[][], k: number): Map<number, Set<number>> {
	const R = counts.length;
	const C = counts[0].length;
	const flat = flatten(p, counts);
	const total = flat[flat.length - 1].n;
	const max = Math.max(total, k) + 2;
	const inner: Array<[number, number]> = [];
	for (let i = 0; i < R; i++) for (let j = 0; j < C; j++) inner.push([i, j]);
	const seen = new Map<number, Set<number>>();
	const grid = counts.map((r) => r.map(() => 0));
	const fits = (e: Entry, n: number) =>
		e.kind === 'value' ? e.n === n : e.kind === 'small' ? n < k : n >= k;
	const walk = (x: number) => {
		if (x === inner.length) {
			const alt = flatten(p, grid);
			if (!alt.every((f, idx) => fits(flat[idx].e, f.n))) return;
			alt.forEach((f, idx) => {
				if (!seen.has(idx)) seen.set(idx, new Set());
				seen.get(idx)!.add(f.n);
			});
			return;
		}
		const [i, j] = inner[x];
		const e = p.cells[i][j];
		const options =
			e.kind === 'value'
				? [e.n]
				: e.kind === 'small'
					? Array.from({ length: k }, (_, v) => v)
					: Array.from({ length: max + 1 - k }, (_, v) => v + k);
		for (const v of options) {
			grid[i][j] = v;
			walk(x + 1);
		}
	};
	walk(0);
	return seen;
}

const table = (maxRows: number, maxCols: number, maxCount: number) =>
	fc
		.tuple(fc.integer({ min: 1, max: maxRows }), fc.integer({ min: 1, max: maxCols }))
		.chain(([r, c]) =>
			fc.array(
				fc.array(fc.oneof(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: maxCount })), {
					minLength: c,
					maxLength: c
				}),
				{ minLength: r, maxLength: r }
			)
		);

describe('protect', () => {
	it('shows a table without small counts unchanged, margins included', () => {
		const p = protect(
			[
				[10, 6],
				[7, 12]
			],
			5
		);
		expect(p.cells.flat().map((e) => label(e, 5))).toEqual(['10', '6', '7', '12']);
		expect(p.rowTotals.map((e) => label(e, 5))).toEqual(['16', '19']);
		expect(p.colTotals.map((e) => label(e, 5))).toEqual(['17', '18']);
		expect(label(p.total, 5)).toBe('35');
	});

	it('treats a zero as small: beside a small total it would tell what the few answered', () => {
		// Column 1 has 3 answers, all for the first option: "3, 0" would name their answer.
		const p = protect(
			[
				[3, 20],
				[0, 15]
			],
			5
		);
		expect(p.cells.map((r) => label(r[0], 5))).toEqual(['<5', '<5']);
	});

	it('publishes margins known from elsewhere and hides inner cells instead', () => {
		const p = protect(
			[
				[3, 20],
				[9, 15]
			],
			5,
			'margins'
		);
		expect(p.rowTotals.map((e) => label(e, 5))).toEqual(['23', '24']);
		expect(p.colTotals.map((e) => label(e, 5))).toEqual(['12', '35']);
		expect(p.cells.flat().map((e) => e.kind)).toEqual(['small', 'hidden', 'hidden', 'hidden']);
	});

	it('shows a count of 3 as "<5" and hides a second cell in its row and its column', () => {
		const p = protect(
			[
				[3, 20, 9],
				[11, 30, 8],
				[12, 25, 40]
			],
			5
		);
		expect(label(p.cells[0][0], 5)).toBe('<5');
		expect(p.cells[0].filter((e) => e.kind !== 'value').length).toBeGreaterThanOrEqual(2);
		expect(
			p.cells.map((r) => r[0]).filter((e) => e.kind !== 'value').length
		).toBeGreaterThanOrEqual(2);
		// The 40 in the far corner is not needed to protect anything.
		expect(label(p.cells[2][2], 5)).toBe('40');
	});

	it('hides a total that is itself a small number', () => {
		const p = protect([[2], [1]], 5);
		expect(label(p.total, 5)).toBe('<5');
		expect(p.cells.flat().every((e) => e.kind !== 'value')).toBe(true);
	});

	it('never lets five ones add up to a published five', () => {
		const p = protect([[1, 1, 1, 1, 1]], 5);
		const values = possibleValues(p, [[1, 1, 1, 1, 1]], 5);
		for (const [, set] of values) if (set.size === 1) expect([...set][0]).not.toBe(1);
		expect(p.cells[0].every((e) => e.kind !== 'value')).toBe(true);
	});

	it('uses the sign given for hidden entries and k in the label', () => {
		expect(label({ kind: 'hidden' }, 7, '•')).toBe('•');
		expect(label({ kind: 'small' }, 7)).toBe('<7');
		expect(label({ kind: 'value', n: 0 }, 7)).toBe('0');
	});

	it('refuses k below 2 and negative counts', () => {
		expect(() => protect([[1]], 1)).toThrow();
		expect(() => protect([[-1]], 5)).toThrow();
	});

	it('publishes no count below k and every published number is true (property)', () => {
		fc.assert(
			fc.property(table(6, 6, 60), fc.integer({ min: 2, max: 10 }), (counts, k) => {
				const p = protect(counts, k);
				for (const f of flatten(p, counts)) {
					if (f.e.kind === 'value') {
						expect(f.e.n).toBe(f.n);
						expect(f.n).toBeGreaterThanOrEqual(k);
					}
					if (f.e.kind === 'small') expect(f.n).toBeLessThan(k);
					if (f.n < k) expect(f.e.kind).not.toBe('value');
				}
			}),
			{ numRuns: 400 }
		);
	});

	it('leaves no suppressed entry derivable from published cells and margins (property)', () => {
		fc.assert(
			fc.property(table(6, 6, 60), fc.integer({ min: 2, max: 10 }), (counts, k) => {
				expect(linearlyDetermined(protect(counts, k), counts)).toEqual([]);
			}),
			{ numRuns: 400 }
		);
	});

	it('leaves every suppressed entry at least two possible values, bounds included (property)', () => {
		fc.assert(
			fc.property(table(2, 2, 9), fc.integer({ min: 3, max: 5 }), (counts, k) => {
				const p = protect(counts, k);
				const flat = flatten(p, counts);
				// A table hidden whole publishes nothing ("×" then says nothing about the count).
				if (flat.every((f) => f.e.kind === 'hidden')) return;
				const values = possibleValues(p, counts, k);
				flat.forEach((f, idx) => {
					if (f.e.kind === 'value') return;
					expect(values.get(idx)?.has(f.n)).toBe(true);
					expect(values.get(idx)!.size).toBeGreaterThanOrEqual(2);
				});
			}),
			{ numRuns: 300 }
		);
	});
});
