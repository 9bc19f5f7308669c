import { expect, test, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import * as adminSocket from '../../src/lib/server/app/admin-socket.ts';
import { messages } from './helpers';
import * as server from './server';
import { completeSetup } from './staff';
import { RULES } from '../../src/lib/server/staff/route-access.ts';

const ro = messages('ro');
const NLA = 'Nederlandse Arbeidsinspectie';
const PASSWORD = 'a long enough pass';

async function staffJson(locale: 'en' | 'nl') {
	return (await import(`../../messages/staff/${locale}.json`, { with: { type: 'json' } }))
		.default as Record<string, string>;
}

/** A staff account made with the admin CLI on this test's server, signed in through its setup link. */
async function account(s: server.RunningServer, page: Page, email: string, extra: string[]) {
	const args = ['user', 'add', '--email', email, '--name', email.split('@')[0], ...extra];
	const r = await adminSocket.send(args, path.join(s.dataDir, 'admin.sock'));
	if (!r || r.code !== 0) throw new Error(`admin failed: ${r?.output}`);
	await completeSetup(page, r.output.trim());
}

async function staffPage(browser: Browser, base: string) {
	const page = await (await browser.newContext({ baseURL: base })).newPage();
	await page.setViewportSize({ width: 1280, height: 900 });
	return page;
}

async function report(browser: Browser, base: string) {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: base });
	const page = await context.newPage();
	await page.goto('/ro/report');
	await page.getByLabel(ro.report_group_work, { exact: true }).check();
	await page.getByLabel(ro.report_situation_underpaid, { exact: true }).check();
	await page.getByLabel(ro.report_gemeente_question).selectOption('tiel');
	await page.getByLabel(ro.report_text_label).fill('Nu primim salariul de două luni.');
	await page.getByRole('radio', { name: ro.report_consent_2_title }).check();
	await page.getByRole('button', { name: ro.report_send }).click();
	await expect(page.getByTestId('receipt')).toBeVisible();
	await context.close();
}

test('a partner user of the NLA signs in with TOTP, sees only its referral, answers it, and finds the rest of the back office 404', async ({
	browser
}) => {
	test.setTimeout(240_000);
	const s = await server.start();
	test.info().attachments.push({ name: 'log', path: s.logFile, contentType: 'text/plain' });
	const en = await staffJson('en');
	const nl = await staffJson('nl');
	try {
		await report(browser, s.url);

		// A handler refers the report to the NLA.
		const handler = await staffPage(browser, s.url);
		await account(s, handler, 'handler@pa.example.test', [
			'--role',
			'handler',
			'--gemeente',
			'tiel',
			'--locale',
			'en'
		]);
		await handler.goto('/staff/inbox');
		await handler.locator('table.inbox a').first().click();
		await handler.waitForURL(/\/staff\/reports\//);
		const caseUrl = new URL(handler.url()).pathname;
		await handler.getByLabel(en.staff_case_template).selectOption('acknowledged');
		await handler.getByRole('button', { name: en.staff_case_send_reply }).click();
		await expect(handler.getByRole('status')).toHaveText(en.staff_case_saved);
		await handler.getByRole('checkbox', { name: new RegExp(NLA) }).check();
		await handler.getByLabel(en.staff_case_redacted_text).fill('Workers are not paid.');
		await handler.getByRole('button', { name: en.staff_case_refer_submit }).click();
		await expect(handler.getByTestId('case-status')).toHaveText(en.staff_status_referred);

		// The NLA's user lands on its inbox after password and TOTP.
		const partner = await staffPage(browser, s.url);
		await account(s, partner, 'inspecteur@nla.example.test', [
			'--role',
			'partner',
			'--partner',
			'rivierenland:nla'
		]);
		await expect(partner).toHaveURL(/\/staff\/partner$/);
		await expect(partner.getByRole('heading', { level: 1 })).toHaveText(
			nl.staff_partner_title.replace('{partner}', NLA)
		);
		const rows = partner.locator('[data-testid=partner-inbox] tbody tr');
		await expect(rows).toHaveCount(1);
		await expect(rows.first()).toHaveAttribute('data-status', 'new');
		await partner.screenshot({ path: test.info().outputPath('partner-inbox.png'), fullPage: true });
		await rows.first().getByRole('link').click();
		await expect(partner.getByTestId('package')).toContainText('Workers are not paid.');
		const referralUrl = new URL(partner.url()).pathname;
		await partner.getByRole('button', { name: nl.staff_desk_acknowledge }).click();
		await expect(partner.getByRole('status')).toHaveText(nl.staff_desk_acknowledged_done);
		await partner.getByLabel(nl.staff_referral_answer_taken_up).check();
		await partner.getByLabel(nl.staff_desk_message).fill('We nemen contact op met de werkgever.');
		await partner.getByRole('button', { name: nl.staff_desk_send }).click();
		await expect(partner.getByRole('status')).toHaveText(nl.staff_desk_answered_done);
		await partner.screenshot({
			path: test.info().outputPath('partner-referral.png'),
			fullPage: true
		});
		await partner.goto('/staff/partner');
		await expect(rows.first()).toHaveAttribute('data-status', 'answered');

		// Nothing else of the back office exists for it: every page, action and endpoint of the
		// route table, with this very case, its referral and photo ids filled in.
		const caseId = caseUrl.split('/').pop()!;
		const referralId = referralUrl.split('/').pop()!;
		const own = ['/staff/account', '/staff/partner', '/staff/partner/[referral=uuid]'];
		let swept = 0;
		for (const [id, rule] of Object.entries(RULES)) {
			if (!id.startsWith('/staff/') || id.startsWith('/staff/desk/')) continue;
			if (own.includes(id) || id.startsWith('/staff/partner/')) continue;
			const all = [
				rule.page,
				...Object.values(rule.actions ?? {}),
				...Object.values(rule.methods ?? {})
			];
			if (all.includes('signin')) continue;
			const url = id
				.replace('[id=uuid]', caseId)
				.replace('[referral=uuid]', referralId)
				.replace('[photo=uuid]', '00000000-0000-4000-8000-000000000001')
				.replace('[gemeente]', 'tiel');
			const requests = [
				...(rule.page || rule.methods?.GET
					? [() => partner.request.get(url, { maxRedirects: 0 })]
					: []),
				...Object.keys(rule.actions ?? {}).map(
					(a) => () =>
						partner.request.post(`${url}?/${a}`, {
							headers: { origin: s.url, 'sec-fetch-site': 'same-origin' },
							form: { id: caseId },
							maxRedirects: 0
						})
				)
			];
			for (const request of requests) {
				expect((await request()).status(), id).toBe(404);
				swept++;
			}
		}
		expect(swept).toBeGreaterThan(40);

		// The handler reads the answer as the partner's note.
		await handler.goto(caseUrl);
		await expect(handler.getByText('We nemen contact op met de werkgever.')).toBeVisible();

		// Another partner's user: the NLA's referral does not exist for it.
		const snf = await staffPage(browser, s.url);
		await account(s, snf, 'medewerker@snf.example.test', [
			'--role',
			'partner',
			'--partner',
			'rivierenland:snf'
		]);
		await expect(snf.locator('[data-testid=partner-inbox]')).toHaveCount(0);
		expect((await snf.request.get(referralUrl, { maxRedirects: 0 })).status()).toBe(404);

		// Signing in again takes the password and then a TOTP code, like every staff user.
		const again = await staffPage(browser, s.url);
		await again.goto('/staff/login');
		await again.locator('input[name=email]').fill('inspecteur@nla.example.test');
		await again.locator('input[name=password]').fill(PASSWORD);
		await again.getByRole('button', { name: nl.staff_login_submit }).click();
		await expect(again).toHaveURL(/\/staff\/totp(\?|$)/);
		expect((await again.request.get('/staff/partner', { maxRedirects: 0 })).status()).toBe(303);
	} finally {
		await s.stop();
	}
});
