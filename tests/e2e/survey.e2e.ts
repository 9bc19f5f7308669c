import { expect, test, type Browser, type Page } from '@playwright/test';
import { fill, messages } from './helpers';
import { signIn } from './staff';

const pl = messages('pl');
const en = messages('en');

// The starter survey's title in the two languages the tests use (seed/starter-survey.ts).
const STARTER: Record<string, string> = { pl: 'Jak się masz?', en: 'How are you doing?' };

async function openStarter(page: Page, locale: string, t: Record<string, string>) {
	await page.goto(`/${locale}/survey`);
	await page.getByRole('link', { name: `${STARTER[locale]} ${t.survey_start}` }).click();
	await expect(page).toHaveURL(new RegExp(`/${locale}/survey/[0-9a-f-]{36}$`));
}

/** Answers the starter survey without JavaScript, choosing `mark` for the life question. */
async function answerWithoutJs(browser: Browser, mark: string): Promise<void> {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await openStarter(page, 'pl', pl);
	await page.locator('fieldset').first().getByLabel(mark, { exact: true }).check();
	await page.getByRole('button', { name: pl.survey_send }).click();
	await expect(page.getByRole('heading', { name: pl.survey_thanks_title })).toBeVisible();
	await context.close();
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a worker answers in Polish on one page; a too long answer comes back with everything typed', async ({
		page
	}) => {
		await openStarter(page, 'pl', pl);
		// Every question on one page, nothing hidden.
		const fieldsets = page.locator('form.survey > fieldset');
		expect(await fieldsets.count()).toBeGreaterThanOrEqual(10);
		await expect(page.locator('progress')).toHaveCount(0);
		await page.locator('fieldset').first().getByLabel('7', { exact: true }).check();
		await page.getByLabel('Bardzo dobre', { exact: true }).check();
		await page.getByLabel('DigiD', { exact: true }).check();
		const open = page.locator('textarea').first();
		await open.fill('x'.repeat(10_000));
		await page.getByRole('button', { name: pl.survey_send }).click();

		await expect(page.getByRole('alert')).toContainText(pl.survey_error_summary);
		await expect(page.getByText(pl.survey_error_too_long)).toBeVisible();
		await expect(page.locator('fieldset').first().getByLabel('7', { exact: true })).toBeChecked();
		await expect(page.getByLabel('DigiD', { exact: true })).toBeChecked();
		await expect(page.locator('textarea').first()).toHaveValue('x'.repeat(10_000));

		await page.locator('textarea').first().fill('Potrzebuję kursu języka.');
		await page.getByRole('button', { name: pl.survey_send }).click();
		await expect(page.getByRole('heading', { name: pl.survey_thanks_title })).toBeVisible();
	});
});

test.describe('with JavaScript', () => {
	test('a worker answers one question per screen with progress, skips one, and the device remembers', async ({
		page
	}) => {
		await openStarter(page, 'en', en);
		const progress = (n: number) =>
			page.getByText(fill(en.survey_progress, { current: String(n), total: '10' }));
		await expect(progress(1)).toBeVisible();
		await expect(page.locator('form.survey > fieldset:visible')).toHaveCount(1);
		await page.locator('fieldset:visible').getByLabel('6', { exact: true }).check();
		await page.getByRole('button', { name: en.survey_next }).click();
		await expect(progress(2)).toBeVisible();
		// Skipped: nothing chosen.
		await page.getByRole('button', { name: en.survey_skip }).click();
		await expect(progress(3)).toBeVisible();
		// One tap per screen, each waited for: a tap during the change of screen would be lost.
		for (let i = 3; i <= 10; i++) {
			await page.getByRole('button', { name: en.survey_skip }).click();
			if (i < 10) await expect(progress(i + 1)).toBeVisible();
		}
		await expect(page.getByText(en.survey_ready)).toBeVisible();
		await page.getByRole('button', { name: en.survey_send }).click();
		await expect(page.getByRole('heading', { name: en.survey_thanks_title })).toBeVisible();
		// The thanks page is the server's; the flag is written once its script has run.
		await page.waitForFunction(() =>
			Object.keys(localStorage).some((k) => k.startsWith('wegwijs-survey-done:'))
		);

		// The same phone opens the survey again: the local flag says it was answered.
		await openStarter(page, 'en', en);
		await expect(page.getByText(en.survey_already)).toBeVisible();
		await expect(page.getByRole('button', { name: en.survey_send })).toHaveCount(0);
	});

	test('a show-if question appears only after the answer it depends on', async ({ page }) => {
		await openStarter(page, 'en', en);
		const progress = (n: number, total: number) =>
			page.getByText(fill(en.survey_progress, { current: String(n), total: String(total) }));
		await expect(progress(1, 10)).toBeVisible();
		for (let i = 1; i <= 4; i++) {
			await page.getByRole('button', { name: en.survey_skip }).click();
			await expect(progress(i + 1, 10)).toBeVisible();
		}
		await page.locator('fieldset:visible').getByLabel('No', { exact: true }).check();
		await expect(progress(5, 11)).toBeVisible();
		await page.getByRole('button', { name: en.survey_next }).click();
		await expect(
			page.getByRole('group', { name: 'Would you like help with registering?' })
		).toBeVisible();
	});
});

test('an editor builds a survey with one-time codes; a code works once, the panel sees "<5"', async ({
	browser
}) => {
	const staff = await browser.newPage();
	await signIn(staff, 'coordinator');
	await staff.goto('/staff/surveys');
	await staff.locator('input[name=title]').fill('Flyer Tiel');
	for (const box of await staff.locator('input[name=locales]').all())
		if ((await box.getAttribute('value')) !== 'pl') await box.uncheck();
	await staff.locator('input[name=requires_code]').check();
	await staff.locator('input[name=title_pl]').fill('Ankieta z ulotki');
	await staff.getByRole('button', { name: 'New survey' }).click();
	await expect(staff).toHaveURL(/\/staff\/surveys\/[0-9a-f-]{36}$/);
	const surveyUrl = staff.url();
	const id = surveyUrl.split('/').pop()!;

	// Opening fails until the question exists in every target language.
	await staff.locator('input[name=key][required]').fill('ok');
	await staff.locator('select[name=kind]').selectOption('yesno');
	await staff.getByRole('button', { name: 'Save question' }).click();
	await staff.getByRole('button', { name: 'Open survey' }).click();
	await expect(staff.getByRole('alert')).toContainText('Polski');
	await staff.locator('input[name=key][required]').fill('ok');
	await staff.locator('select[name=kind]').selectOption('yesno');
	await staff.locator('textarea[name=text_pl]').fill('Czy wszystko w porządku?');
	await staff.getByRole('button', { name: 'Save question' }).click();
	await staff.getByRole('button', { name: 'Open survey' }).click();
	await expect(staff.getByText('State: Open')).toBeVisible();
	await staff.locator('input[name=count]').fill('2');
	await staff.getByRole('button', { name: 'Make codes' }).click();
	const codes = await staff.getByTestId('survey-codes').locator('code').allTextContents();
	expect(codes.length).toBe(2);

	const worker = await browser.newContext({ javaScriptEnabled: false });
	const w = await worker.newPage();
	await w.goto(`/pl/survey/${id}`);
	await w.getByLabel(pl.survey_code_label).fill(codes[0]);
	await w.getByLabel(pl.survey_yes, { exact: true }).check();
	await w.getByRole('button', { name: pl.survey_send }).click();
	await expect(w.getByRole('heading', { name: pl.survey_thanks_title })).toBeVisible();

	const again = await worker.newPage();
	await again.goto(`/pl/survey/${id}`);
	await again.getByLabel(pl.survey_code_label).fill(codes[0]);
	await again.getByLabel(pl.survey_yes, { exact: true }).check();
	await again.getByRole('button', { name: pl.survey_send }).click();
	await expect(again.getByRole('alert')).toContainText(pl.survey_error_code_used);
	await expect(again.getByLabel(pl.survey_yes, { exact: true })).toBeChecked();
	await worker.close();

	// The panel: nothing below five responses.
	const panel = await browser.newPage();
	await signIn(panel, 'panel');
	await panel.goto(`/staff/results/${id}`);
	await expect(panel.getByTestId('too-few')).toBeVisible();
	await expect(panel.locator('table')).toHaveCount(0);
	// An editor page stays closed to the panel.
	const editorPage = await panel.goto(surveyUrl);
	expect(editorPage?.status()).toBe(404);

	// The starter survey: five answers of 9 and one single 2 → "<5" for the 2.
	for (const mark of ['9', '9', '9', '9', '9', '2']) await answerWithoutJs(browser, mark);
	await panel.goto('/staff/results');
	await panel.getByRole('link', { name: 'Hoe gaat het met je?' }).click();
	const life = panel.locator('section.question').first();
	await life.getByText('Table').click();
	const row2 = life
		.locator('tbody tr')
		.filter({ has: panel.getByRole('rowheader', { name: '2', exact: true }) });
	await expect(row2.locator('td').first()).toHaveText('<5');
	const csv = await panel.request.get(`${panel.url()}/export`);
	expect(await csv.text()).toMatch(/,2,all,<5/);
});

test('feedback works without JavaScript, and a published "You said, we did" reaches the home page', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/pl/more');
	await page.getByRole('button', { name: pl.feedback_yes, exact: true }).click();
	await expect(page.getByText(pl.feedback_thanks)).toBeVisible();
	await page.getByRole('link', { name: pl.feedback_back }).click();
	await expect(page).toHaveURL(/\/pl\/more$/);
	// Report pages stay minimal: no feedback form there.
	await page.goto('/pl/report');
	await expect(page.getByText(pl.feedback_question)).toHaveCount(0);

	const staff = await browser.newPage();
	await signIn(staff, 'coordinator');
	await staff.goto('/staff/feedback');
	await expect(staff.getByRole('row', { name: /\/more/ })).toBeVisible();
	await staff.goto('/staff/yousaid');
	for (const area of await staff.locator('textarea').all()) {
		const lang = (await area.getAttribute('name'))!.replace('text_', '');
		await area.fill(`Dzięki wam jest więcej informacji o DigiD (${lang}).`);
	}
	await staff.getByRole('button', { name: 'Publish' }).click();
	await expect(staff.getByRole('status')).toBeVisible();
	await page.goto('/pl');
	await expect(page.getByText('Dzięki wam jest więcej informacji o DigiD (pl).')).toBeVisible();
	await expect(page.getByRole('heading', { name: pl.yousaid_title })).toBeVisible();
	await context.close();
});
