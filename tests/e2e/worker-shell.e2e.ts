import { expect, test } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '../..');
const messages = (l: string) =>
	JSON.parse(fs.readFileSync(path.join(root, 'messages', `${l}.json`), 'utf8')) as Record<
		string,
		string
	>;

test('the home page speaks Polish, Romanian and Bulgarian, with lang and dir set', async ({
	page
}) => {
	for (const locale of ['pl', 'ro', 'bg']) {
		await page.goto(`/${locale}`);
		await expect(page.locator('html')).toHaveAttribute('lang', locale);
		await expect(page.locator('html')).toHaveAttribute('dir', 'ltr');
		await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages(locale).home_title);
		await expect(page.getByRole('navigation', { name: messages(locale).nav_label })).toBeVisible();
	}
});

test('a first visit without a locale goes to the best match of Accept-Language', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'ro-RO' });
	const page = await context.newPage();
	await page.goto('/');
	expect(new URL(page.url()).pathname).toBe('/ro');
	await context.close();
});

test('the language switcher names each language in itself and keeps the page', async ({ page }) => {
	await page.goto('/en/more');
	await page.getByRole('link', { name: messages('en').shell_change_language }).click();
	await expect(page.getByRole('link', { name: 'Українська' })).toBeVisible();
	await expect(page.getByRole('link', { name: 'Magyar' })).toBeVisible();
	await page.getByRole('link', { name: 'Română' }).click();
	await expect(page).toHaveURL(/\/ro\/more$/);
	await expect(page.locator('html')).toHaveAttribute('lang', 'ro');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(messages('ro').more_title);
});

test('an unknown locale prefix answers 404 with a translated page, never a 500', async ({
	browser
}) => {
	const context = await browser.newContext({ locale: 'pl-PL' });
	const page = await context.newPage();
	const r = await page.goto('/xx/report', { waitUntil: 'commit' });
	expect(r?.status()).toBe(404);
	const r2 = await page.goto('/zz');
	expect(r2?.status()).toBe(404);
	await expect(page.getByText(messages('pl').error_not_found)).toBeVisible();
	await context.close();
});

test('no page makes a request to another origin', async ({ page }) => {
	const foreign: string[] = [];
	page.on('request', (req) => {
		const u = new URL(req.url());
		if (!['127.0.0.1', 'localhost'].includes(u.hostname) && u.protocol !== 'data:')
			foreign.push(req.url());
	});
	for (const p of ['/en', '/pl/more', '/uk/language', '/staff/login']) {
		await page.goto(p);
		await page.waitForLoadState('networkidle');
	}
	expect(foreign).toEqual([]);
});

test('pages carry the security headers', async ({ request }) => {
	const r = await request.get('/en');
	const h = r.headers();
	expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
	expect(h['content-security-policy']).toContain("script-src 'self'");
	expect(h['content-security-policy']).not.toMatch(/https?:\/\//);
	expect(h['referrer-policy']).toBe('no-referrer');
	expect(h['x-content-type-options']).toBe('nosniff');
	expect(h['permissions-policy']).toContain('camera=()');
	expect(h['permissions-policy']).toContain('geolocation=()');
	const staff = await request.get('/staff/login');
	expect(staff.headers()['cache-control']).toBe('no-store');
});
