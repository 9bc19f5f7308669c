// A slow phone shows the form seconds before its scripts arrive, and people start typing. When
// the scripts take over (hydration), nothing they typed, ticked or chose may be lost — on the
// worker forms and on the staff reply alike.
import { expect, test, type Page } from '@playwright/test';
import { rawReport } from '../factories/reports.ts';
import { messages } from './helpers';
import { signIn } from './staff';

/** Holds every app script back until the returned function is called. */
async function slowScripts(page: Page): Promise<() => void> {
	let release!: () => void;
	const loaded = new Promise<void>((r) => (release = r));
	// The framework's scripts, and the small plain ones of server-rendered pages (the report form).
	await page.route(/\/(_app\/immutable\/.*|js\/[^/]+)\.js$/, async (route) => {
		await loaded;
		await route.continue();
	});
	return release;
}

async function hydrated(page: Page): Promise<void> {
	await expect(page.locator('html[data-ready]')).toHaveCount(1);
}

const en = messages('en');

test('a report typed before the scripts arrive is all still there after', async ({ page }) => {
	const release = await slowScripts(page);
	// Its held scripts also hold DOMContentLoaded; the form is on screen before that.
	await page.goto('/en/report', { waitUntil: 'commit' });
	await expect(page.locator('html[data-ready]')).toHaveCount(0);
	await page.getByLabel(en.report_group_housing, { exact: true }).check();
	await page.getByLabel(en.report_gemeente_question).selectOption('tiel');
	await page.locator('input[name=address]').fill('Stationsstraat 12');
	await page.locator('textarea[name=text]').fill('Twelve people in one house, typed early.');
	release();
	await hydrated(page);
	await expect(page.locator('textarea[name=text]')).toHaveValue(
		'Twelve people in one house, typed early.'
	);
	await expect(page.locator('input[name=address]')).toHaveValue('Stationsstraat 12');
	await expect(page.locator('select[name=gemeente]')).toHaveValue('tiel');
	await expect(page.getByLabel(en.report_group_housing, { exact: true })).toBeChecked();
});

test('feedback typed before the scripts arrive is kept', async ({ page }) => {
	const release = await slowScripts(page);
	await page.goto('/en/feedback', { waitUntil: 'domcontentloaded' });
	await page.getByLabel(en.feedback_no, { exact: true }).check();
	await page.locator('textarea[name=comment]').fill('The bus times are missing.');
	release();
	await hydrated(page);
	await expect(page.locator('textarea[name=comment]')).toHaveValue('The bus times are missing.');
	await expect(page.getByLabel(en.feedback_no, { exact: true })).toBeChecked();
});

test('a handler’s reply typed before the scripts arrive is kept and sent', async ({
	page,
	request,
	baseURL
}) => {
	const staffEn = (await import('../../messages/staff/en.json', { with: { type: 'json' } }))
		.default as Record<string, string>;
	const sent = await request.post('/api/v1/reports', {
		data: rawReport({ gemeente: 'maasdriel', text: 'Slow scripts: a report to answer.' }),
		headers: { origin: baseURL! }
	});
	expect(sent.status()).toBe(201);
	await signIn(page, 'handler', ['maasdriel']);
	await page.goto('/staff/inbox');
	const href = (await page.locator('a[href^="/staff/reports/"]').first().getAttribute('href'))!;

	const release = await slowScripts(page);
	await page.goto(href, { waitUntil: 'domcontentloaded' });
	await page.locator('textarea[name=text]').first().fill('Typed before the scripts came.');
	release();
	await hydrated(page);
	await expect(page.locator('textarea[name=text]').first()).toHaveValue(
		'Typed before the scripts came.'
	);
	await page.getByRole('button', { name: staffEn.staff_case_send_reply }).click();
	await expect(page.getByRole('status')).toHaveText(staffEn.staff_case_saved);
	await expect(page.getByText('Typed before the scripts came.').first()).toBeVisible();
});
