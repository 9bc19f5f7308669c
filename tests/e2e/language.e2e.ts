import { expect, test, type Browser } from '@playwright/test';
import { messages } from './helpers';

async function chooseRomanian(browser: Browser, javaScriptEnabled: boolean) {
	// The browser asks for Polish: only the remembered choice can make `/` open in Romanian.
	const context = await browser.newContext({ locale: 'pl-PL', javaScriptEnabled });
	const page = await context.newPage();
	await page.goto('/en/more');
	await page.getByRole('link', { name: messages('en').shell_change_language }).click();
	// The More page lists the languages too (plain links that keep nothing): wait for the other page.
	await expect(page).toHaveURL(/\/en\/language\?/);
	await page.getByRole('link', { name: 'Română' }).click();
	await expect(page).toHaveURL(/\/ro\/more$/);
	// Only the locale is kept: no other cookie, no identifier in it. (A cookie a script writes
	// reaches the browser's store a moment later, hence the poll.)
	await expect
		.poll(async () => (await context.cookies()).map((c) => [c.name, c.value]))
		// The other cookie is the CSRF same-site marker, the same constant for everyone.
		.toEqual(
			expect.arrayContaining([
				['wegwijs_lang', 'ro'],
				['wegwijs_same_site', '1']
			])
		);
	expect(await context.cookies()).toHaveLength(2);
	await page.goto('/');
	expect(new URL(page.url()).pathname).toBe('/ro');
	await context.close();
}

test('the chosen language is remembered on the device and opens `/`', async ({ browser }) => {
	await chooseRomanian(browser, true);
});

test('without JavaScript the chosen language is remembered too', async ({ browser }) => {
	await chooseRomanian(browser, false);
});
