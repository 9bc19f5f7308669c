import { expect, test, type Browser } from '@playwright/test';
import { fill, messages } from './helpers';
import { signIn } from './staff';
import { overcrowdingReport } from './worker';

const pl = messages('pl');
const en = (await import('../../messages/staff/en.json', { with: { type: 'json' } }))
	.default as Record<string, string>;
// A gemeente no other test reports in, so this handler's inbox and count hold this case alone.
const GEMEENTE = 'west-betuwe';
const SHOTS = process.env.E2E_SCREENSHOTS;

async function followUp(browser: Browser, receipt: string) {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/pl/report/follow-up');
	await page.getByLabel(pl.followup_receipt_label).fill(receipt);
	await page.getByRole('button', { name: pl.followup_open }).click();
	return { context, page };
}

test('a worker’s reply is unread in the handler’s inbox until the case is opened; the worker’s timeline tells status and deletion date', async ({
	browser,
	page
}) => {
	test.setTimeout(150_000);
	const receipt = await overcrowdingReport(browser, GEMEENTE, 'W pokoju śpi nas ośmioro.');

	await page.setViewportSize({ width: 1280, height: 900 });
	await signIn(page, 'handler', [GEMEENTE]);
	await page.goto('/staff/inbox');
	const row = page.locator('table.inbox tbody tr').first();
	await expect(row.getByText(en.staff_inbox_unread)).toHaveCount(0);
	await row.locator('a').first().click();
	await page.waitForURL(/\/staff\/reports\//);
	const caseUrl = new URL(page.url()).pathname;
	const status = page.locator('form[action="?/status"]');
	await status.getByLabel(en.staff_case_new_status).selectOption('in_progress');
	await status.getByRole('button', { name: en.staff_save }).click();
	await expect(page.getByRole('status')).toHaveText(en.staff_case_saved);

	// The worker, without JavaScript: the timeline so far, and how long the report is kept.
	const worker = await followUp(browser, receipt);
	const timeline = worker.page.getByTestId('timeline');
	await expect(timeline).toContainText(pl.followup_timeline_created);
	await expect(timeline).toContainText(
		fill(pl.followup_timeline_status, { status: pl.report_status_in_progress })
	);
	await expect(worker.page.getByTestId('deletion')).toHaveText(
		fill(pl.followup_deletion_after_close, { months: '12' })
	);
	// Told plainly which messages are in Polish and which may not be.
	await expect(worker.page.getByTestId('languages-note')).toHaveText(pl.followup_languages_note);
	await worker.page.getByLabel(pl.followup_reply_label).fill('Co mam teraz zrobić?');
	await worker.page.getByRole('button', { name: pl.followup_reply_send }).click();
	await expect(worker.page.getByRole('status')).toHaveText(pl.followup_reply_sent);
	if (SHOTS) await worker.page.screenshot({ path: `${SHOTS}/followup-pl.png`, fullPage: true });
	await worker.context.close();

	// The handler's inbox marks it, the filter finds it, the nav counts it.
	await page.goto('/staff/inbox');
	await expect(row.getByText(en.staff_inbox_unread)).toBeVisible();
	const nav = page.getByRole('navigation', { name: en.staff_nav_label });
	await expect(nav.getByTestId('unread-count')).toHaveText('1');
	await expect(
		nav.getByRole('link', { name: new RegExp(fill(en.staff_inbox_unread_nav, { count: '1' })) })
	).toBeVisible();
	await page.goto('/staff/inbox?unread=1');
	await expect(page.locator('table.inbox tbody tr')).toHaveCount(1);
	if (SHOTS) await page.screenshot({ path: `${SHOTS}/inbox-unread.png`, fullPage: true });

	// Opening the case reads it: unread no more, for this handler.
	await page.goto(caseUrl);
	await expect(page.getByText('Co mam teraz zrobić?')).toBeVisible();
	await page.goto('/staff/inbox');
	await expect(row).toBeVisible();
	await expect(row.getByText(en.staff_inbox_unread)).toHaveCount(0);
	await expect(nav.getByTestId('unread-count')).toHaveCount(0);
	await page.goto('/staff/inbox?unread=1');
	await expect(page.locator('table.inbox tbody tr')).toHaveCount(0);

	// Closed: the worker is told the reason and the day the report and its messages go.
	await page.goto(caseUrl);
	await status.getByLabel(en.staff_case_new_status).selectOption('closed');
	await status.getByLabel(en.staff_case_close_reason).selectOption('resolved');
	await status.getByRole('button', { name: en.staff_save }).click();
	await expect(page.getByRole('status')).toHaveText(en.staff_case_saved);
	const closed = await followUp(browser, receipt);
	await expect(closed.page.getByTestId('timeline')).toContainText(
		pl.report_template_closed_resolved
	);
	const due = new Date();
	due.setMonth(due.getMonth() + 12);
	const date = due.toLocaleDateString('pl', { day: 'numeric', month: 'long', year: 'numeric' });
	await expect(closed.page.getByTestId('deletion')).toHaveText(
		fill(pl.followup_deletion_on, { date })
	);
	if (SHOTS)
		await closed.page.screenshot({ path: `${SHOTS}/followup-closed-pl.png`, fullPage: true });
	await closed.context.close();
});
