import { expect, test, type Page } from '@playwright/test';
import { gzipSync } from 'node:zlib';
import { fill, messages, photoFile, reportCount } from './helpers';

const pl = messages('pl');

function outboxSize(page: Page): Promise<number> {
	return page.evaluate(
		() =>
			new Promise<number>((resolve) => {
				const req = indexedDB.open('wegwijs-outbox');
				req.onsuccess = () => {
					const count = req.result
						.transaction('reports', 'readonly')
						.objectStore('reports')
						.count();
					count.onsuccess = () => resolve(count.result);
				};
			})
	);
}

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('a worker reports in Polish with a photo, gets a receipt and reads the status in Polish', async ({
		page
	}) => {
		await page.goto('/pl/report');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(pl.report_title);
		// First a mistake: nothing chosen. Everything typed must come back.
		await page
			.getByLabel(pl.report_text_label)
			.fill('Nie płacą za nadgodziny. Mieszkamy w 12 osób.');
		await page.getByLabel(pl.report_address_label).fill('Industrieweg 12');
		await page.getByRole('button', { name: pl.report_send }).click();
		await expect(page.getByRole('alert').first()).toContainText(pl.report_error_group);
		await expect(page.getByLabel(pl.report_text_label)).toHaveValue(
			'Nie płacą za nadgodziny. Mieszkamy w 12 osób.'
		);
		await expect(page.getByLabel(pl.report_address_label)).toHaveValue('Industrieweg 12');

		await page.getByLabel(pl.report_group_work, { exact: true }).check();
		await page.getByLabel(pl.report_situation_underpaid, { exact: true }).check();
		await page.getByLabel(pl.report_situation_long_hours, { exact: true }).check();
		await page.getByLabel(pl.report_gemeente_question).selectOption('maasdriel');
		await page.locator('input[type="file"][name="photos"]').setInputFiles(await photoFile());
		await page.getByRole('radio', { name: pl.report_consent_2_title }).check();
		const before = await reportCount('maasdriel');
		await page.getByRole('button', { name: pl.report_send }).click();

		await expect(page.getByRole('heading', { level: 1 })).toHaveText(pl.report_done_title);
		const receipt = (await page.getByTestId('receipt').textContent())!.trim();
		expect(receipt).toMatch(/^\d{4} \d{4} \d{4} \d{4}$/);
		expect(await reportCount('maasdriel')).toBe(before + 1);

		// Reloading the POST (a retry) gives the same receipt and no second report.
		page.once('dialog', (d) => d.accept());
		await page.reload();
		await expect(page.getByTestId('receipt')).toHaveText(receipt);
		expect(await reportCount('maasdriel')).toBe(before + 1);

		await page.goto('/pl/report/follow-up');
		await page.getByLabel(pl.followup_receipt_label).fill('1234 abcd');
		await page.getByRole('button', { name: pl.followup_open }).click();
		await expect(page.getByRole('alert')).toHaveText(pl.followup_error_format);
		await page.getByLabel(pl.followup_receipt_label).fill(receipt);
		await page.getByRole('button', { name: pl.followup_open }).click();
		await expect(page.getByTestId('status')).toHaveText(pl.report_status_new);
		await expect(page.locator('html')).toHaveAttribute('lang', 'pl');

		await page.getByLabel(pl.followup_reply_label).fill('Dodatkowe informacje.');
		await page.getByRole('button', { name: pl.followup_reply_send }).click();
		await expect(page.getByRole('status')).toHaveText(pl.followup_reply_sent);
		await expect(page.locator('.msg.reporter')).toContainText('Dodatkowe informacje.');

		await page.getByRole('button', { name: pl.followup_leave }).click();
		await expect(page.getByRole('status')).toHaveText(pl.followup_left);
		await page.goto('/pl/report/follow-up');
		await expect(page.getByLabel(pl.followup_receipt_label)).toBeVisible();
	});

	test('report pages are never stored: no-store on every report route', async ({ request }) => {
		for (const p of ['/pl/report', '/pl/report/follow-up']) {
			expect((await request.get(p)).headers()['cache-control']).toBe('no-store');
		}
	});

	test('the report form carries only its words, as HTML; the follow-up page adds its own', async ({
		request
	}) => {
		// Server-rendered without the SvelteKit client: no text pack travels with the form page.
		const form = await (await request.get('/pl/report')).text();
		expect(form).toContain(pl.report_send);
		expect(form).not.toContain('followup_link');
		expect(form).not.toContain('__sveltekit');
		const followUp = await (await request.get('/pl/report/follow-up')).text();
		expect(followUp).toContain('followup_status_help');
		expect(followUp).not.toContain('push_heading');
	});
});

test.describe('with JavaScript', () => {
	test('the form’s JavaScript stays within its budget, and the location is asked for only on the tap', async ({
		page
	}) => {
		// Issue #15 asks for ≤ 40 KB gzip. The form is server-rendered (csr = false) with the small
		// /js/report.js; with the SvelteKit client and Svelte's runtime it was 48.5 KB.
		const BUDGET_KB = 40;
		const bodies: Array<Promise<Buffer>> = [];
		const urls: string[] = [];
		page.on('response', (r) => {
			if (r.request().resourceType() !== 'script') return;
			urls.push(new URL(r.url()).pathname);
			bodies.push(r.body());
		});
		await page.goto('/pl/report', { waitUntil: 'networkidle' });
		await expect(page.locator('html')).toHaveAttribute('data-ready', '');
		const gzip = (await Promise.all(bodies)).reduce(
			(n, b) => n + gzipSync(b, { level: 9 }).length,
			0
		);
		expect(gzip / 1024, urls.join('\n')).toBeLessThanOrEqual(BUDGET_KB);
		expect(
			urls.filter((u) => u.startsWith('/_app/')),
			'no SvelteKit client'
		).toEqual([]);
		await page.context().grantPermissions(['geolocation']);
		await page.context().setGeolocation({ latitude: 51.8866, longitude: 5.4297 });
		await page.getByLabel(pl.report_group_work, { exact: true }).check();
		await page.getByRole('button', { name: pl.report_next }).click();
		await page.getByRole('button', { name: pl.report_location_add }).click();
		await expect(page.getByText(pl.report_location_added)).toBeVisible();
		await expect(page.locator('input[name="pin_lat"]')).toHaveValue('51.88660');
	});

	test('choices ticked before the page’s JavaScript has loaded survive hydration', async ({
		page
	}) => {
		const en = messages('en');
		// A slow phone: the HTML is there, the scripts are not yet.
		let release!: () => void;
		const loaded = new Promise<void>((r) => (release = r));
		await page.route(/\/(_app\/immutable\/.*|js\/[^/]+)\.js$/, async (route) => {
			await loaded;
			await route.continue();
		});
		// The held scripts also hold DOMContentLoaded; the form is on screen before that.
		await page.goto('/en/report', { waitUntil: 'commit' });
		await page.getByLabel(en.report_group_work, { exact: true }).check();
		await page.getByLabel(en.report_situation_underpaid, { exact: true }).check();
		await page.getByLabel(en.report_situation_no_payslips, { exact: true }).check();
		release();
		await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();
		await expect(page.getByLabel(en.report_group_work, { exact: true })).toBeChecked();
		await expect(page.getByLabel(en.report_situation_underpaid, { exact: true })).toBeChecked();
		await expect(page.getByLabel(en.report_situation_no_payslips, { exact: true })).toBeChecked();
		// The state follows the ticks too: the work situations stay shown after hydration.
		await expect(page.getByLabel(en.report_situation_underpaid, { exact: true })).toBeVisible();
	});

	test('the guided flow takes the worker step by step to a receipt', async ({ page }) => {
		const en = messages('en');
		await page.goto('/en/report');
		await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();
		// Only the chosen group's situations are shown.
		await expect(page.getByLabel(en.report_situation_underpaid, { exact: true })).toBeHidden();
		await page.getByRole('button', { name: en.report_next }).click();
		await expect(page.getByRole('alert')).toContainText(en.report_error_group);
		await page.getByLabel(en.report_group_housing, { exact: true }).check();
		await page.getByLabel(en.report_situation_overcrowded, { exact: true }).check();
		await expect(page.getByText(fill(en.report_four_weeks, { weeks: '4' }))).toBeVisible();
		await page.getByRole('button', { name: en.report_next }).click();
		await page.getByLabel(en.report_gemeente_question).selectOption('culemborg');
		await page.getByRole('button', { name: en.report_next }).click();
		await page.getByLabel(en.report_subject_landlord, { exact: true }).check();
		await page.getByRole('button', { name: en.report_next }).click();
		await page.getByLabel(en.report_when_ongoing, { exact: true }).check();
		await page.getByRole('button', { name: en.report_next }).click();
		await page.getByLabel(en.report_text_label).fill('Twelve people in one house.');
		await page.getByRole('button', { name: en.report_back }).click();
		await expect(page.getByLabel(en.report_when_ongoing, { exact: true })).toBeChecked();
		await page.getByRole('button', { name: en.report_next }).click();
		await expect(page.getByLabel(en.report_text_label)).toHaveValue('Twelve people in one house.');
		await page.getByRole('button', { name: en.report_next }).click();
		await expect(page.getByRole('radio', { name: en.report_consent_1_title })).toBeChecked();
		await page.getByRole('button', { name: en.report_next }).click();
		await page.getByRole('button', { name: en.report_send }).click();
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.report_done_title);
		await expect(page.getByTestId('receipt')).toHaveText(/^\d{4} \d{4} \d{4} \d{4}$/);
		await expect(page.getByRole('button', { name: en.report_receipt_copy })).toBeVisible();
	});

	test('the location is asked for only when the worker taps for it, and travels with the report', async ({
		browser
	}) => {
		const en = messages('en');
		const context = await browser.newContext({
			geolocation: { latitude: 51.8866, longitude: 5.4297 },
			permissions: ['geolocation']
		});
		const page = await context.newPage();
		await page.addInitScript(() => {
			const original = navigator.geolocation.getCurrentPosition.bind(navigator.geolocation);
			(window as unknown as { geoCalls: number }).geoCalls = 0;
			navigator.geolocation.getCurrentPosition = (...args) => {
				(window as unknown as { geoCalls: number }).geoCalls++;
				return original(...args);
			};
		});
		const response = await page.goto('/en/report');
		await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();
		expect(response?.headers()['permissions-policy']).toContain('geolocation=(self)');
		await page.getByLabel(en.report_group_housing, { exact: true }).check();
		await page.getByRole('button', { name: en.report_next }).click();
		expect(await page.evaluate(() => (window as unknown as { geoCalls: number }).geoCalls)).toBe(0);
		await page.getByRole('button', { name: en.report_location_add }).click();
		await expect(page.getByText(en.report_location_added)).toBeVisible();
		expect(await page.evaluate(() => (window as unknown as { geoCalls: number }).geoCalls)).toBe(1);
		await page.getByLabel(en.report_gemeente_question).selectOption('tiel');
		for (let i = 0; i < 3; i++) await page.getByRole('button', { name: en.report_next }).click();
		await page.getByLabel(en.report_text_label).fill('Mould everywhere.');
		for (let i = 0; i < 2; i++) await page.getByRole('button', { name: en.report_next }).click();
		const posted = page.waitForRequest(
			(r) => r.method() === 'POST' && r.url().includes('/en/report')
		);
		await page.getByRole('button', { name: en.report_send }).click();
		const body = (await posted).postDataBuffer()?.toString('utf8') ?? '';
		expect(body).toContain('name="pin_lat"');
		expect(body).toContain('51.88660');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.report_done_title);
		await context.close();
	});

	test('a refused report shows the server’s reason on the step to fix, keeps every field, and the reason goes once fixed', async ({
		page
	}) => {
		const en = messages('en');
		await page.goto('/en/report');
		await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();
		await page.getByLabel(en.report_group_work, { exact: true }).check();
		await page.getByRole('button', { name: en.report_next }).click();
		const address = page.getByLabel(en.report_address_label);
		await address.evaluate((el: HTMLInputElement) => el.removeAttribute('maxlength'));
		await address.fill('x'.repeat(400));
		const send = page.getByRole('button', { name: en.report_send });
		for (let step = 0; step < 10 && !(await send.isVisible()); step++) {
			const text = page.getByLabel(en.report_text_label);
			if (await text.isVisible()) await text.fill('Kept after a refusal.');
			await page.getByRole('button', { name: en.report_next }).click();
		}
		await send.click();
		await expect(page.getByRole('alert').first()).toContainText(en.report_error_too_long);
		// Back on the step that holds the address, with everything still typed.
		await expect(page.getByText(fill(en.report_progress, { step: '2', total: '7' }))).toBeVisible();
		await expect(address).toHaveValue('x'.repeat(400));
		await expect(page.locator('textarea[name=text]')).toHaveValue('Kept after a refusal.');
		await address.fill('Stationsstraat 12');
		await expect(page.getByText(en.report_error_too_long)).toHaveCount(0);
	});

	test('the contact field shows only when the worker wants to be contacted', async ({ page }) => {
		const en = messages('en');
		await page.goto('/en/report');
		await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();
		await page.getByLabel(en.report_group_other, { exact: true }).check();
		for (let i = 0; i < 5; i++) await page.getByRole('button', { name: en.report_next }).click();
		await expect(page.locator('input[name=contact]')).toBeHidden();
		await page.getByLabel(en.report_contact_yes, { exact: true }).check();
		await expect(page.locator('input[name=contact]')).toBeVisible();
	});

	test('an urgent situation puts 112 first', async ({ page }) => {
		const en = messages('en');
		await page.goto('/en/report');
		await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();
		await page.getByLabel(en.report_group_work, { exact: true }).check();
		await page.getByLabel(en.report_situation_threatened, { exact: true }).check();
		await expect(page.getByText(en.report_urgent_notice)).toBeVisible();
	});

	test('quick exit replaces the report page, so Back does not return to it', async ({ page }) => {
		const en = messages('en');
		await page.goto('/en');
		await page.goto('/en/report');
		// Before the page's JavaScript runs, quick exit is a plain link (history keeps the page);
		// the guided steps showing means it has run.
		await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();
		await page.getByLabel(en.report_group_work, { exact: true }).check();
		await page.getByRole('link', { name: en.report_quick_exit }).click();
		await expect(page).toHaveURL(/\/en\/today$/);
		await page.goBack();
		await expect(page).toHaveURL(/\/en$/);
	});

	test('offline, "send when I am online again" keeps the report on the device and sends it exactly once', async ({
		page,
		context
	}) => {
		const en = messages('en');
		await page.goto('/en/report');
		await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();
		await page.getByLabel(en.report_group_registration, { exact: true }).check();
		await page.getByLabel(en.report_situation_told_not_to_register, { exact: true }).check();
		await page.getByRole('button', { name: en.report_next }).click();
		await page.getByLabel(en.report_gemeente_question).selectOption('neder-betuwe');
		for (let i = 0; i < 5; i++) await page.getByRole('button', { name: en.report_next }).click();
		const before = await reportCount('neder-betuwe');
		await context.setOffline(true);
		await page.getByRole('button', { name: en.report_send }).click();
		await expect(page.getByText(en.report_offline_offer)).toBeVisible();
		await page.getByRole('button', { name: en.report_offline_keep }).click();
		await expect(page.getByText(en.report_offline_waiting)).toBeVisible();
		expect(await outboxSize(page)).toBe(1);
		expect(await reportCount('neder-betuwe')).toBe(before);

		await context.setOffline(false);
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		// The page retries every few seconds while a report waits; give it several tries.
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.report_done_title, {
			timeout: 30_000
		});
		expect(await reportCount('neder-betuwe')).toBe(before + 1);
		expect(await outboxSize(page)).toBe(0);
		// A second "online" event sends nothing more.
		await page.evaluate(() => window.dispatchEvent(new Event('online')));
		await page.waitForTimeout(500);
		expect(await reportCount('neder-betuwe')).toBe(before + 1);
	});
});
