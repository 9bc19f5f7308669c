import { expect, test } from '@playwright/test';
import { fill, messages } from './helpers';

const en = messages('en');

test('the guided report keeps every tick across topic switches and steps, and errors go once fixed', async ({
	page
}) => {
	const tick = (code: string) => page.getByLabel(en[`report_situation_${code}`], { exact: true });
	const topic = (group: string) => page.getByLabel(en[`report_group_${group}`], { exact: true });
	await page.goto('/en/report');
	await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();

	await page.getByRole('button', { name: en.report_next }).click();
	await expect(page.getByRole('alert')).toContainText(en.report_error_group);
	await topic('housing').check();
	// Choosing a topic answers the error at once.
	await expect(page.getByText(en.report_error_group)).toHaveCount(0);

	await tick('overcrowded').check();
	await topic('work').check();
	await tick('id_withheld').check();
	await expect(page.getByText(en.report_urgent_notice)).toBeVisible();
	await topic('housing').check();
	await expect(tick('overcrowded')).toBeChecked();
	// The urgent tick belongs to the other topic, which is not what would be sent now.
	await expect(page.getByText(en.report_urgent_notice)).toBeHidden();
	await topic('work').check();
	await expect(tick('id_withheld')).toBeChecked();
	await expect(page.getByText(en.report_urgent_notice)).toBeVisible();

	await page.getByRole('button', { name: en.report_next }).click();
	await page.getByLabel(en.report_gemeente_question).selectOption('buren');
	await page.getByRole('button', { name: en.report_back }).click();
	await expect(topic('work')).toBeChecked();
	await expect(tick('id_withheld')).toBeChecked();

	// No story typed: the server accepts the report only with the work topic's ticks and none
	// of the housing ones, so a receipt proves what was sent.
	const send = page.getByRole('button', { name: en.report_send });
	for (let step = 0; step < 10 && !(await send.isVisible()); step++)
		await page.getByRole('button', { name: en.report_next }).click();
	const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/en/report'));
	await send.click();
	const body = (await sent).postDataBuffer()?.toString('latin1') ?? '';
	expect(body).toContain('id_withheld');
	expect(body).not.toContain('overcrowded');
	await expect(page.getByTestId('receipt')).toHaveText(/^\d{4} \d{4} \d{4} \d{4}$/);
});
