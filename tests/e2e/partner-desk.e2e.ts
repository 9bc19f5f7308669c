import { expect, test, type Browser, type Page } from '@playwright/test';
import path from 'node:path';
import * as adminSocket from '../../src/lib/server/app/admin-socket.ts';
import { fill, messages } from './helpers';
import * as server from './server';
import { completeSetup } from './staff';
import { RULES } from '../../src/lib/server/staff/route-access.ts';
import * as smtp from '../smtp-peer';

const ro = messages('ro');
const NLA = 'Nederlandse Arbeidsinspectie';
const NLA_MAIL = 'meldingen@nla.example.test';
const REPORT_TEXT = 'Nu primim salariul. Ion Popescu, camera 4.';

async function staffJson(locale: 'en' | 'nl') {
	return (await import(`../../messages/staff/${locale}.json`, { with: { type: 'json' } }))
		.default as Record<string, string>;
}

/** A staff account on this test's own server, signed in through its setup link. */
async function staffOn(s: server.RunningServer, page: Page, role: string, gemeenten: string[]) {
	const args = ['user', 'add', '--email', `${role}@desk.example.test`, '--name', `${role} desk`];
	args.push('--role', role, '--locale', 'en');
	for (const g of gemeenten) args.push('--gemeente', g);
	const r = await adminSocket.send(args, path.join(s.dataDir, 'admin.sock'));
	if (!r || r.code !== 0) throw new Error(`admin failed: ${r?.output}`);
	await completeSetup(page, r.output.trim());
}

async function reportWithoutJs(browser: Browser, base: string) {
	const context = await browser.newContext({ javaScriptEnabled: false, baseURL: base });
	const page = await context.newPage();
	await page.goto('/ro/report');
	await page.getByLabel(ro.report_group_work, { exact: true }).check();
	await page.getByLabel(ro.report_situation_underpaid, { exact: true }).check();
	await page.getByLabel(ro.report_gemeente_question).selectOption('tiel');
	await page.getByLabel(ro.report_text_label).fill(REPORT_TEXT);
	await page.getByRole('radio', { name: ro.report_consent_2_title }).check();
	await page.getByLabel(ro.report_contact_yes, { exact: true }).check();
	await page.getByLabel(ro.report_contact_label).fill('+40 700 000 000');
	await page.getByRole('button', { name: ro.report_send }).click();
	const receipt = (await page.getByTestId('receipt').textContent())!.trim();
	await context.close();
	return receipt;
}

test('a referral to the NLA reaches the partner desk by mail and code, and its answer comes back to the case and to the Romanian reporter', async ({
	browser
}) => {
	test.setTimeout(240_000);
	// Its own server, so its mail goes to a real SMTP server on loopback.
	const mail = await smtp.start();
	const s = await server.start({ env: { SMTP_URL: mail.url, MAIL_RETRY_SECONDS: '1' } });
	test.info().attachments.push({ name: 'log', path: s.logFile, contentType: 'text/plain' });
	const en = await staffJson('en');
	const nl = await staffJson('nl');
	try {
		const receipt = await reportWithoutJs(browser, s.url);

		// A coordinator gives the NLA a referral address (partner contacts as data).
		const coordinator = await (await browser.newContext({ baseURL: s.url })).newPage();
		await coordinator.setViewportSize({ width: 1280, height: 900 });
		await staffOn(s, coordinator, 'coordinator', []);
		await coordinator.goto('/staff/settings');
		const nlaForm = coordinator.locator('form[data-partner="rivierenland:nla"]');
		await nlaForm.getByLabel(en.staff_partners_emails).fill(NLA_MAIL);
		// It reads referrals in English: its mail and, by default, its desk page.
		await nlaForm.getByLabel('English').check();
		await nlaForm.getByLabel('Nederlands').uncheck();
		await nlaForm.getByRole('button', { name: en.staff_save }).click();
		await expect(nlaForm.getByRole('status')).toHaveText(en.staff_partners_saved);

		// The handler acknowledges and refers at consent level 2 with a redacted text.
		const handler = await (await browser.newContext({ baseURL: s.url })).newPage();
		await handler.setViewportSize({ width: 1280, height: 900 });
		await staffOn(s, handler, 'handler', ['tiel']);
		await handler.goto('/staff/inbox');
		await handler.locator('table.inbox a').first().click();
		await handler.waitForURL(/\/staff\/reports\//);
		const caseUrl = new URL(handler.url()).pathname;
		await expect(handler.getByTestId('case-consent')).toContainText('2');
		await handler.getByLabel(en.staff_case_template).selectOption('acknowledged');
		await handler.getByRole('button', { name: en.staff_case_send_reply }).click();
		await expect(handler.getByRole('status')).toHaveText(en.staff_case_saved);
		await handler.getByRole('checkbox', { name: new RegExp(NLA) }).check();
		await handler
			.getByLabel(en.staff_case_redacted_text)
			.fill('Workers are not paid. [name removed]');
		await handler.getByRole('button', { name: en.staff_case_refer_submit }).click();
		await expect(handler.getByTestId('case-status')).toHaveText(en.staff_status_referred);
		const codeText = (await handler.locator('[data-testid=desk-codes] code').textContent())!;
		expect(codeText).toMatch(/^\d{4} \d{4}$/);
		await handler.screenshot({
			path: test.info().outputPath('desk-handler-code.png'),
			fullPage: true
		});

		// The loopback SMTP server receives one mail, with a link and nothing of the report.
		await expect.poll(() => mail.received.filter((m) => m.to.includes(NLA_MAIL)).length).toBe(1);
		await handler.waitForTimeout(1_000);
		const received = mail.received.filter((m) => m.to.includes(NLA_MAIL));
		expect(received).toHaveLength(1);
		const raw = received[0].raw;
		for (const secret of ['primim', 'Popescu', '+40', 'Tiel', 'not paid', 'underpaid', codeText])
			expect(raw).not.toContain(secret);
		expect(raw).toContain(en.staff_mail_partner_referral_subject);
		const link = /https?:\/\/\S+\/staff\/desk\/[a-z2-7.]+/.exec(smtp.body(raw))![0];

		// The partner opens it in the language of the mail, and may choose another (kept for the
		// link's pages, and reachable without JavaScript: a plain form).
		const partnerContext = await browser.newContext();
		const partner = await partnerContext.newPage();
		await partner.setViewportSize({ width: 1280, height: 900 });
		await partner.goto(link);
		await expect(partner.locator('html')).toHaveAttribute('lang', 'en');
		await expect(partner.getByRole('heading', { level: 1 })).toHaveText(en.staff_desk_title);
		await expect(partner.getByText(en.staff_desk_code_intro)).toBeVisible();
		await expect(partner.getByRole('link', { name: en.staff_footer_privacy })).toHaveAttribute(
			'href',
			'/en/privacy'
		);
		await partner.getByLabel(en.staff_desk_language).selectOption('nl');
		await partner.getByRole('button', { name: en.staff_save }).click();
		await expect(partner.locator('html')).toHaveAttribute('lang', 'nl');
		await expect(partner.getByRole('heading', { level: 1 })).toHaveText(nl.staff_desk_title);
		await expect(partner.getByLabel(nl.staff_desk_language)).toHaveValue('nl');

		// The link alone asks for the code; a wrong code is refused.
		await partner.getByLabel(nl.staff_desk_code).fill('0000 0000' === codeText ? '1' : '00000000');
		await partner.getByRole('button', { name: nl.staff_desk_open }).click();
		await expect(partner.getByRole('alert')).toHaveText(nl.staff_desk_state_wrong_code);
		await partner.getByLabel(nl.staff_desk_code).fill(codeText);
		await partner.getByRole('button', { name: nl.staff_desk_open }).click();

		// It sees the package exactly as consented: the redacted text, no contact details.
		const pkg = partner.getByTestId('package');
		await expect(pkg).toContainText('Workers are not paid. [name removed]');
		await expect(pkg).not.toContainText('Popescu');
		await expect(pkg).not.toContainText('+40 700');
		await expect(partner.getByTestId('package-contact')).toHaveText(nl.staff_package_no_contact);
		await partner.screenshot({
			path: test.info().outputPath('desk-partner-package.png'),
			fullPage: true
		});

		// The same link in another browser is spent, said in the partner's language.
		const other = await (await browser.newContext()).newPage();
		await other.goto(link);
		await expect(other.getByTestId('desk-state')).toHaveText(en.staff_desk_state_used);
		await other.screenshot({ path: test.info().outputPath('desk-used-360.png') });
		await other.context().close();

		// Acknowledge, then answer "taken up" with a message for the handler.
		await partner.getByRole('button', { name: nl.staff_desk_acknowledge }).click();
		await expect(partner.getByRole('status')).toHaveText(nl.staff_desk_acknowledged_done);
		await partner.getByLabel(nl.staff_referral_answer_taken_up).check();
		await partner.getByLabel(nl.staff_desk_message).fill('Inspecteur Jansen komt dinsdag langs.');
		await partner.getByRole('button', { name: nl.staff_desk_send }).click();
		await expect(partner.getByRole('status')).toHaveText(nl.staff_desk_answered_done);
		await expect(partner.getByTestId('desk-status')).toContainText(
			nl.staff_referral_answer_taken_up
		);

		// The same answer posted again (a double click) is refused with a clear message.
		const api = partner.request;
		const again = await api.post(`${link}?/answer`, {
			headers: { origin: s.url, accept: 'text/html' },
			form: { version: '1', answer: 'taken_up', message: 'Inspecteur Jansen komt dinsdag langs.' }
		});
		expect(again.status()).toBe(409);
		expect(await again.text()).toContain(nl.staff_desk_state_already.slice(0, 30));

		// Isolation: with its open session, the partner gets 404 for every desk route of a link it
		// was not given, and for a photo outside its package; a report page gives it nothing.
		const missing = '00000000-0000-4000-8000-000000000000';
		const forged = `${'a'.repeat(24)}.${'b'.repeat(32)}`;
		let checked = 0;
		for (const [id, rule] of Object.entries(RULES)) {
			if (!id.startsWith('/staff/desk/')) continue;
			const target = `${s.url}${id.replace('[token]', forged).replace('[photo=uuid]', missing)}`;
			if (rule.page) {
				expect((await api.get(target)).status(), `GET ${id}`).toBe(404);
				checked++;
			}
			for (const action of Object.keys(rule.actions ?? {})) {
				const r = await api.post(`${target}?/${action}`, {
					headers: { origin: s.url },
					form: { code: codeText, version: '2', answer: 'closed' }
				});
				expect(r.status(), `POST ${id}?/${action}`).toBe(404);
				checked++;
			}
			for (const method of Object.keys(rule.methods ?? {})) {
				expect((await api.fetch(target, { method })).status(), `${method} ${id}`).toBe(404);
				checked++;
			}
		}
		expect(checked).toBe(6);
		expect((await api.get(`${link}/photos/${missing}`)).status()).toBe(404);
		const reportPage = await api.get(`${s.url}${caseUrl}`);
		expect(new URL(reportPage.url()).pathname).toBe('/staff/login');
		expect(await reportPage.text()).not.toContain('not paid');
		await partnerContext.close();

		// The handler sees the answer in the case, marked as the partner's…
		await handler.goto(caseUrl);
		await expect(handler.getByTestId('partner-answer')).toHaveText(
			en.staff_referral_answer_taken_up
		);
		// Once, although the answer was posted twice.
		await expect(handler.getByTestId('partner-answer')).toHaveCount(1);
		await expect(handler.getByText('Inspecteur Jansen komt dinsdag langs.')).toBeVisible();
		await expect(handler.getByText(`${NLA} (${en.staff_desk_partner_note})`)).toBeVisible();
		await handler.screenshot({
			path: test.info().outputPath('desk-handler-answer.png'),
			fullPage: true
		});
		// …and the audit log has the acknowledgement and the answer (read by the coordinator).
		await coordinator.goto('/staff/audit?action=referral.');
		await expect(
			coordinator.getByRole('cell', { name: en.staff_audit_do_referral_answered })
		).toBeVisible();
		await expect(
			coordinator.getByRole('cell', { name: en.staff_audit_do_referral_acknowledged })
		).toBeVisible();
		await expect(
			coordinator.getByRole('cell', { name: en.staff_audit_do_referral_opened })
		).toBeVisible();

		// The Romanian reporter, without JavaScript, reads that the NLA took it up — not its words.
		const reporter = await browser.newContext({ javaScriptEnabled: false, baseURL: s.url });
		const followUp = await reporter.newPage();
		await followUp.goto('/ro/report/follow-up');
		await followUp.getByLabel(ro.followup_receipt_label).fill(receipt);
		await followUp.getByRole('button', { name: ro.followup_open }).click();
		await expect(
			followUp.getByText(fill(ro.report_template_partner_taken_up, { partner: NLA }))
		).toBeVisible();
		await expect(followUp.getByText('Inspecteur')).toHaveCount(0);
		await followUp.screenshot({
			path: test.info().outputPath('desk-reporter-ro.png'),
			fullPage: true
		});
		await reporter.close();

		// Nothing of the report or the partner's message in any mail or in the server's log.
		for (const m of mail.received) {
			expect(m.raw).not.toContain('Popescu');
			expect(m.raw).not.toContain('Jansen');
		}
		const log = (await import('node:fs')).readFileSync(s.logFile, 'utf8');
		for (const secret of ['Popescu', 'Jansen', 'not paid', codeText.replace(' ', '')])
			expect(log).not.toContain(secret);
	} finally {
		await s.stop();
		await mail.close();
	}
});
