// What a worker does in several specs, done the way a worker does it.
import type { Browser } from '@playwright/test';
import { messages } from './helpers';

const pl = messages('pl');

/**
 * A Polish worker without JavaScript reports an overcrowded room in `gemeente` at consent level 2
 * (no contact details) and keeps the receipt, which this returns as shown (grouped by four).
 */
export async function overcrowdingReport(
	browser: Browser,
	gemeente: string,
	text: string
): Promise<string> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/pl/report');
	await page.getByLabel(pl.report_group_housing, { exact: true }).check();
	await page.getByLabel(pl.report_situation_overcrowded, { exact: true }).check();
	await page.getByLabel(pl.report_gemeente_question).selectOption(gemeente);
	await page.getByLabel(pl.report_text_label).fill(text);
	await page.getByRole('radio', { name: pl.report_consent_2_title }).check();
	await page.getByLabel(pl.report_contact_no, { exact: true }).check();
	await page.getByRole('button', { name: pl.report_send }).click();
	const receipt = (await page.getByTestId('receipt').textContent())!.trim();
	await context.close();
	return receipt;
}
