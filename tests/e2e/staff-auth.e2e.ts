import { expect, test, type Page } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import fs from 'node:fs';
import path from 'node:path';
import * as server from './server';
import { base32Decode } from './staff';
import * as state from './state';
import * as smtp from '../smtp-peer';

const counter = (offset = 0) => BigInt(Math.floor(Date.now() / 30_000) + offset);

test('the first admin: setup link → password → TOTP enrolment → logout → login with TOTP', async ({
	page
}) => {
	// Its own server: the bootstrap link works only while no staff account exists at all. Its mail
	// goes to a real SMTP server on loopback. Starting both, with argon2 hashing twice, takes a
	// good part of the default minute on a busy 2-core machine.
	test.setTimeout(150_000);
	const mail = await smtp.start();
	const s = await server.start({ env: { SMTP_URL: mail.url, MAIL_RETRY_SECONDS: '1' } });
	test.info().attachments.push({ name: 'log', path: s.logFile, contentType: 'text/plain' });
	try {
		await firstAdmin(page, s.url, s.logFile, mail);
	} finally {
		await s.stop();
		await mail.close();
	}
});

async function firstAdmin(page: Page, base: string, logFile: string, mail: smtp.Peer) {
	const link = server.setupLink(logFile);
	expect(link, 'npm start prints a setup link on an empty database').toBeTruthy();
	await page.goto(link!);
	await expect(page.getByRole('heading', { level: 1 })).toHaveText('Account instellen');
	// The form states and enforces the bounds the server checks.
	await expect(page.getByLabel('Nieuw wachtwoord')).toHaveAttribute('minlength', '8');
	await expect(page.getByLabel('Nieuw wachtwoord')).toHaveAttribute('maxlength', '128');
	await expect(page.getByText(/^8 tot 128 tekens\. /)).toBeVisible();

	// Bad input keeps what was typed and says what is wrong.
	await page.getByLabel('Naam').fill('Ada Admin');
	await page.getByLabel('E-mailadres').fill('ada@example.test');
	await page.getByLabel('Nieuw wachtwoord').fill('een lange zin');
	await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een andere zin');
	await page.getByRole('button', { name: 'Account opslaan' }).click();
	await expect(page.getByRole('alert')).toHaveText('De twee wachtwoorden zijn niet gelijk.');
	await expect(page.getByLabel('E-mailadres')).toHaveValue('ada@example.test');
	await expect(page.getByLabel('Naam')).toHaveValue('Ada Admin');

	await page.getByLabel('Nieuw wachtwoord').fill('een lange zin');
	await page.getByLabel('Herhaal het nieuwe wachtwoord').fill('een lange zin');
	await page.getByRole('button', { name: 'Account opslaan' }).click();

	await expect(page).toHaveURL(/\/staff\/totp\/setup$/);
	const key = base32Decode((await page.getByTestId('totp-key').textContent())!);
	expect(key.length).toBe(20);
	await page
		.getByLabel('Code')
		.fill('000000' === generateHOTP(key, counter(), 6) ? '111111' : '000000');
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page.getByRole('alert')).toContainText('Deze code klopt niet');
	await page.getByLabel('Code').fill(generateHOTP(key, counter(), 6));
	await page.getByRole('button', { name: 'Bevestigen' }).click();
	await expect(page).toHaveURL(/\/staff$/);
	await expect(page.getByText('Welkom, Ada Admin.')).toBeVisible();

	// The setup link is spent.
	await page.goto(link!);
	await expect(page.getByRole('alert')).toHaveText('Deze link is al gebruikt.');

	await page.goto(`${base}/staff`);
	await page.getByRole('button', { name: 'Uitloggen' }).click();
	await expect(page).toHaveURL(/\/staff\/login$/);
	await page.goto(`${base}/staff`);
	await expect(page).toHaveURL(/\/staff\/login/);

	await page.getByLabel('E-mailadres').fill('ada@example.test');
	await page.getByLabel('Wachtwoord').fill('wrong password');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page.getByRole('alert')).toHaveText('E-mailadres of wachtwoord klopt niet.');
	await expect(page.getByLabel('E-mailadres')).toHaveValue('ada@example.test');

	await page.getByLabel('Wachtwoord').fill('een lange zin');
	await page.getByRole('button', { name: 'Inloggen' }).click();
	await expect(page).toHaveURL(/\/staff\/totp/);
	// The enrolment code was used; the next time step's code is new (one step of drift is allowed).
	await page.getByLabel('Code').fill(generateHOTP(key, counter(1), 6));
	await page.getByRole('button', { name: 'Controleren' }).click();
	await expect(page).toHaveURL(/\/staff$/);
	await expect(page.getByRole('link', { name: 'Gebruikers' })).toBeVisible();

	// The admin adds a handler and gets a one-time link for them.
	await page.getByRole('link', { name: 'Gebruikers' }).click();
	await page.getByLabel('Naam').fill('Henk Handler');
	await page.getByLabel('E-mailadres').fill('henk@example.test');
	await page.locator('form[action="?/add"] select[name="role"]').selectOption('handler');
	await page.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.getByRole('alert')).toHaveText(/Kies minstens één gemeente/);
	await expect(page.getByLabel('Naam')).toHaveValue('Henk Handler');
	await page.locator('form[action="?/add"]').getByLabel('Tiel').check();
	await page.getByRole('button', { name: 'Toevoegen' }).click();
	await expect(page.getByTestId('setup-url')).toContainText('/staff/setup/');
	await expect(page.getByRole('cell', { name: 'henk@example.test' })).toBeVisible();
	// …and the loopback SMTP server receives the same link, once, in Henk's language (nl).
	const url = (await page.getByTestId('setup-url').textContent())!.trim();
	await expect(page.getByTestId('setup-mailed')).toContainText('henk@example.test');
	const toHenk = () => mail.received.filter((m) => m.to.includes('henk@example.test'));
	await expect.poll(() => toHenk().length).toBe(1);
	expect(toHenk()[0].raw).toMatch(/^Subject: Uw Wegwijs-account/m);
	expect(smtp.body(toHenk()[0].raw)).toContain(url);

	const cookies = await page.context().cookies();
	const session = cookies.find((c) => c.name.includes('wegwijs_session'));
	expect(session).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
}

test('a malformed session cookie or an oversized body gives a clean answer, never a 500', async ({
	request,
	page
}) => {
	await page
		.context()
		.addCookies([{ name: 'wegwijs_session', value: 'not-a-token..%25%25', url: state.read().url }]);
	const r = await page.goto('/staff/login');
	expect(r?.status()).toBe(200);
	const big = await request.post('/staff/login', {
		// A browser's form post (text/html): SvelteKit answers */* with a JSON action result.
		headers: {
			origin: state.read().url,
			accept: 'text/html',
			'content-type': 'application/x-www-form-urlencoded'
		},
		data: 'email=' + 'a'.repeat(70 * 1024 * 1024)
	});
	expect(big.status()).toBe(413);
	expect(await big.text()).not.toMatch(/at .*\.js:\d+/);
	const health = await request.get('/api/health');
	const migrations = fs.readdirSync(path.resolve(import.meta.dirname, '../../migrations')).length;
	expect(await health.json()).toEqual({ status: 'ok', database: 'pglite', migrations });
});
