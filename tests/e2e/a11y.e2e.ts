// WCAG 2.2 A/AA with axe-core on every worker page in all 13 locales and on the staff pages.
import { expect, test } from '@playwright/test';
import { demoId } from '../../src/lib/server/app/seed/facilities.ts';
import { violations } from './helpers';
import { signIn } from './staff';

const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];
const WORKER_PAGES = [
	'',
	'/more',
	'/language',
	'/report',
	'/report/follow-up',
	'/offline',
	'/today',
	'/map',
	'/map?category=huisarts&open=1',
	`/places/${demoId('tiel-huisarts-centrum')}`,
	'/guides',
	'/guides/registering',
	'/guides/work-rights',
	'/glossary',
	'/welcome',
	'/welcome/tiel',
	'/welcome/tiel/print',
	'/welcome/tiel/flyer',
	'/survey',
	'/feedback'
];

for (const locale of LOCALES) {
	test(`worker pages in ${locale} have no WCAG 2.2 A/AA violations`, async ({ page }) => {
		// Axe on about twenty pages takes ~20 s alone; two workers on two busy cores need more.
		test.setTimeout(150_000);
		for (const p of WORKER_PAGES) {
			await page.goto(`/${locale}${p}`);
			expect(await violations(page), `/${locale}${p}`).toEqual([]);
		}
	});
}

test('the privacy and accessibility statements have no violations', async ({ page }) => {
	for (const p of ['/uk/privacy', '/pl/accessibility', '/en/privacy', '/nl/accessibility']) {
		await page.goto(p);
		expect(await violations(page), p).toEqual([]);
	}
});

test('the guided report steps and the receipt have no violations', async ({ page }) => {
	await page.goto('/en/report');
	for (let step = 0; step < 7; step++) {
		if (step === 0) await page.locator('input[name=group][value=work]').check();
		expect(await violations(page), `step ${step + 1}`).toEqual([]);
		const next = page.locator('.step-nav .button:not(.secondary)');
		if (step < 6) await next.click();
	}
});

test('staff pages have no violations', async ({ page }) => {
	await page.goto('/staff/login');
	expect(await violations(page), '/staff/login').toEqual([]);
	await signIn(page, 'coordinator');
	for (const p of [
		'/staff',
		'/staff/inbox',
		'/staff/assisted',
		'/staff/statistics',
		'/staff/audit',
		'/staff/settings',
		'/staff/templates',
		'/staff/facilities',
		'/staff/facilities/new',
		`/staff/facilities/${demoId('tiel-ggd')}`,
		'/staff/welcome',
		'/staff/welcome/tiel',
		'/staff/facts',
		'/staff/news',
		'/staff/account',
		'/staff/surveys',
		'/staff/results',
		'/staff/moderation',
		'/staff/feedback',
		'/staff/yousaid'
	]) {
		await page.goto(p);
		expect(await violations(page), p).toEqual([]);
	}
	// The starter survey's builder and its results (a survey that exists on every start).
	await page.goto('/staff/results');
	await page.getByRole('link', { name: 'Hoe gaat het met je?' }).click();
	expect(await violations(page), page.url()).toEqual([]);
	await page.goto('/staff/surveys');
	await page.getByRole('link', { name: 'Hoe gaat het met je?' }).click();
	expect(await violations(page), page.url()).toEqual([]);
});

test('the survey page has no violations in its steps', async ({ page }) => {
	await page.goto('/pl/survey');
	await page.getByRole('link', { name: /Jak się masz/ }).click();
	await expect(page.locator('progress')).toBeVisible();
	expect(await violations(page), 'survey step 1').toEqual([]);
});

test('the report flow works with the keyboard alone, with a visible focus', async ({ page }) => {
	await page.goto('/en/report');
	// Tab to the first subject choice and pick it with the space bar.
	let found = false;
	for (let i = 0; i < 30 && !found; i++) {
		await page.keyboard.press('Tab');
		found = await page.evaluate(
			() => (document.activeElement as HTMLInputElement | null)?.name === 'group'
		);
	}
	expect(found).toBe(true);
	const outline = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle);
	expect(outline).not.toBe('none');
	await page.keyboard.press('Space');
	await expect(page.locator('input[name=group]:checked')).toHaveCount(1);
});

test('at 200 % zoom on a 360 px screen no worker page scrolls sideways', async ({ browser }) => {
	const context = await browser.newContext({
		viewport: { width: 180, height: 370 },
		deviceScaleFactor: 2
	});
	const page = await context.newPage();
	for (const p of WORKER_PAGES) {
		await page.goto(`/pl${p}`);
		const wide = await page.evaluate(
			() => document.documentElement.scrollWidth - document.documentElement.clientWidth
		);
		expect(wide, `/pl${p}`).toBeLessThanOrEqual(0);
	}
	await context.close();
});

// Its own test: the long list above is near its time limit on a busy machine.
test('the own-questions page has no violations, also with a refused form', async ({ page }) => {
	await signIn(page, 'coordinator');
	await page.goto('/staff/questions');
	expect(await violations(page), '/staff/questions').toEqual([]);
	await page.locator('form[action="?/save"] button').click();
	await expect(page.getByRole('alert')).toBeVisible();
	expect(await violations(page), 'refused').toEqual([]);
});
