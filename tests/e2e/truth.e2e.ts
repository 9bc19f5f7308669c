// What a worker reads is current and honest (issue #16), seen in the built app.
import { expect, test } from '@playwright/test';
import { locales } from '../../src/lib/i18n/locales.ts';
import { PASSES_ON } from '../../src/lib/casework/referrals.ts';
import { fill, messages } from './helpers.ts';

test('a figure past its date is marked, says it may have changed, and links its source', async ({
	page
}) => {
	await page.goto('/en/guides/work-rights');
	const caveats = page.locator('section.caveats');
	await expect(caveats).toBeVisible();
	const wage = caveats.locator('[data-fact="min_wage_hour"]');
	await expect(wage).toContainText('€14.71');
	await expect(wage).toContainText('may have changed');
	await expect(wage.locator('a')).toHaveAttribute(
		'href',
		'https://www.rijksoverheid.nl/onderwerpen/minimumloon'
	);
	await expect(page.locator('#minimum_wage')).toContainText('€14.71 ⚠');
});

test('the report page promises the service levels and numbers the settings hold', async ({
	page
}) => {
	await page.goto('/pl/report');
	// Inside the folded "what we promise" box: present, from the coordinator's settings.
	await expect(page.locator('li', { hasText: 'W ciągu 7 dni damy ci znać' })).toHaveCount(1);
	const mma = page.locator('a[href="tel:08007000"]');
	await expect(mma).toContainText('Meld Misdaad Anoniem: 0800-7000');
	await expect(page.locator('a[href="tel:09008844"]')).toBeVisible();
});

test('the registering guide names the real nearest RNI desk, not one in Tiel', async ({ page }) => {
	await page.goto('/nl/guides/registering');
	await expect(page.locator('#rni')).toContainText('Tweede Walstraat 14, Nijmegen');
	await expect(page.locator('#rni a.map-link')).toHaveCount(0);
});

test('security.txt follows RFC 9116 when a contact is set', async ({ request }) => {
	const res = await request.get('/.well-known/security.txt');
	if (!process.env.WEGWIJS_SECURITY_CONTACT) {
		expect(res.status()).toBe(404);
		return;
	}
	expect(res.status()).toBe(200);
	expect(res.headers()['content-type']).toContain('text/plain');
	const body = await res.text();
	expect(body).toContain(`Contact: ${process.env.WEGWIJS_SECURITY_CONTACT}`);
	expect(body).toMatch(/^Expires: \d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/m);
	expect(body).toContain('Preferred-Languages: nl, en');
	expect(body).toMatch(/^Canonical: https?:\/\/.+\/\.well-known\/security\.txt$/m);
});

test('the privacy and accessibility statements exist in every locale, with the retention the settings hold', async ({
	request
}) => {
	for (const locale of locales) {
		const t = messages(locale);
		const privacy = await request.get(`/${locale}/privacy`);
		expect(privacy.status(), locale).toBe(200);
		const page = await privacy.text();
		expect(page, locale).toContain(t.privacy_title);
		// The seeded region keeps the default policy: 90 days, 12 months.
		expect(page, locale).toContain(fill(t.privacy_retention_contact, { contact_days: '90' }));
		expect(page, locale).toContain(fill(t.privacy_retention_report, { closed_months: '12' }));
		const access = await request.get(`/${locale}/accessibility`);
		expect(access.status(), locale).toBe(200);
		expect(await access.text(), locale).toContain(t.access_status_text);
	}
});

test('the more page and the staff footer link both statements', async ({ page }) => {
	await page.goto('/ro/more');
	const ro = messages('ro');
	await page.getByRole('link', { name: ro.more_privacy_link }).click();
	await expect(page.locator('h1')).toHaveText(ro.privacy_title);
	await page.goto('/ro/more');
	await page.getByRole('link', { name: ro.more_accessibility_link }).click();
	await expect(page.locator('h1')).toHaveText(ro.access_title);

	await page.goto('/staff/login');
	const footer = page.locator('footer.staff-foot');
	await footer.getByRole('link', { name: 'Privacyverklaring' }).click();
	await expect(page).toHaveURL(/\/nl\/privacy$/);
	await page.goto('/staff/login');
	await footer.getByRole('link', { name: 'Toegankelijkheidsverklaring' }).click();
	await expect(page.locator('h1')).toHaveText(messages('nl').access_title);
});

test('the consent choice and the receipt name what each level passes on, as the referral code does', async ({
	browser
}) => {
	const pl = messages('pl');
	const parts = (level: 1 | 2 | 3) =>
		PASSES_ON[level].map((p) => pl[`report_consent_part_${p}`]).join(', ');
	// Without JavaScript: the plain form, then the receipt the server renders.
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/pl/report');
	await expect(page.locator('[data-passes-on="1"]')).toHaveText(pl.report_consent_part_none);
	for (const level of [2, 3] as const)
		await expect(page.locator(`[data-passes-on="${level}"]`)).toHaveText(
			`${pl.report_consent_passes_on} ${parts(level)}.`
		);
	await expect(page.locator('[data-passes-on="2"]')).not.toContainText(
		pl.report_consent_part_contact
	);
	await expect(page.getByText(pl.report_consent_identify)).toBeVisible();
	await page.locator('input[name="group"][value="work"]').check();
	await page.locator('textarea[name="text"]').fill('Consent test.');
	await page.getByRole('radio', { name: pl.report_consent_2_title }).check();
	await page.getByRole('button', { name: pl.report_send }).click();
	await expect(page.getByTestId('receipt')).toBeVisible();
	const chosen = page.locator('.consent-chosen');
	await expect(chosen).toContainText(pl.report_consent_2_title);
	await expect(chosen.locator('[data-passes-on="2"]')).toHaveText(
		`${pl.report_consent_passes_on} ${parts(2)}.`
	);
	await context.close();
});
