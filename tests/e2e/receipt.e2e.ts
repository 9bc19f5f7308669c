import { expect, test, type Page } from '@playwright/test';
import { messages } from './helpers';

const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];

/** Sends the shortest valid report and waits for the receipt. */
async function report(page: Page, locale: string) {
	await page.goto(`/${locale}/report`);
	await page.locator('input[name="group"][value="work"]').check();
	await page.locator('textarea[name="text"]').fill('Receipt test.');
	await page.getByRole('button', { name: messages(locale).report_send }).click();
	await expect(page.getByTestId('receipt')).toBeVisible();
}

/** Every group of the number lies inside the box and the screen, whole, at this width. */
async function expectWhole(page: Page, width: number) {
	await page.setViewportSize({ width, height: 740 });
	const seen = await page.getByTestId('receipt').evaluate((box) => {
		const outer = box.getBoundingClientRect();
		const groups = [...box.querySelectorAll('span')].map((s) => {
			const r = s.getBoundingClientRect();
			return {
				text: s.textContent ?? '',
				inside:
					r.left >= outer.left &&
					r.right <= outer.right &&
					r.left >= 0 &&
					r.right <= window.innerWidth &&
					s.scrollWidth <= Math.ceil(r.width)
			};
		});
		return {
			groups,
			sideways: document.documentElement.scrollWidth > window.innerWidth,
			fontPx: parseFloat(getComputedStyle(box).fontSize)
		};
	});
	expect(seen.sideways, `page scrolls sideways at ${width}px`).toBe(false);
	expect(seen.groups.map((g) => g.text).join('')).toMatch(/^\d{16}$/);
	expect(
		seen.groups.every((g) => g.inside),
		`a group is cut off at ${width}px`
	).toBe(true);
	// Large enough to copy by hand from arm's length.
	expect(seen.fontPx).toBeGreaterThanOrEqual(32);
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the whole receipt is visible at 320 and 360 px in every locale, with the advice to write it down', async ({
		page
	}) => {
		test.setTimeout(120_000);
		for (const locale of LOCALES) {
			await report(page, locale);
			await expect(page.getByText(messages(locale).report_receipt_write)).toBeVisible();
			await expect(page.getByText(messages(locale).report_receipt_photo)).toBeVisible();
			for (const width of [320, 360]) await expectWhole(page, width);
		}
	});
});

test('with JavaScript the receipt is whole and the copy button copies the digits', async ({
	page,
	context
}) => {
	await context.grantPermissions(['clipboard-read', 'clipboard-write']);
	const bg = messages('bg');
	await page.goto('/bg/report');
	await page.getByLabel(bg.report_group_work, { exact: true }).check();
	const send = page.getByRole('button', { name: bg.report_send });
	for (let step = 0; step < 10 && !(await send.isVisible()); step++) {
		const text = page.getByLabel(bg.report_text_label);
		if (await text.isVisible()) await text.fill('Receipt test.');
		await page.getByRole('button', { name: bg.report_next }).click();
	}
	await send.click();
	for (const width of [320, 360]) await expectWhole(page, width);
	await page.getByRole('button', { name: bg.report_receipt_copy }).click();
	await expect(page.getByRole('status')).toHaveText(bg.report_receipt_copied);
	const shown = (await page.getByTestId('receipt').textContent())!.replace(/\s/g, '');
	expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(shown);
});
