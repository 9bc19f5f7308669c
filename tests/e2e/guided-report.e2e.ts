import { expect, test } from '@playwright/test';
import { fill, messages } from './helpers';

const en = messages('en');

test('the guided report keeps every tick across topic switches and steps, sends the ticks of every topic, and errors go once fixed', async ({
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
	// Other topics wait one tap away.
	const more = page.getByText(en.report_more_situations);
	await expect(tick('id_withheld')).toBeHidden();
	await more.click();
	await tick('id_withheld').check();
	await expect(page.getByText(en.report_urgent_notice)).toBeVisible();
	await topic('work').check();
	await expect(tick('id_withheld')).toBeChecked();
	// The housing ticks stay in sight under the other topics, and still count.
	await expect(tick('overcrowded')).toBeVisible();
	await expect(tick('overcrowded')).toBeChecked();
	await expect(page.getByText(en.report_urgent_notice)).toBeVisible();

	await page.getByRole('button', { name: en.report_next }).click();
	await page.getByLabel(en.report_gemeente_question).selectOption('buren');
	await page.getByRole('button', { name: en.report_back }).click();
	await expect(topic('work')).toBeChecked();
	await expect(tick('id_withheld')).toBeChecked();

	// No story typed: the ticks of both topics go in one report.
	const send = page.getByRole('button', { name: en.report_send });
	for (let step = 0; step < 10 && !(await send.isVisible()); step++)
		await page.getByRole('button', { name: en.report_next }).click();
	const sent = page.waitForRequest((r) => r.method() === 'POST' && r.url().endsWith('/en/report'));
	await send.click();
	const body = (await sent).postDataBuffer()?.toString('latin1') ?? '';
	expect(body).toContain('id_withheld');
	expect(body).toContain('overcrowded');
	await expect(page.getByTestId('receipt')).toHaveText(/^\d{4} \d{4} \d{4} \d{4}$/);
});
