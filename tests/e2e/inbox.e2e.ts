import { expect, test, type Browser } from '@playwright/test';
import { fill, messages } from './helpers';
import { signIn } from './staff';
import { RULES } from '../../src/lib/server/staff/route-access.ts';

const ro = messages('ro');

async function reportWithoutJs(browser: Browser, overrides: Record<string, string>) {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/ro/report');
	await page.getByLabel(ro.report_group_work, { exact: true }).check();
	await page.getByLabel(ro.report_situation_underpaid, { exact: true }).check();
	await page.getByLabel(ro.report_gemeente_question).selectOption(overrides.gemeente ?? 'tiel');
	await page
		.getByLabel(ro.report_text_label)
		.fill(overrides.text ?? 'Nu primim salariul. Ion Popescu, camera 4.');
	await page.getByRole('radio', { name: ro.report_consent_2_title }).check();
	await page.getByLabel(ro.report_contact_yes, { exact: true }).check();
	await page.getByLabel(ro.report_contact_label).fill('+40 700 000 000');
	await page.getByRole('button', { name: ro.report_send }).click();
	const receipt = (await page.getByTestId('receipt').textContent())!.trim();
	return { context, page, receipt };
}

async function followUp(browser: Browser, receipt: string) {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	await page.goto('/ro/report/follow-up');
	await page.getByLabel(ro.followup_receipt_label).fill(receipt);
	await page.getByRole('button', { name: ro.followup_open }).click();
	return { context, page };
}

test('a handler answers an anonymous Romanian reporter and refers to the NLA within consent level 2', async ({
	browser,
	page
}) => {
	test.setTimeout(120_000);
	// A gemeente no other test writes to, so this handler's inbox holds this report alone.
	const reporter = await reportWithoutJs(browser, {
		gemeente: 'west-maas-en-waal',
		text: 'Nu primim salariul. Ion Popescu, camera 4.'
	});
	await reporter.context.close();

	await signIn(page, 'handler', ['west-maas-en-waal']);
	await page.goto('/staff/inbox');
	const en = (await import('../../messages/staff/en.json', { with: { type: 'json' } }))
		.default as Record<string, string>;
	await page.getByRole('link', { name: 'My work' }).first().click();
	await expect(page.getByTestId('case-consent')).toContainText('2');
	await expect(page.getByText('Nu primim salariul.')).toBeVisible();

	// A standard reply, read by the reporter in Romanian.
	await page.getByLabel(en.staff_case_template).selectOption('acknowledged');
	await page.getByRole('button', { name: en.staff_case_send_reply }).click();
	await expect(page.getByRole('status')).toHaveText(en.staff_case_saved);
	await expect(page.getByTestId('case-status')).toHaveText(en.staff_status_acknowledged);

	const seen = await followUp(browser, reporter.receipt);
	await expect(seen.page.getByText(ro.report_template_acknowledged)).toBeVisible();
	await expect(seen.page.getByTestId('status')).toHaveText(ro.report_status_acknowledged);
	await seen.context.close();

	// Refer to the NLA with a redacted text; the contact details must not travel at level 2.
	await page.getByRole('checkbox', { name: /Nederlandse Arbeidsinspectie/ }).check();
	await page.getByLabel(en.staff_case_redacted_text).fill('Workers are not paid. [name removed]');
	await page.getByRole('button', { name: en.staff_case_refer_submit }).click();
	await expect(page.getByRole('status')).toHaveText(en.staff_case_saved);
	await expect(page.getByTestId('case-status')).toHaveText(en.staff_status_referred);
	const caseUrl = new URL(page.url()).pathname;
	await page.getByRole('link', { name: 'Nederlandse Arbeidsinspectie' }).click();
	const pkg = page.getByTestId('package');
	await expect(pkg).toContainText('Workers are not paid. [name removed]');
	await expect(pkg).not.toContainText('Ion Popescu');
	await expect(pkg).not.toContainText('+40 700');
	await expect(page.getByTestId('package-contact')).toHaveText(en.staff_package_no_contact);

	const after = await followUp(browser, reporter.receipt);
	await expect(after.page.getByTestId('status')).toHaveText(ro.report_status_referred);
	const today = new Date().toLocaleDateString('ro', {
		day: 'numeric',
		month: 'long',
		year: 'numeric'
	});
	// In the thread (the timeline above says it too).
	await expect(
		after.page
			.locator('ol.thread')
			.getByText(
				fill(ro.report_template_referred, { partner: 'Nederlandse Arbeidsinspectie', date: today })
			)
	).toBeVisible();
	await expect(after.page.getByTestId('timeline')).toContainText('Nederlandse Arbeidsinspectie');
	await after.context.close();

	// The NLA answers (by phone); the handler records "taken up" with the partner's own words.
	await page.goto(caseUrl);
	const answer = page.locator('form[action="?/outcome"]');
	await answer.getByLabel(en.staff_referral_answer).selectOption('taken_up');
	await answer.getByLabel(en.staff_case_outcome).fill('Inspecteur komt dinsdag langs.');
	await answer.getByRole('button', { name: en.staff_save }).click();
	await expect(page.getByRole('status')).toHaveText(en.staff_case_saved);
	await expect(page.getByLabel(en.staff_referral_answer)).toHaveValue('taken_up');
	const answered = await followUp(browser, reporter.receipt);
	await expect(
		answered.page.getByText(
			fill(ro.report_template_partner_taken_up, { partner: 'Nederlandse Arbeidsinspectie' })
		)
	).toBeVisible();
	await expect(answered.page.getByText('Inspecteur komt')).toHaveCount(0);
	await answered.context.close();
});

test('a handler of one gemeente gets 404 for every staff route and action of another gemeente', async ({
	browser,
	page,
	request
}) => {
	test.setTimeout(120_000);
	const make = async (gemeente: string) => {
		const r = await request.post('/api/v1/reports', {
			data: {
				submission_key: `iso-${gemeente}-${Date.now()}-xxxxxxxxxxxx`,
				group: 'housing',
				situations: ['overcrowded'],
				gemeente,
				text: 'x',
				consent: 3
			}
		});
		expect(r.status()).toBe(201);
	};
	await make('buren');
	await make('tiel');
	// A coordinator finds the ids (the API never reveals them).
	const coordinatorPage = await (await browser.newContext()).newPage();
	await signIn(coordinatorPage, 'coordinator');
	const idOf = async (gemeente: string) => {
		await coordinatorPage.goto(`/staff/inbox?gemeente=${gemeente}`);
		const href = await coordinatorPage.locator('table.inbox a').first().getAttribute('href');
		return href!.split('/').pop()!;
	};
	const other = await idOf('buren');
	const own = await idOf('tiel');

	await signIn(page, 'handler', ['tiel']);
	const api = page.request;
	const missing = '00000000-0000-4000-8000-000000000000';
	// Per-response CSP nonces aside, the body must be byte for byte the same.
	const normal = (html: string) =>
		html.replaceAll(other, missing).replace(/nonce="[^"]+"/g, 'nonce=""');
	const notFoundBody = normal(await (await api.get(`/staff/reports/${missing}`)).text());
	expect((await api.get(`/staff/reports/${own}`)).status()).toBe(200);

	let checked = 0;
	for (const [id, rule] of Object.entries(RULES)) {
		// Staff routes only; worker routes with an [id] (places, surveys) are public by design.
		if (!id.includes('[id=uuid]') || !id.startsWith('/staff/')) continue;
		const path = id
			.replace('[id=uuid]', other)
			.replace('[photo=uuid]', missing)
			.replace('[referral=uuid]', missing);
		if (rule.page) {
			const r = await api.get(path);
			expect(r.status(), `GET ${path}`).toBe(404);
			// The same answer as for a report that does not exist (the page embeds its own URL).
			if (
				id.startsWith('/staff/reports/') &&
				!id.includes('[photo=uuid]') &&
				!id.includes('[referral=uuid]')
			) {
				expect(normal(await r.text())).toBe(notFoundBody);
			}
			checked++;
		}
		for (const action of Object.keys(rule.actions ?? {})) {
			const r = await api.post(`${path}?/${action}`, {
				headers: { origin: new URL(page.url()).origin },
				form: {
					version: '1',
					to: 'closed',
					reason: 'resolved',
					text: 'x',
					priority: 'low',
					gemeente: 'unknown'
				}
			});
			expect(r.status(), `POST ${path}?/${action}`).toBe(404);
			checked++;
		}
		for (const method of Object.keys(rule.methods ?? {})) {
			const r = await api.fetch(path, { method, headers: { origin: new URL(page.url()).origin } });
			expect(r.status(), `${method} ${path}`).toBe(404);
			checked++;
		}
	}
	expect(checked).toBeGreaterThanOrEqual(11);
	// The inbox lists no report of the other gemeente, even when asked for it.
	await page.goto('/staff/inbox?gemeente=buren');
	await expect(page.locator(`a[href="/staff/reports/${other}"]`)).toHaveCount(0);
});
