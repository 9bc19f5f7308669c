import { expect, test } from '@playwright/test';
import { fill, messages } from './helpers';

const pl = messages('pl');

test('after one online visit to the start page, home, report form and follow-up open offline', async ({
	page,
	context
}) => {
	await page.goto('/pl');
	// The service worker keeps the start copies once it runs; no second visit, no reload.
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					const keys = await caches.keys();
					const start = keys.find((k) => k.startsWith('start-'));
					return Boolean(start && (await (await caches.open(start)).match('/pl/report')));
				}),
			{ timeout: 20_000 }
		)
		.toBe(true);
	const cachedKey = await page.evaluate(async () => {
		const start = (await caches.keys()).find((k) => k.startsWith('start-'))!;
		const html = await (await (await caches.open(start)).match('/pl/report'))!.text();
		return html.match(/name="submission_key" value="([^"]+)"/)?.[1];
	});
	expect(cachedKey).toBeTruthy();

	await context.setOffline(true);
	try {
		await page.goto('/pl');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(pl.home_title);

		// The bottom bar's Report tab: the empty form, working, with a key made on the phone.
		await page.locator(`nav a[href="/pl/report"]`).last().click();
		await expect(page.getByText(fill(pl.report_progress, { step: '1', total: '7' }))).toBeVisible();
		const key = await page.locator('input[name="submission_key"]').inputValue();
		expect(key).toMatch(/^[a-z2-7]{32}$/);
		expect(key).not.toBe(cachedKey);
		await page.getByLabel(pl.report_group_work, { exact: true }).check();
		await page.getByLabel(pl.report_situation_underpaid, { exact: true }).check();
		const send = page.getByRole('button', { name: pl.report_send });
		for (let step = 0; step < 10 && !(await send.isVisible()); step++)
			await page.getByRole('button', { name: pl.report_next }).click();
		await send.click();
		await expect(page.getByText(pl.report_offline_offer)).toBeVisible();

		await page.goto('/pl/report/follow-up');
		await expect(page.getByText(pl.offline_followup)).toBeVisible();

		// Every tab of the bottom bar answers with a page of ours, never the browser's error page.
		for (const path of ['/pl', '/pl/map', '/pl/guides', '/pl/report', '/pl/more']) {
			await page.goto('/pl');
			await page.locator(`nav a[href="${path}"]`).last().click();
			await expect(page).toHaveURL(new RegExp(`${path}$`));
			await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
			await expect(page.locator('html')).toHaveAttribute('lang', 'pl');
		}
	} finally {
		await context.setOffline(false);
	}
});
