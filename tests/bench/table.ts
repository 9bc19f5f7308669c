// The bench's one table, for the terminal and as JSON.
export type Result = 'pass' | 'fail' | 'info' | 'error';

export interface Figure {
	figure: string;
	value: string;
	target: string;
	/** measured ÷ ceiling, where a figure is judged against the ceiling */
	ratio: string;
	result: Result;
	/** the number behind `value`, for tools reading the JSON */
	measured?: number;
	unit?: string;
	/** per-file detail (JSON only) */
	files?: Array<{ url: string; gzip: number }>;
}

export function verdict(ok: boolean): Result {
	return ok ? 'pass' : 'fail';
}

export function render(header: string[], figures: Figure[]): string {
	const head = ['Figure', 'Value', 'Target', 'Ratio', 'Result'];
	const rows = figures.map((f) => [f.figure, f.value, f.target, f.ratio, f.result.toUpperCase()]);
	const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
	const line = (cells: string[]) => cells.map((c, i) => c.padEnd(widths[i])).join(' | ');
	const rule = widths.map((w) => '-'.repeat(w)).join('-+-');
	return [...header, '', line(head), rule, ...rows.map(line)].join('\n');
}
