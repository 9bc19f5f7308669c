import { render } from 'svelte/server';
import { describe, expect, it } from 'vitest';
import StatsTable from './StatsTable.svelte';

type Props = Parameters<typeof StatsTable>[1];
// The markup without Svelte's hydration markers.
const html = (props: Props) => render(StatsTable, { props }).body.replace(/<!--.*?-->/g, '');

describe('a statistics table', () => {
	it('is reachable by keyboard, with a caption, column headings and a heading per row', () => {
		const body = html({
			caption: 'Reports per month',
			columns: [{ hidden: 'Measure' }, 'Median', 'Reports'],
			rows: [
				{ key: 'a', cells: ['Acknowledged', '1.5', 4] },
				{ key: 'b', cells: ['Closed', 'too few', 0] }
			],
			empty: 'None',
			testid: 'durations'
		});
		expect(body).toMatch(/<table class="table" tabindex="0" data-testid="durations">/);
		expect(body).toContain('<caption class="sr-only">Reports per month</caption>');
		expect(body).toMatch(/<th scope="col"><span class="sr-only">Measure<\/span><\/th>/);
		expect(body).toContain('<th scope="col">Median</th>');
		expect(body).toContain('<th scope="row">Acknowledged</th>');
		expect(body).toContain('<td>1.5</td><td>4</td>');
		expect(body).toContain('<th scope="row">Closed</th>');
		expect(body).not.toContain('None');
	});

	it('says so instead of an empty table, and shows a table without rows when there is no such text', () => {
		const none = html({ columns: ['Partner'], rows: [], empty: 'None' });
		expect(none).toBe('<p>None</p>');
		const bare = html({ columns: ['Partner'], rows: [] });
		expect(bare).toContain('<table class="table" tabindex="0">');
		expect(bare).not.toContain('caption');
	});
});
