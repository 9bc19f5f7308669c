import { expect, test } from '@playwright/test';
import { demoId } from '../../src/lib/server/app/seed/facilities.ts';
import { signIn } from './staff';

const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];
const PAGES = [
	'',
	'/report',
	'/report/follow-up',
	'/guides',
	'/guides/registering',
	'/map',
	'/welcome',
	'/welcome/tiel',
	'/more',
	'/survey',
	'/glossary',
	'/language',
	'/today'
];

const STAFF_PAGES = [
	'/staff',
	'/staff/inbox',
	'/staff/statistics',
	'/staff/audit',
	'/staff/settings',
	'/staff/templates',
	'/staff/questions',
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
];

/** What a person would trip over at this width: sideways scroll, clipped text, split words. */
function problems(): string[] {
	const out: string[] = [];
	const de = document.documentElement;
	if (de.scrollWidth > window.innerWidth + 1) out.push(`scrolls sideways (${de.scrollWidth}px)`);
	for (const el of document.querySelectorAll<HTMLElement>('body *')) {
		const cs = getComputedStyle(el);
		if (cs.display === 'none' || cs.visibility === 'hidden' || !el.offsetParent) continue;
		const clips =
			cs.overflowX === 'hidden' ||
			cs.overflowX === 'clip' ||
			cs.textOverflow === 'ellipsis' ||
			cs.whiteSpace === 'nowrap';
		if (
			el.children.length === 0 &&
			el.textContent?.trim() &&
			// Text for screen readers only (SvelteKit's route announcer) is 1 px wide on purpose.
			el.clientWidth > 1 &&
			el.scrollWidth > el.clientWidth + 1 &&
			clips
		)
			out.push(`clipped: "${el.textContent.trim().slice(0, 40)}"`);
	}
	// Labels people tap or scan may not split a word; running text may hyphenate.
	const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
	const range = document.createRange();
	for (let n = walker.nextNode() as Text | null; n; n = walker.nextNode() as Text | null) {
		const host = n.parentElement;
		if (!host?.offsetParent || host.closest('script,style,textarea,pre,code')) continue;
		if (!host.closest('h1,h2,h3,h4,nav,button,label,summary,th,[role=tab],.button')) continue;
		const re = /[\p{L}\p{M}]{4,}/gu;
		for (let m = re.exec(n.data); m; m = re.exec(n.data)) {
			range.setStart(n, m.index);
			range.setEnd(n, m.index + m[0].length);
			const tops = new Set(
				[...range.getClientRects()].filter((q) => q.width > 0).map((q) => Math.round(q.top))
			);
			if (tops.size > 1) out.push(`word split: "${m[0]}"`);
		}
	}
	return [...new Set(out)];
}

test('every worker page in every locale fits 320 and 360 px: no sideways scroll, nothing clipped, no split word', async ({
	page
}) => {
	test.setTimeout(240_000);
	const found: string[] = [];
	for (const locale of LOCALES) {
		for (const path of PAGES) {
			await page.setViewportSize({ width: 360, height: 740 });
			await page.goto(`/${locale}${path}`, { waitUntil: 'load' });
			for (const width of [360, 320]) {
				await page.setViewportSize({ width, height: 740 });
				for (const p of await page.evaluate(problems))
					found.push(`/${locale}${path} @${width}: ${p}`);
			}
		}
	}
	expect(found).toEqual([]);
});

test('every staff page in Dutch and English fits 1280 px: no sideways scroll, nothing clipped, no split word', async ({
	browser
}) => {
	test.setTimeout(180_000);
	const found: string[] = [];
	for (const locale of ['nl', 'en'] as const) {
		const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
		const page = await context.newPage();
		await page.goto('/staff/login');
		found.push(...(await page.evaluate(problems)).map((p) => `${locale} /staff/login: ${p}`));
		await signIn(page, 'coordinator', [], locale);
		for (const path of STAFF_PAGES) {
			const r = await page.goto(path, { waitUntil: 'load' });
			expect(r?.status(), path).toBe(200);
			await expect(page.locator('html'), path).toHaveAttribute('lang', locale);
			for (const p of await page.evaluate(problems)) found.push(`${locale} ${path}: ${p}`);
		}
		await context.close();
	}
	expect(found).toEqual([]);
});

test('staff pages read their words in the user’s language: English, Dutch as soon as it is chosen, also after client navigation', async ({
	page
}) => {
	const read = async (locale: string) =>
		(await import(`../../messages/staff/${locale}.json`, { with: { type: 'json' } }))
			.default as Record<string, string>;
	const [en, nl] = [await read('en'), await read('nl')];
	await signIn(page, 'handler', ['tiel'], 'en');
	await page.goto('/staff/inbox');
	await expect(page.locator('html')).toHaveAttribute('lang', 'en');
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(en.staff_inbox_title);
	await expect(page.getByRole('button', { name: en.staff_logout })).toBeVisible();

	await page.goto('/staff/account');
	const language = page.locator('section[aria-labelledby=account-language]');
	await language.getByRole('combobox', { name: en.staff_account_language }).selectOption('nl');
	await language.getByRole('button', { name: en.staff_save }).click();
	// The answer to the form is already Dutch: the layout's texts and <html lang>.
	await expect(page.locator('html')).toHaveAttribute('lang', 'nl');
	await expect(page.getByRole('heading', { name: nl.staff_account_language })).toBeVisible();
	await expect(page.getByRole('button', { name: nl.staff_logout })).toBeVisible();

	// A link in the menu is followed without reloading; the inbox reads the same Dutch texts, which
	// the navigation's data does not carry again (the staff layout's load does not rerun).
	await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
	// The body is read as soon as it arrives: Chromium lets it go once the page moves on.
	const navigation = page
		.waitForResponse((r) => r.url().includes('/staff/inbox/__data.json'))
		.then((r) => r.text());
	await page
		.getByRole('navigation', { name: nl.staff_nav_label })
		.getByRole('link', { name: nl.staff_inbox_title })
		.click();
	await expect(page).toHaveURL(/\/staff\/inbox$/);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText(nl.staff_inbox_title);
	await expect(page.getByRole('navigation', { name: nl.staff_inbox_by_status })).toBeVisible();
	expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
	const data = await navigation;
	expect(data).toContain('unread');
	expect(data).not.toContain('staffTexts');
	expect(data).not.toContain(nl.staff_account_language);
});

test('staff texts come from a cached script, not inline in a page’s HTML or a form’s answer', async ({
	page
}) => {
	const en = (await import('../../messages/staff/en.json', { with: { type: 'json' } }))
		.default as Record<string, string>;
	await signIn(page, 'handler', ['tiel'], 'en');
	// The scripts the page loads, read again afterwards: Chromium may drop a body it has run.
	const loaded: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') loaded.push(r.url());
	});
	const response = await page.goto('/staff/account');
	await expect(page.getByRole('heading', { name: en.staff_account_language })).toBeVisible();
	await expect(page.getByText(en.staff_mail_topics_text)).toBeVisible();
	const html = await response!.text();
	const scripts = [...html.matchAll(/<script[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join();
	expect(scripts).toContain('staffLocale');
	expect(scripts).not.toContain('staffTexts');
	expect(scripts).not.toContain(en.staff_mail_topics_text);
	// A text of another page (the users page) is nowhere in this one's HTML, only in the script.
	expect(html).not.toContain(en.staff_users_partner_hint);
	const chunks: string[] = [];
	for (const url of new Set(loaded))
		if ((await (await page.request.get(url)).text()).includes(en.staff_users_partner_hint))
			chunks.push(url);
	expect(chunks).toHaveLength(1);
	expect(chunks[0]).toMatch(/\/_app\/immutable\//);

	// What an enhanced form sends and reads: the action's answer, then every load again.
	const answers = await page.evaluate(async () => {
		const body = new FormData();
		body.append('topics', 'replies');
		const action = await fetch('/staff/account?/mail', {
			method: 'POST',
			body,
			headers: { 'x-sveltekit-action': 'true', accept: 'application/json' }
		});
		const data = await fetch('/staff/account/__data.json?x-sveltekit-invalidated=111');
		return [await action.text(), await data.text()];
	});
	expect(answers[0]).toContain('mail');
	expect(answers[1]).toContain('staffLocale');
	for (const answer of answers) {
		expect(answer).not.toContain('staffTexts');
		expect(answer).not.toContain(en.staff_mail_topics_text);
	}
});
