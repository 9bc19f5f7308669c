import { expect, test } from '@playwright/test';
import { demoId } from '../../src/lib/server/app/seed/facilities.ts';
import { fill, messages } from './helpers';

const pl = messages('pl');

/** Each reading page and the small scripts it may load (issue #15: no SvelteKit client). */
const READING: Record<string, string[]> = {
	'/pl': ['/js/reading.js'],
	'/pl/welcome': ['/js/reading.js'],
	'/pl/welcome/tiel': ['/js/reading.js'],
	'/pl/glossary': ['/js/reading.js'],
	[`/pl/places/${demoId('tiel-ggd')}`]: ['/js/reading.js'],
	'/pl/more': ['/js/push.js', '/js/reading.js'],
	'/pl/report': ['/js/outbox.js', '/js/reading.js', '/js/report.js']
};

test('reading pages ship no framework JavaScript, only their small enhancement scripts', async ({
	page
}) => {
	for (const [path, expected] of Object.entries(READING)) {
		const scripts: string[] = [];
		const listen = (r: { resourceType(): string; url(): string }) => {
			if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
		};
		page.on('request', listen);
		await page.goto(path);
		await expect(page.locator('html')).toHaveAttribute('data-ready', '');
		// Which scripts, not how often: a service worker taking control mid-load may make Chromium
		// ask for the same module twice.
		expect([...new Set(scripts)].sort(), path).toEqual(expected);
		page.off('request', listen);
	}
});

test('the home page shows the checklist progress and the last welkomstpakket, read on the phone', async ({
	page
}) => {
	await page.goto('/pl');
	const card = page.locator('a.card[data-gemeente-title]');
	await expect(card).toHaveAttribute('href', '/pl/welcome');
	await page.goto('/pl/welcome/tiel');
	await page.goto('/pl/guides');
	await page.locator('.checklist input[type=checkbox]').first().check();
	await page.goto('/pl');
	await expect(card).toHaveAttribute('href', '/pl/welcome/tiel');
	await expect(card.locator('strong')).toHaveText(fill(pl.welcome_yours, { gemeente: 'Tiel' }));
	const total = await page.locator('.progress-line progress').getAttribute('max');
	await expect(page.locator('.progress-line')).toContainText(
		fill(pl.checklist_progress, { done: '1', total: total! })
	);
	await expect(page.locator('.progress-line progress')).toHaveJSProperty('value', 1);
});

test('a reading page makes its own feedback key, so a kept copy never repeats one', async ({
	page,
	request
}) => {
	const served = (await (await request.get('/pl/glossary')).text()).match(
		/name="submission_key" value="([^"]+)"/
	)?.[1];
	expect(served).toBeTruthy();
	await page.goto('/pl/glossary');
	await expect(page.locator('html')).toHaveAttribute('data-ready', '');
	const key = await page.locator('.helpful input[name="submission_key"]').inputValue();
	expect(key).toMatch(/^[a-z2-7]{20}$/);
	expect(key).not.toBe(served);
});
