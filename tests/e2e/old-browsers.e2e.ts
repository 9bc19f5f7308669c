import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { messages } from './helpers';

const en = messages('en');

// Every worker form: where it is, how a worker fills it, and the button that sends it.
const FORMS: { name: string; path: string; fill: (page: Page) => Promise<void>; button: string }[] =
	[
		{
			name: 'report',
			path: '/en/report',
			fill: async (page) => {
				await page.locator('input[name="group"][value="work"]').check();
				await page.locator('textarea[name="text"]').fill('Sent from an old phone.');
			},
			button: en.report_send
		},
		{
			name: 'follow-up',
			path: '/en/report/follow-up',
			fill: (page) => page.getByLabel(en.followup_receipt_label).fill('1234 5678 1234 5678'),
			button: en.followup_open
		},
		{ name: 'feedback', path: '/en/more', fill: async () => {}, button: en.feedback_yes },
		{
			name: 'survey',
			path: '/en/survey',
			fill: (page) => page.locator('a.card[href^="/en/survey/"]').first().click(),
			button: en.survey_send
		}
	];

/** The form's fields and target, as the browser would post them when the button is pressed. */
async function formOf(page: Page, form: (typeof FORMS)[number]) {
	await page.goto(form.path);
	await form.fill(page);
	return page.getByRole('button', { name: form.button, exact: true }).evaluate((button) => {
		const b = button as HTMLButtonElement;
		const data = new FormData(b.form!, b);
		const fields: Record<string, string> = {};
		for (const [k, v] of data.entries()) if (typeof v === 'string') fields[k] = v;
		return { action: b.formAction || b.form!.action, fields };
	});
}

/** A browser without Sec-Fetch-Site: Playwright's request client sends none of its own. */
async function post(
	request: APIRequestContext,
	sent: Awaited<ReturnType<typeof formOf>>,
	headers: Record<string, string>
) {
	const r = await request.post(sent.action, { multipart: sent.fields, headers, maxRedirects: 0 });
	return r.status();
}

test.describe('without Sec-Fetch-Site (Safari before 16.4, old WebViews)', () => {
	test.use({ javaScriptEnabled: false });

	for (const form of FORMS) {
		test(`the ${form.name} form works with Origin null or absent; cross-site is refused`, async ({
			page,
			playwright,
			baseURL
		}) => {
			const sent = await formOf(page, form);
			// page.request shares the page's cookies, as the old browser would send them.
			const own = page.request;
			expect(await post(own, sent, { origin: 'null' })).not.toBe(403);
			expect(await post(own, sent, {})).not.toBe(403);
			expect(await post(own, sent, { origin: baseURL! })).not.toBe(403);
			// Another site: its Origin, or a modern browser's header, is refused despite the cookies.
			expect(await post(own, sent, { origin: 'https://evil.example' })).toBe(403);
			expect(await post(own, sent, { origin: 'null', 'sec-fetch-site': 'cross-site' })).toBe(403);
			// A cross-site post from an old browser carries no SameSite=Strict cookie: refused.
			const stranger = await playwright.request.newContext({ baseURL });
			try {
				expect(await post(stranger, sent, { origin: 'null' })).toBe(403);
				expect(await post(stranger, sent, {})).toBe(403);
			} finally {
				await stranger.dispose();
			}
		});
	}
});
