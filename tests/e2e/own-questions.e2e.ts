import { expect, test } from '@playwright/test';
import { messages } from './helpers';
import { signIn } from './staff';
import { overcrowdingReport } from './worker';

const pl = messages('pl');
const staffNl = (await import('../../messages/staff/nl.json', { with: { type: 'json' } }))
	.default as Record<string, string>;
const GEMEENTE = 'culemborg';
const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];
const SHOTS = process.env.E2E_SCREENSHOTS;

test('a coordinator writes a question (a draft first, then all 13 languages), a handler asks it, a Polish worker answers without JavaScript, the handler reads it in Dutch', async ({
	browser,
	page
}) => {
	test.setTimeout(180_000);
	const stamp = Date.now();
	// Words of its own per run: other runs' questions stay in the same database.
	const words = (l: string) => ({
		question: l === 'pl' ? `Kto płaci za pokój ${stamp}?` : `Wie betaalt de kamer ${stamp} (${l})?`,
		options: l === 'pl' ? ['Ja sam', 'Agencja pracy'] : [`Ikzelf (${l})`, `Het bureau (${l})`]
	});

	// The coordinator writes the Dutch text only: saved as a draft, named as such.
	await page.setViewportSize({ width: 1280, height: 900 });
	await signIn(page, 'coordinator', [], 'nl');
	await page.getByRole('link', { name: staffNl.staff_questions_title }).first().click();
	await expect(page).toHaveURL(/\/staff\/questions$/);
	const editor = page.locator('form[action="?/save"]');
	await editor.getByLabel(staffNl.staff_questions_type).selectOption('choice');
	await editor.locator('input[name=question_nl]').fill(words('nl').question);
	await editor.locator('textarea[name=options_nl]').fill(words('nl').options.join('\n'));
	await editor.getByRole('button', { name: staffNl.staff_questions_save }).click();
	await expect(page.getByRole('status')).toContainText(
		staffNl.staff_questions_saved_draft.split('{')[0].trim()
	);
	const row = page.getByTestId('custom-questions').locator('li', { hasText: words('nl').question });
	await expect(row).toContainText(staffNl.staff_questions_draft.split(':')[0]);

	// Then the other twelve languages, through the same form.
	await row.getByRole('link', { name: staffNl.staff_questions_edit }).click();
	await expect(editor.locator('input[name=question_nl]')).toHaveValue(words('nl').question);
	for (const l of LOCALES.slice(1)) {
		await editor.locator(`input[name=question_${l}]`).fill(words(l).question);
		await editor.locator(`textarea[name=options_${l}]`).fill(words(l).options.join('\n'));
	}
	await editor.getByRole('button', { name: staffNl.staff_questions_save }).click();
	await expect(page.getByRole('status')).toHaveText(staffNl.staff_questions_saved);
	await expect(row).toContainText(staffNl.staff_questions_ready);
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/own-questions-nl.png`, fullPage: true });

	// A Polish worker reports without JavaScript; a handler asks the new question.
	const story = `Płacimy za dużo za pokój ${stamp}`;
	const receipt = await overcrowdingReport(browser, GEMEENTE, story);
	const staff = await browser.newContext({ viewport: { width: 1280, height: 900 } });
	const handler = await staff.newPage();
	await signIn(handler, 'handler', [GEMEENTE], 'nl');
	await handler.goto('/staff/inbox');
	const links = await handler
		.locator('table.inbox tbody tr')
		.evaluateAll((rows) => rows.map((r) => r.querySelector('a')?.getAttribute('href') ?? ''));
	for (const href of links.filter(Boolean)) {
		await handler.goto(href);
		if ((await handler.getByText(story).count()) > 0) break;
	}
	await expect(handler.getByText(story)).toBeVisible();
	const caseUrl = new URL(handler.url()).pathname;
	// The referral date proposed is today as the Netherlands counts it.
	const dutchToday = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam' }).format(
		new Date()
	);
	await expect(handler.locator('input[name=referred_on]')).toHaveValue(dutchToday);
	const ask = handler.locator('form[action="?/ask"]');
	await ask.getByLabel(words('nl').question).check();
	await ask.getByRole('button', { name: staffNl.staff_case_questions_ask }).click();
	await expect(handler.getByRole('status')).toHaveText(staffNl.staff_case_saved);
	await expect(handler.getByTestId('case-questions')).toContainText(words('nl').question);

	// The worker reads it in Polish and answers with the option, without JavaScript.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const worker = await context.newPage();
	await worker.goto('/pl/report/follow-up');
	await worker.getByLabel(pl.followup_receipt_label).fill(receipt);
	await worker.getByRole('button', { name: pl.followup_open }).click();
	await expect(worker.getByText(words('pl').question).first()).toBeVisible();
	await worker.getByRole('radio', { name: 'Agencja pracy' }).check();
	await worker.getByRole('button', { name: pl.followup_questions_send }).click();
	await expect(worker.getByRole('status')).toHaveText(pl.followup_questions_sent);
	await expect(worker.getByRole('radio', { name: 'Agencja pracy' })).toHaveCount(0);
	if (SHOTS) await worker.screenshot({ path: `${SHOTS}/own-question-pl.png`, fullPage: true });
	await context.close();

	// The handler reads question and answer in Dutch.
	await handler.goto(caseUrl);
	await expect(
		handler.getByText(`${words('nl').question} Antwoord: ${words('nl').options[1]}`)
	).toBeVisible();
	await expect(handler.getByTestId('case-questions')).toContainText(
		staffNl.staff_case_question_answered
	);
	await staff.close();
});
