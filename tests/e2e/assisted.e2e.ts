import { expect, test } from '@playwright/test';
import { messages } from './helpers';
import { signIn } from './staff';

const bg = messages('bg');
const en = messages('en');
const staff = async () =>
	(await import('../../messages/staff/en.json', { with: { type: 'json' } })).default as Record<
		string,
		string
	>;

test('staff file a Bulgarian worker’s report; the printed slip carries the receipt; the worker follows up with it in Bulgarian', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	const sm = await staff();
	await signIn(page, 'handler', ['culemborg']);
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.getByRole('link', { name: sm.staff_nav_assisted }).click();
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(sm.staff_assisted_title);

	const text = 'Живеем осем души в една стая. Агенцията е и хазяин.';
	await page.getByLabel(sm.staff_assisted_language).selectOption('bg');
	await page.getByLabel(sm.staff_gemeente).selectOption('culemborg');
	await page.getByLabel(sm.staff_assisted_group).selectOption('housing');
	await page.getByLabel(en.report_situation_overcrowded).check();
	await page.getByLabel(sm.staff_assisted_text).fill(text);
	await page.getByLabel(en.report_consent_2_title).check();
	await page.screenshot({ path: 'test-results/assisted-form-en.png', fullPage: true });
	await page.getByRole('button', { name: sm.staff_assisted_submit }).click();

	const slip = page.getByTestId('slip');
	await expect(slip).toHaveAttribute('lang', 'bg');
	await expect(slip.getByRole('heading')).toHaveText(bg.report_done_title);
	await expect(slip).toContainText(bg.report_consent_2_title);
	await expect(slip).toContainText(bg.report_done_next);
	await expect(slip.getByTestId('follow-up-url')).toHaveText(/\/bg\/report\/follow-up$/);
	const receipt = (await slip.getByTestId('receipt').textContent())!.trim();
	expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
	await page.screenshot({ path: 'test-results/assisted-done-en.png', fullPage: true });

	// On paper: the slip alone, without the staff navigation or the staff instructions.
	await page.emulateMedia({ media: 'print' });
	await expect(page.locator('.staff-top')).toBeHidden();
	await expect(page.getByText(sm.staff_assisted_give_slip)).toBeHidden();
	await expect(slip.getByTestId('receipt')).toBeVisible();
	await page.screenshot({ path: 'test-results/assisted-slip-print.png', fullPage: true });
	await page.emulateMedia({ media: 'screen' });

	// The worker, later, on their own phone and without JavaScript, with the number from the slip.
	const worker = await browser.newContext({ javaScriptEnabled: false });
	const phone = await worker.newPage();
	await phone.setViewportSize({ width: 360, height: 800 });
	await phone.goto('/bg/report/follow-up');
	await phone.getByLabel(bg.followup_receipt_label).fill(receipt);
	await phone.getByRole('button', { name: bg.followup_open }).click();
	await expect(phone.getByRole('heading', { name: bg.followup_your_report })).toBeVisible();
	await expect(phone.getByText(bg.report_group_housing)).toBeVisible();
	await phone.screenshot({ path: 'test-results/assisted-followup-bg.png', fullPage: true });
	await worker.close();

	// The handler sees that staff filed it, and the audit of who did is in words.
	await page.goto('/staff/inbox?gemeente=culemborg');
	await page.getByRole('link', { name: en.report_group_housing }).first().click();
	await expect(page.getByTestId('assisted')).toHaveText(sm.staff_assisted_badge);
	const timeline = page.getByRole('region', { name: sm.staff_case_timeline });
	await expect(timeline).toContainText(sm.staff_event_created);
	await page.screenshot({ path: 'test-results/assisted-case-en.png', fullPage: true });
});

test('a refused assisted report keeps everything typed', async ({ page }) => {
	const sm = await staff();
	await signIn(page, 'handler', ['culemborg']);
	await page.goto('/staff/assisted');
	const text = 'Без договор.';
	await page.getByLabel(sm.staff_assisted_language).selectOption('bg');
	// Every situation at once, more than a report may carry: the intake refuses it, as on the
	// worker's form.
	await page.getByLabel(sm.staff_assisted_group).selectOption('housing');
	const boxes = page.locator('input[name="situations"]');
	expect(await boxes.count()).toBeGreaterThan(20);
	for (const box of await boxes.all()) await box.check();
	await page.getByLabel(sm.staff_assisted_text).fill(text);
	await page.getByLabel(en.report_consent_1_title).check();
	await page.getByRole('button', { name: sm.staff_assisted_submit }).click();
	await expect(page.getByRole('alert')).toHaveText(sm.staff_assisted_check);
	await expect(page.getByLabel(sm.staff_assisted_text)).toHaveValue(text);
	await expect(page.getByLabel(sm.staff_assisted_language)).toHaveValue('bg');
	await expect(page.getByLabel(en.report_situation_underpaid)).toBeChecked();
	await expect(page.getByLabel(en.report_consent_1_title)).toBeChecked();
});

test('the add-user form starts without a role, and an admin changes a user’s role and gemeenten', async ({
	page
}) => {
	const sm = await staff();
	await signIn(page, 'admin');
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.goto('/staff/users');
	const add = page.locator('form[action="?/add"]');
	await expect(add.locator('select[name="role"]')).toHaveValue('');
	const email = `editor-${Date.now()}@example.test`;
	await add.getByLabel(sm.staff_name).fill('Eva Editor');
	await add.getByLabel(sm.staff_email).fill(email);
	await add.locator('select[name="role"]').selectOption('editor');
	// An editor writes for at least one gemeente: refused, and what was typed and chosen stays.
	await add.getByRole('button', { name: sm.staff_users_add_submit }).click();
	await expect(add.getByRole('alert')).toBeVisible();
	await expect(add.getByLabel(sm.staff_name)).toHaveValue('Eva Editor');
	await expect(add.getByLabel(sm.staff_email)).toHaveValue(email);
	await expect(add.locator('select[name="role"]')).toHaveValue('editor');
	await add.getByLabel('Buren').check();
	await add.getByRole('button', { name: sm.staff_users_add_submit }).click();
	const row = page.getByRole('row').filter({ hasText: email });
	await row.getByText(sm.staff_users_change).click();
	// The change form starts from what the user may do now.
	await expect(row.locator('select[name="role"]')).toHaveValue('editor');
	await expect(row.locator('select[name="role"] option[value=""]')).toHaveCount(0);
	await expect(row.getByLabel('Buren')).toBeChecked();
	await row.locator('select[name="role"]').selectOption('handler');
	await row.getByLabel('Culemborg').check();
	await row.getByRole('button', { name: sm.staff_save }).click();
	await expect(page.getByRole('row').filter({ hasText: email })).toContainText('Culemborg');
	await expect(page.getByRole('status')).toHaveText(sm.staff_users_changed);
	await page.screenshot({ path: 'test-results/users-change-en.png', fullPage: true });
	await page.goto('/staff/audit?action=user.change');
	await expect(
		page.getByRole('cell', { name: sm.staff_audit_do_user_change }).first()
	).toBeVisible();
	await page.screenshot({ path: 'test-results/audit-words-en.png', fullPage: true });
});

test('a service-level term of 0 is refused with a message, never “saved”, and 7 stays', async ({
	page
}) => {
	const sm = await staff();
	await signIn(page, 'coordinator');
	await page.goto('/staff/settings');
	const field = page.locator('input[name="housing.ackDays"]');
	// The browser's own min check is a convenience; the server must refuse on its own.
	await field.evaluate((input) => input.removeAttribute('min'));
	await field.fill('0');
	await page.locator('form[action="?/sla"]').getByRole('button', { name: sm.staff_save }).click();
	await expect(page.getByRole('alert')).toHaveText(sm.staff_settings_error_range);
	await expect(page.getByText(sm.staff_case_saved)).toHaveCount(0);
	await page.goto('/staff/settings');
	await expect(page.locator('input[name="housing.ackDays"]')).toHaveValue('7');
});

test('an editor posts news in two languages, corrects it and removes it in every language', async ({
	browser,
	page
}) => {
	test.setTimeout(90_000);
	const sm = await staff();
	await signIn(page, 'editor', ['zaltbommel']);
	await page.setViewportSize({ width: 1280, height: 900 });
	await page.getByRole('link', { name: sm.staff_news_title }).click();
	const title = `Spreekuur ${Date.now()}`;
	await page.getByLabel(`${sm.staff_news_item_title} — Nederlands`).fill(title);
	await page.getByLabel(`${sm.staff_news_body} — Nederlands`).fill('Woensdag in het gemeentehuis.');
	await page.locator('summary', { hasText: 'Български' }).click();
	await page.getByLabel(`${sm.staff_news_item_title} — Български`).fill(`Консултации ${title}`);
	await page.getByLabel(`${sm.staff_news_body} — Български`).fill('В сряда, в общината.');
	await expect(page.getByLabel(`${sm.staff_news_body} — Български`)).toHaveValue(/сряда/);
	await page.getByRole('button', { name: sm.staff_news_post }).click();
	await expect(page.getByRole('status')).toHaveText(sm.staff_news_posted);

	const story = page.getByTestId('news-story').filter({ hasText: title });
	await story.getByRole('link', { name: sm.staff_news_edit }).click();
	await expect(page.getByRole('heading', { name: sm.staff_news_editing })).toBeVisible();
	await page.getByLabel(`${sm.staff_news_item_title} — Nederlands`).fill(`${title} (donderdag)`);
	await expect(page.getByLabel(`${sm.staff_news_item_title} — Nederlands`)).toHaveValue(
		/donderdag/
	);
	await page.getByRole('button', { name: sm.staff_news_save }).click();
	await expect(page.getByRole('status')).toHaveText(sm.staff_news_saved);
	await page.screenshot({ path: 'test-results/news-edited-en.png', fullPage: true });

	const worker = await browser.newContext({ javaScriptEnabled: false });
	const home = await worker.newPage();
	await home.goto('/bg');
	await expect(home.getByText(`Консултации ${title}`)).toBeVisible();
	await home.goto('/nl');
	await expect(home.getByText(`${title} (donderdag)`)).toBeVisible();

	await page.goto('/staff/news');
	await page
		.getByTestId('news-story')
		.filter({ hasText: title })
		.getByRole('button', { name: sm.staff_news_remove })
		.click();
	await expect(page.getByRole('status')).toHaveText(sm.staff_news_removed);
	await home.goto('/bg');
	await expect(home.getByText(`Консултации ${title}`)).toHaveCount(0);
	await worker.close();
});
