import { expect, test } from '@playwright/test';
import { messages } from './helpers';
import { signIn } from './staff';
import { overcrowdingReport } from './worker';

const pl = messages('pl');
const nl = messages('nl');
const staffNl = (await import('../../messages/staff/nl.json', { with: { type: 'json' } }))
	.default as Record<string, string>;
const GEMEENTE = 'culemborg';
const SHOTS = process.env.E2E_SCREENSHOTS;

test('a handler asks two structured questions, a Polish worker answers without JavaScript, the handler reads them in Dutch', async ({
	browser,
	page
}) => {
	test.setTimeout(150_000);
	const story = `Śpi nas dużo w jednym pokoju ${Date.now()}`;
	const receipt = await overcrowdingReport(browser, GEMEENTE, story);

	await page.setViewportSize({ width: 1280, height: 900 });
	await signIn(page, 'handler', [GEMEENTE], 'nl');
	await page.goto('/staff/inbox');
	// Other specs file reports in this gemeente too, and urgent ones sort first: find ours by its text.
	const links = await page
		.locator('table.inbox tbody tr')
		.evaluateAll((rows) => rows.map((r) => r.querySelector('a')?.getAttribute('href') ?? ''));
	for (const href of links.filter(Boolean)) {
		await page.goto(href);
		if ((await page.getByText(story).count()) > 0) break;
	}
	await expect(page.getByText(story)).toBeVisible();
	const caseUrl = new URL(page.url()).pathname;
	const ask = page.locator('form[action="?/ask"]');
	await ask.getByLabel(nl.followup_question_sleepers).check();
	await ask.getByLabel(nl.followup_question_still_living).check();
	await ask.getByRole('button', { name: staffNl.staff_case_questions_ask }).click();
	await expect(page.getByRole('status')).toHaveText(staffNl.staff_case_saved);
	await expect(page.getByTestId('case-questions')).toContainText(nl.followup_question_sleepers);
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/case-questions-nl.png`, fullPage: true });

	// The worker, without JavaScript, reads the questions in Polish.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const worker = await context.newPage();
	await worker.setViewportSize({ width: 360, height: 800 });
	await worker.goto('/pl/report/follow-up');
	await worker.getByLabel(pl.followup_receipt_label).fill(receipt);
	await worker.getByRole('button', { name: pl.followup_open }).click();
	const sleepers = worker.getByLabel(pl.followup_question_sleepers);
	const moved = worker.getByRole('radio', { name: pl.followup_question_still_living_moved });
	// A number out of range: the browser itself stops it (min/max), nothing is sent.
	await sleepers.fill('80');
	await moved.check();
	await worker.getByRole('button', { name: pl.followup_questions_send }).click();
	await expect(sleepers).toHaveJSProperty('validity.rangeOverflow', true);
	await expect(worker.getByRole('alert')).toHaveCount(0);
	// Sent anyway (an old browser, a hand-made post): the server says it in Polish, saves nothing
	// and gives back what was typed and chosen.
	const name = (await sleepers.getAttribute('name'))!;
	const choice = (await moved.getAttribute('name'))!;
	const origin = new URL(worker.url()).origin;
	const refused = await context.request.post('/pl/report/follow-up?/answer', {
		headers: { origin, accept: 'text/html' },
		form: { [name]: '80', [choice]: 'moved' },
		maxRedirects: 0
	});
	expect(refused.status()).toBe(400);
	await worker.setContent(await refused.text());
	await expect(worker.getByRole('alert')).toHaveText(pl.followup_error_question_number);
	await expect(sleepers).toHaveValue('80');
	await expect(moved).toBeChecked();
	if (SHOTS) await worker.screenshot({ path: `${SHOTS}/questions-error-pl.png`, fullPage: true });
	await worker.goto('/pl/report/follow-up');
	await expect(moved).not.toBeChecked();
	await moved.check();
	await sleepers.fill('6');
	await worker.getByRole('button', { name: pl.followup_questions_send }).click();
	await expect(worker.getByRole('status')).toHaveText(pl.followup_questions_sent);
	// Answered: no form any more, the answers are in the thread in Polish.
	await expect(worker.getByLabel(pl.followup_question_sleepers)).toHaveCount(0);
	await expect(
		worker.getByText(
			`${pl.followup_question_still_living} Odpowiedź: ${pl.followup_question_still_living_moved}`
		)
	).toBeVisible();
	if (SHOTS)
		await worker.screenshot({ path: `${SHOTS}/questions-answered-pl.png`, fullPage: true });
	await context.close();

	// The inbox marks the case unread until the handler opens it.
	await page.goto('/staff/inbox');
	const row = page.locator('table.inbox tbody tr', { has: page.locator(`a[href="${caseUrl}"]`) });
	await expect(row.getByText(staffNl.staff_inbox_unread)).toBeVisible();
	await page.goto(caseUrl);
	await expect(page.getByText(`${nl.followup_question_sleepers} Antwoord: 6`)).toBeVisible();
	await expect(
		page.getByText(
			`${nl.followup_question_still_living} Antwoord: ${nl.followup_question_still_living_moved}`
		)
	).toBeVisible();
	await expect(page.getByTestId('case-questions')).toContainText(
		staffNl.staff_case_question_answered
	);
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/case-answers-nl.png`, fullPage: true });
	await page.goto('/staff/inbox');
	await expect(row).toBeVisible();
	await expect(row.getByText(staffNl.staff_inbox_unread)).toHaveCount(0);
});
