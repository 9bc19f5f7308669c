import { expect, test } from '@playwright/test';
import { messages } from './helpers';
import { signIn } from './staff';

const ro = messages('ro');
const pl = messages('pl');

test('a coordinator posts Romanian news for one gemeente; the Romanian home page shows it, the Polish one does not', async ({
	browser,
	page
}) => {
	test.setTimeout(90_000);
	const staffEn = (await import('../../messages/staff/en.json', { with: { type: 'json' } }))
		.default as Record<string, string>;
	await signIn(page, 'coordinator');
	await page.goto('/staff/news');
	// A language opened before the scripts have run would close again as the page hydrates.
	await expect(page.locator('html')).toHaveAttribute('data-ready', '');
	const title = `Consultații gratuite ${Date.now()}`;
	await page.getByLabel(staffEn.staff_news_gemeente).selectOption('buren');
	await page.locator('summary', { hasText: 'Română' }).click();
	await page.getByLabel(`${staffEn.staff_news_item_title} — Română`).fill(title);
	await page
		.getByLabel(`${staffEn.staff_news_body} — Română`)
		.fill('Joi, la primărie, ajutor cu contractul de muncă.');
	await expect(page.getByLabel(`${staffEn.staff_news_body} — Română`)).toHaveValue(/Joi/);
	await page.getByRole('button', { name: staffEn.staff_news_post }).click();
	await expect(page.getByRole('status')).toHaveText(staffEn.staff_news_posted);
	await expect(page.getByText(title)).toBeVisible();

	const worker = await browser.newContext({ javaScriptEnabled: false });
	const home = await worker.newPage();
	await home.goto('/ro');
	const news = home.getByRole('region', { name: ro.news_heading });
	await expect(news.getByRole('heading', { name: title })).toBeVisible();
	await expect(news).toContainText(ro.news_from.replace('{gemeente}', 'Buren'));
	await home.setViewportSize({ width: 360, height: 900 });
	await home.screenshot({ path: 'test-results/push-home-ro.png' });
	await home.goto('/pl');
	await expect(home.getByText(title)).toHaveCount(0);
	await worker.close();
});

test('the More page offers news messages in the worker’s language, after JavaScript runs only', async ({
	browser,
	page
}) => {
	await page.goto('/pl/more');
	const section = page.getByRole('region', { name: pl.push_heading });
	await expect(section).toBeVisible();
	await expect(section.getByLabel(pl.push_news_gemeente)).toContainText('Tiel');
	await expect(section.getByRole('button', { name: pl.push_news_on })).toBeVisible();
	await expect(section).toContainText(pl.push_none);
	await page.setViewportSize({ width: 360, height: 900 });
	await page.screenshot({ path: 'test-results/push-more-pl.png', fullPage: true });

	const noJs = await browser.newContext({ javaScriptEnabled: false });
	const plain = await noJs.newPage();
	await plain.goto('/pl/more');
	await expect(plain.getByText(pl.push_heading)).toHaveCount(0);
	await noJs.close();
});

test('the More page turns news on and off with its small script, and says when it did not work', async ({
	page
}) => {
	// This browser has no push service: the subscription is the browser's part, faked here; what
	// is tested is the page's script and the calls it makes to our API.
	await page.addInitScript(() => {
		const sub = {
			endpoint: 'https://push.example/wegwijs-e2e',
			toJSON: () => ({ endpoint: sub.endpoint, keys: { p256dh: 'p', auth: 'a' } })
		};
		let current: typeof sub | null = null;
		Notification.requestPermission = async () => 'granted';
		PushManager.prototype.getSubscription = async () => current as unknown as PushSubscription;
		PushManager.prototype.subscribe = async () => (current = sub) as unknown as PushSubscription;
	});
	const listed: Array<{ id: string; topic: 'news'; locale: string; gemeente: string }> = [];
	const created: unknown[] = [];
	let answer = 201;
	await page.route('**/api/v1/push/subscriptions/query', (route) =>
		route.fulfill({ json: { subscriptions: listed } })
	);
	await page.route('**/api/v1/push/subscriptions', async (route) => {
		const body = route.request().postDataJSON() as Record<string, string>;
		if (route.request().method() === 'DELETE') listed.splice(0, listed.length);
		else {
			created.push(body);
			if (answer === 201)
				listed.push({ id: 's1', topic: 'news', locale: body.locale, gemeente: 'Tiel' });
		}
		await route.fulfill({ status: route.request().method() === 'DELETE' ? 200 : answer, json: {} });
	});

	await page.goto('/pl/more');
	const section = page.getByRole('region', { name: pl.push_heading });
	await section.getByLabel(pl.push_news_gemeente).selectOption({ label: 'Tiel' });
	await section.getByRole('button', { name: pl.push_news_on }).click();
	await expect(section.getByRole('status')).toHaveText(pl.push_done);
	expect(created).toEqual([
		expect.objectContaining({ topic: 'news', locale: 'pl', gemeente: 'tiel' })
	]);
	await expect(section.getByRole('listitem')).toContainText(
		pl.push_topic_news.replace('{gemeente}', 'Tiel')
	);
	await expect(section.getByText(pl.push_none)).toBeHidden();

	await section.getByRole('button', { name: pl.push_remove }).click();
	await expect(section.getByRole('listitem')).toHaveCount(0);
	await expect(section.getByText(pl.push_none)).toBeVisible();

	answer = 429;
	await section.getByRole('button', { name: pl.push_news_on }).click();
	await expect(section.getByRole('status')).toHaveText(pl.push_throttled);
	await expect(section.getByRole('button', { name: pl.push_news_on })).toBeEnabled();
});

test('the follow-up page never offers a notice about the report (it would show on the lock screen)', async ({
	browser,
	page
}) => {
	const noJs = await browser.newContext({ javaScriptEnabled: false });
	const form = await noJs.newPage();
	await form.goto('/ro/report');
	await form.getByLabel(ro.report_group_work, { exact: true }).check();
	await form.getByLabel(ro.report_situation_underpaid, { exact: true }).check();
	await form.getByLabel(ro.report_gemeente_question).selectOption('tiel');
	await form.getByLabel(ro.report_text_label).fill('Nu primim salariul de două luni.');
	await form.getByRole('radio', { name: ro.report_consent_1_title }).check();
	await form.getByLabel(ro.report_contact_no, { exact: true }).check();
	await form.getByRole('button', { name: ro.report_send }).click();
	const receipt = (await form.getByTestId('receipt').textContent())!.trim();
	await noJs.close();

	await page.setViewportSize({ width: 360, height: 800 });
	await page.goto('/ro/report/follow-up');
	await expect(page.getByRole('region', { name: ro.push_heading })).toHaveCount(0);
	await page.getByLabel(ro.followup_receipt_label).fill(receipt);
	await page.getByRole('button', { name: ro.followup_open }).click();
	await expect(page.getByTestId('status')).toBeVisible();
	// Issue #17: reporter push is removed; see the README.
	await expect(page.getByRole('region', { name: ro.push_heading })).toHaveCount(0);
});

test('the service worker shows a pushed message as it is, and a tap never leads outside the site', async ({
	page,
	context
}) => {
	await context.grantPermissions(['notifications']);
	await page.goto('/pl');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	const cdp = await context.newCDPSession(page);
	await cdp.send('ServiceWorker.enable');
	const registrationId = await new Promise<string>((resolve) => {
		cdp.on('ServiceWorker.workerRegistrationUpdated', ({ registrations }) => {
			const r = registrations.find((x: { scopeURL: string }) => x.scopeURL.endsWith('/'));
			if (r) resolve(r.registrationId);
		});
	});
	const origin = new URL(page.url()).origin;
	const shown = () =>
		page.evaluate(async () =>
			(await (await navigator.serviceWorker.ready).getNotifications()).map((n) => ({
				title: n.title,
				body: n.body,
				url: (n.data as { url: string }).url
			}))
		);
	const message = { title: 'Wegwijs', body: pl.push_news_body, url: '/pl' };
	const deliver = () =>
		cdp.send('ServiceWorker.deliverPushMessage', {
			origin,
			registrationId,
			data: JSON.stringify(message)
		});
	await deliver();
	// A push delivered while the worker is still starting can be dropped by the browser (seen on
	// a loaded CI machine): deliver again while nothing is shown, then compare what is shown.
	await expect
		.poll(
			async () => {
				const now = await shown();
				if (now.length === 0) await deliver();
				return now.some((n) => JSON.stringify(n) === JSON.stringify(message));
			},
			{ timeout: 30_000 }
		)
		.toBe(true);
	expect((await shown()).every((n) => JSON.stringify(n) === JSON.stringify(message))).toBe(true);
	const evil = () =>
		cdp.send('ServiceWorker.deliverPushMessage', {
			origin,
			registrationId,
			data: JSON.stringify({ title: 'x', body: 'y', url: 'https://evil.example/' })
		});
	await evil();
	// As above: deliver again while the browser has dropped it.
	await expect
		.poll(
			async () => {
				const url = (await shown()).find((n) => n.title === 'x')?.url;
				if (url === undefined) await evil();
				return url;
			},
			{ timeout: 30_000 }
		)
		.toBe('/');
});

test('the push key and subscription API answer as the OpenAPI document says', async ({
	request
}) => {
	const key = await request.get('/api/v1/push/key');
	expect(key.status()).toBe(200);
	expect(Buffer.from((await key.json()).publicKey, 'base64url')).toHaveLength(65);
	const bad = await request.post('/api/v1/push/subscriptions', {
		data: {
			subscription: {
				endpoint: 'https://169.254.169.254/latest',
				// Well-formed keys, so the endpoint is what is refused.
				keys: {
					p256dh: Buffer.concat([Buffer.from([4]), Buffer.alloc(64, 1)]).toString('base64url'),
					auth: Buffer.alloc(16, 2).toString('base64url')
				}
			},
			topic: 'news',
			locale: 'pl',
			gemeente: 'tiel'
		},
		headers: { 'sec-fetch-site': 'same-origin' }
	});
	expect(bad.status()).toBe(400);
	expect(await bad.json()).toEqual({ error: 'endpoint' });
	const doc = await (await request.get('/api/v1/openapi.json')).json();
	expect(Object.keys(doc.paths)).toEqual(
		expect.arrayContaining(['/api/v1/push/key', '/api/v1/push/subscriptions'])
	);
});
