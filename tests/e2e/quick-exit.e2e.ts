import { expect, test, type APIRequestContext, type Page } from '@playwright/test';
import { messages, underServiceWorker } from './helpers';

const en = messages('en');

/** A report through the partner API: its receipt, and a word from its text to look for. */
async function newReport(request: APIRequestContext) {
	const marker = `Quickexitmarker${Math.random().toString(36).slice(2, 10)}`;
	const r = await request.post('/api/v1/reports', {
		data: {
			submission_key: `qx${Math.random().toString(36).slice(2)}${Date.now()}`.padEnd(40, 'Qx7kZ2m'),
			group: 'work',
			situations: ['underpaid'],
			gemeente: 'tiel',
			text: `The boss keeps our passports. ${marker}`,
			consent: 1,
			locale: 'en'
		}
	});
	expect(r.status()).toBe(201);
	return { receipt: String((await r.json()).receipt), marker };
}

async function openFollowUp(page: Page, receipt: string) {
	await page.goto('/en/report/follow-up');
	await page.getByLabel(en.followup_receipt_label).fill(receipt);
	await page.getByRole('button', { name: en.followup_open }).click();
	await expect(page.getByTestId('status')).toHaveText(en.report_status_new);
}

/** Back, the report tab and the follow-up page: none of them shows the report. */
async function expectNothingShown(page: Page, receipt: string, marker: string) {
	const digits = receipt.replace(/\D/g, '');
	const shows = async () => {
		const text = (await page.locator('body').innerText()).replace(/\s/g, '');
		return text.includes(digits) || text.includes(marker);
	};
	await page.goBack();
	await expect(page.getByTestId('status')).toHaveCount(0);
	expect(await shows()).toBe(false);
	await page.goto('/en/report');
	await expect(page.getByTestId('receipt')).toHaveCount(0);
	expect(await shows()).toBe(false);
	await page.goto('/en/report/follow-up');
	await expect(page.getByLabel(en.followup_receipt_label)).toHaveValue('');
	await expect(page.getByTestId('status')).toHaveCount(0);
	expect(await shows()).toBe(false);
}

test('quick exit ends the follow-up session, wipes the outbox and keeps the offline app and guide ticks', async ({
	page,
	context,
	request
}) => {
	const { receipt, marker } = await newReport(request);
	await underServiceWorker(page, '/en');
	await page.evaluate(async () => {
		localStorage.setItem('quick-exit-test', 'kept');
		// A report kept for sending later, as the report form stores it.
		await new Promise<void>((resolve) => {
			const req = indexedDB.open('wegwijs-outbox', 1);
			req.onupgradeneeded = () => req.result.createObjectStore('reports', { keyPath: 'key' });
			req.onsuccess = () => {
				const tx = req.result.transaction('reports', 'readwrite');
				tx.objectStore('reports').put({ key: 'k', action: '?', entries: [], savedAt: 0 });
				tx.oncomplete = () => (req.result.close(), resolve());
			};
		});
	});
	await openFollowUp(page, receipt);
	expect((await context.cookies()).map((c) => c.name)).toContain('wegwijs_followup');

	await page.getByRole('link', { name: en.report_quick_exit }).click();
	await expect(page).toHaveURL(/\/en\/today$/);
	// A page with nothing of Wegwijs on it: no header, no bottom bar, no app name.
	await expect(page.locator('nav, header')).toHaveCount(0);
	expect(await page.locator('body').innerText()).not.toContain('Wegwijs');
	expect((await context.cookies()).map((c) => c.name)).not.toContain('wegwijs_followup');
	const after = await page.evaluate(async () => ({
		databases: (await indexedDB.databases()).map((d) => d.name),
		kept: localStorage.getItem('quick-exit-test'),
		caches: (await caches.keys()).length
	}));
	expect(after.databases).not.toContain('wegwijs-outbox');
	expect(after.kept).toBe('kept');
	expect(after.caches).toBeGreaterThan(0);

	await expectNothingShown(page, receipt, marker);
});

test('three presses of Shift leave the follow-up page', async ({ page, request }) => {
	const { receipt } = await newReport(request);
	await openFollowUp(page, receipt);
	await expect(page.locator('html')).toHaveAttribute('data-ready', '');
	for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
	await expect(page).toHaveURL(/\/en\/today$/);
	await page.goto('/en/report/follow-up');
	await expect(page.getByTestId('status')).toHaveCount(0);
});

test('three presses of Shift leave the report form and wipe the outbox', async ({ page }) => {
	await page.goto('/en');
	await page.goto('/en/report');
	await expect(page.locator('html')).toHaveAttribute('data-ready', '');
	await page.evaluate(
		() =>
			new Promise<void>((resolve) => {
				const req = indexedDB.open('wegwijs-outbox', 1);
				req.onupgradeneeded = () => req.result.createObjectStore('reports', { keyPath: 'key' });
				req.onsuccess = () => (req.result.close(), resolve());
			})
	);
	for (let i = 0; i < 3; i++) await page.keyboard.press('Shift');
	await expect(page).toHaveURL(/\/en\/today$/);
	const databases = await page.evaluate(async () =>
		(await indexedDB.databases()).map((d) => d.name)
	);
	expect(databases).not.toContain('wegwijs-outbox');
	await page.goBack();
	await expect(page).toHaveURL(/\/en$/);
});

test.describe('without JavaScript', () => {
	test.use({ javaScriptEnabled: false });

	test('the quick-exit link alone ends the follow-up session on the server', async ({
		page,
		request
	}) => {
		const { receipt, marker } = await newReport(request);
		await page.goto('/en');
		await openFollowUp(page, receipt);
		await page.getByRole('link', { name: en.report_quick_exit }).click();
		await expect(page).toHaveURL(/\/en\/today$/);
		await expect(page.locator('nav, header')).toHaveCount(0);
		await expectNothingShown(page, receipt, marker);
	});
});
