import { expect, test } from '@playwright/test';
import { messages } from './helpers';
import { signIn } from './staff';

const pl = messages('pl');
const en = messages('en');
const staff = (await import('../../messages/staff/en.json', { with: { type: 'json' } }))
	.default as Record<string, string>;

test('a Polish worker reports overcrowding, the deposit and a held passport in one report without JavaScript; it arrives urgent, grouped', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	const story = `Agencja jest też właścicielem domu. ${Date.now()}`;
	const worker = await browser.newContext({ javaScriptEnabled: false });
	const form = await worker.newPage();
	await form.setViewportSize({ width: 360, height: 800 });
	await form.goto('/pl/report');
	const tick = (code: string) => form.getByLabel(pl[`report_situation_${code}`], { exact: true });

	// First a mistake (no gemeente from the list cannot happen here, so: too long an address).
	await form.getByLabel(pl.report_group_housing, { exact: true }).check();
	await tick('overcrowded').check();
	await tick('deposit').check();
	await tick('id_withheld').check();
	await form.getByLabel(pl.report_text_label).fill(story);
	await form.getByLabel(pl.report_address_label).evaluate((el: HTMLInputElement) => {
		el.removeAttribute('maxlength');
	});
	await form.getByLabel(pl.report_address_label).fill('x'.repeat(400));
	await form.getByRole('button', { name: pl.report_send }).click();
	await expect(form.getByRole('alert').first()).toContainText(pl.report_error_too_long);
	// Nothing ticked or typed is lost, and ticks of two topics are no error.
	for (const code of ['overcrowded', 'deposit', 'id_withheld'])
		await expect(tick(code)).toBeChecked();
	await expect(form.getByLabel(pl.report_text_label)).toHaveValue(story);
	await expect(form.getByText(pl.report_error_situations)).toHaveCount(0);

	await form.getByLabel(pl.report_address_label).fill('Stationsstraat 12, Tiel');
	await form.getByLabel(pl.report_gemeente_question).selectOption('zaltbommel');
	await form.getByRole('radio', { name: pl.report_consent_2_title }).check();
	await form.getByRole('button', { name: pl.report_send }).click();
	await expect(form.getByRole('heading', { level: 1 })).toHaveText(pl.report_done_title);
	await form.screenshot({ path: test.info().outputPath('worker-receipt-360.png'), fullPage: true });
	await worker.close();

	await page.setViewportSize({ width: 1280, height: 900 });
	await signIn(page, 'coordinator');
	// Other specs send Zaltbommel reports at the same time: narrow to new urgent ones (this one
	// must be both) and look through the whole page rather than the first few.
	await page.goto('/staff/inbox?gemeente=zaltbommel&status=new&priority=urgent&sort=newest');
	const links = page.locator('table.inbox a[href^="/staff/reports/"]');
	const hrefs: string[] = [];
	// The fuzz spec may have sent a page full meanwhile: follow "next" for a few pages.
	for (let p = 0; p < 4; p++) {
		hrefs.push(...(await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!))));
		const next = page.locator('a.button', { hasText: staff.staff_inbox_next });
		if ((await next.count()) === 0) break;
		await next.click();
	}
	let found = false;
	for (const href of hrefs) {
		await page.goto(href);
		if ((await page.getByText(story).count()) > 0) {
			found = true;
			break;
		}
	}
	expect(found).toBe(true);

	await expect(page.locator(`dt:text-is("${staff.staff_priority}") + dd`)).toHaveText(
		staff.staff_priority_urgent
	);
	await expect(
		page.getByRole('heading', { level: 3, name: en.report_group_housing })
	).toBeVisible();
	await expect(page.getByRole('heading', { level: 3, name: en.report_group_work })).toBeVisible();
	const housing = page.getByTestId('case-situations-housing');
	await expect(housing.getByRole('listitem')).toHaveText([
		en.report_situation_overcrowded,
		en.report_situation_deposit
	]);
	await expect(page.getByTestId('case-situations-work').getByRole('listitem')).toHaveText([
		en.report_situation_id_withheld
	]);
	await page.screenshot({ path: test.info().outputPath('staff-case-1280.png'), fullPage: true });
});
