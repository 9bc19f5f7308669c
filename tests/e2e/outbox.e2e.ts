import { expect, test, type Page } from '@playwright/test';
import { fill, messages, photoFile, reportCount } from './helpers';

const en = messages('en');

/** What the outbox holds, with each photo's bytes read back as text (Latin-1) and its name. */
function outbox(page: Page) {
	return page.evaluate(
		() =>
			new Promise<{ savedAt: number; photos: { name: string; type: string; bytes: string }[] }[]>(
				(resolve) => {
					const req = indexedDB.open('wegwijs-outbox');
					req.onsuccess = () => {
						const all = req.result
							.transaction('reports', 'readonly')
							.objectStore('reports')
							.getAll();
						all.onsuccess = async () => {
							const rows = all.result as { savedAt: number; entries: [string, unknown][] }[];
							resolve(
								await Promise.all(
									rows.map(async (r) => ({
										savedAt: r.savedAt,
										photos: await Promise.all(
											r.entries
												.map(([, v]) => v)
												.filter((v): v is File => v instanceof File)
												.map(async (f) => ({
													name: f.name,
													type: f.type,
													bytes: new TextDecoder('latin1').decode(await f.arrayBuffer())
												}))
										)
									}))
								)
							);
						};
					};
				}
			)
	);
}

test('a report kept offline holds its photo without EXIF or file name, and says when it expires', async ({
	page,
	context
}) => {
	await page.goto('/en/report');
	await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();
	await page.getByLabel(en.report_group_housing, { exact: true }).check();
	await page.getByLabel(en.report_situation_overcrowded, { exact: true }).check();
	await page.locator('input[type="file"][name="photos"]').setInputFiles(await photoFile());
	const send = page.getByRole('button', { name: en.report_send });
	for (let step = 0; step < 10 && !(await send.isVisible()); step++)
		await page.getByRole('button', { name: en.report_next }).click();
	await context.setOffline(true);
	try {
		await send.click();
		const expiry = fill(en.report_offline_expiry, { days: '7' });
		await expect(page.getByText(expiry)).toBeVisible();
		await page.getByRole('button', { name: en.report_offline_keep }).click();
		await expect(page.getByText(en.report_offline_waiting)).toBeVisible();
		await expect(page.getByText(expiry)).toBeVisible();
		const [kept] = await outbox(page);
		expect(kept.photos).toHaveLength(1);
		const [photo] = kept.photos;
		expect(photo.type).toBe('image/jpeg');
		expect(photo.name).toBe('photo-1.jpg');
		expect(photo.bytes.length).toBeGreaterThan(100);
		// The original carries an EXIF block with a camera make and a GPS position.
		expect(photo.bytes).not.toContain('Exif');
		expect(photo.bytes).not.toContain('CanaryCam');
		expect(photo.bytes).not.toContain('holiday');
	} finally {
		// Leave nothing waiting that could be sent when the connection returns.
		await page.evaluate(() => indexedDB.deleteDatabase('wegwijs-outbox'));
		await context.setOffline(false);
	}
});

test('a report that waited more than seven days is deleted unsent, and the worker is told', async ({
	page
}) => {
	const before = await reportCount('west-betuwe');
	await page.goto('/en/report');
	await expect(page.getByText(fill(en.report_progress, { step: '1', total: '7' }))).toBeVisible();
	await page.evaluate(
		(old) =>
			new Promise<void>((resolve) => {
				const req = indexedDB.open('wegwijs-outbox', 1);
				req.onupgradeneeded = () => req.result.createObjectStore('reports', { keyPath: 'key' });
				req.onsuccess = () => {
					const tx = req.result.transaction('reports', 'readwrite');
					tx.objectStore('reports').put({
						key: 'expired-report-key-0123456789',
						action: `${location.origin}/en/report`,
						entries: [
							['submission_key', 'expired-report-key-0123456789'],
							['group', 'work'],
							['situations', 'underpaid'],
							['gemeente', 'west-betuwe'],
							['text', 'Kept too long.']
						],
						savedAt: old
					});
					tx.oncomplete = () => (req.result.close(), resolve());
				};
			}),
		Date.now() - 8 * 24 * 60 * 60 * 1000
	);
	await page.reload();
	await expect(page.getByText(fill(en.report_offline_expired, { days: '7' }))).toBeVisible();
	expect(await outbox(page)).toEqual([]);
	await page.waitForTimeout(1_000);
	expect(await reportCount('west-betuwe')).toBe(before);
});
