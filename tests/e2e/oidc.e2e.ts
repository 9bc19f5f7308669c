// The whole OpenID Connect sign-in in Chromium against the production build and a real OpenID
// provider (oidc-provider over TLS on loopback): passwords off, sign in at the "gemeente" with MFA,
// what the account and users pages say, logout at both ends, and a refusal without MFA.
import { expect, test } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { freePort } from '../integration/pg-server.ts';
import { CLIENT_ID, CLIENT_SECRET, start as startProvider } from '../oidc/provider.ts';
import * as server from './server';

// The browser meets the provider's self-signed certificate too; only the browser is told to
// accept it. The app process trusts it through NODE_EXTRA_CA_CERTS, as a deployment behind a
// private CA would.
test.use({ ignoreHTTPSErrors: true });

const root = path.resolve(import.meta.dirname, '../..');

function admin(dataDir: string, ...args: string[]): string {
	return execFileSync(
		process.execPath,
		[
			'--experimental-strip-types',
			'--disable-warning=ExperimentalWarning',
			'src/lib/server/app/cli.ts',
			...args
		],
		{ cwd: root, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' }, encoding: 'utf8' }
	);
}

test('a handler signs in with the gemeente account and MFA; passwords are off', async ({
	page
}) => {
	// Two extra servers (the provider and an app of its own) on a shared machine: room to start.
	test.setTimeout(240_000);
	const port = await freePort();
	const app = `http://127.0.0.1:${port}`;
	const op = await startProvider({
		redirectUris: [`${app}/staff/login/oidc/callback`],
		postLogoutRedirectUris: [`${app}/staff/login`],
		accounts: {
			hanna: {
				email: 'Hanna.Visser@tiel.test',
				email_verified: true,
				name: 'Hanna Visser',
				amr: ['pwd', 'mfa']
			},
			pim: { email: 'pim@tiel.test', email_verified: true, amr: ['pwd'] }
		}
	});
	const s = await server.start({
		port,
		env: { NODE_EXTRA_CA_CERTS: op.caFile, WEGWIJS_OIDC_SECRET_GEMEENTE: CLIENT_SECRET },
		timeoutMs: 150_000
	});
	test.info().attachments.push({ name: 'log', path: s.logFile, contentType: 'text/plain' });
	try {
		admin(
			s.dataDir,
			'user',
			'add',
			'--email',
			'hanna.visser@tiel.test',
			'--name',
			'Hanna Visser',
			'--role',
			'admin'
		);
		admin(
			s.dataDir,
			'user',
			'add',
			'--email',
			'pim@tiel.test',
			'--name',
			'Pim',
			'--role',
			'handler',
			'--gemeente',
			'tiel'
		);
		const settings = path.join(s.dataDir, 'sign-in.json');
		fs.writeFileSync(
			settings,
			JSON.stringify({
				localLogin: false,
				providers: [
					{ id: 'gemeente', issuer: op.issuer, clientId: CLIENT_ID, displayName: 'Gemeente Tiel' }
				]
			})
		);
		expect(admin(s.dataDir, 'region', 'sign-in', settings)).toContain('local login off');

		await page.goto(`${app}/staff/inbox`);
		await expect(page).toHaveURL(/\/staff\/login\?next=%2Fstaff%2Finbox$/);
		await expect(page.getByLabel('Wachtwoord')).toHaveCount(0);
		await page.getByRole('link', { name: 'Inloggen met Gemeente Tiel' }).click();

		// At the provider: its own page, its own origin.
		await expect(page).toHaveURL(new RegExp(`^${op.issuer}/interaction/`));
		await page.getByLabel('Account').fill('hanna');
		await page.getByRole('button', { name: 'Sign in at the gemeente' }).click();

		// Back in Wegwijs, signed in, no Wegwijs TOTP asked: the provider asserted MFA.
		await expect(page).toHaveURL(`${app}/staff/inbox`);
		await page.goto(`${app}/staff/account`);
		await expect(page.getByTestId('sign-in-method')).toHaveText(
			'Het account van je gemeente (Gemeente Tiel)'
		);
		await expect(page.getByRole('heading', { name: 'Wachtwoord wijzigen' })).toHaveCount(0);
		await page.goto(`${app}/staff/users`);
		const row = page.getByRole('row', { name: /hanna\.visser@tiel\.test/ });
		await expect(row.getByTestId('last-sign-in')).toContainText('OpenID: gemeente');
		await expect(
			page.getByRole('row', { name: /pim@tiel\.test/ }).getByTestId('last-sign-in')
		).toHaveText('nooit');

		// Logout ends the Wegwijs session and offers the provider's end-session endpoint.
		await page.getByRole('button', { name: 'Uitloggen' }).click();
		const endSession = page.getByRole('link', { name: 'Ook uitloggen bij Gemeente Tiel' });
		await expect(endSession).toHaveAttribute('href', new RegExp(`^${op.issuer}/session/end\\?`));
		await endSession.click();
		await page.getByRole('button', { name: /sign me out/i }).click();
		await expect(page).toHaveURL(`${app}/staff/login`);
		await page.goto(`${app}/staff/inbox`);
		await expect(page).toHaveURL(/\/staff\/login/);

		// Someone whose provider sign-in had no second factor is refused, with the reason.
		await page.getByRole('link', { name: 'Inloggen met Gemeente Tiel' }).click();
		await page.getByLabel('Account').fill('pim');
		await page.getByRole('button', { name: 'Sign in at the gemeente' }).click();
		await expect(page).toHaveURL(/\/staff\/login\?refused=oidc_no_mfa$/);
		await expect(page.getByRole('alert')).toHaveText(
			'Log bij je gemeente in met een tweede factor (app, sleutel of code); Wegwijs vereist dat.'
		);
		const log = admin(s.dataDir, 'user', 'list');
		expect(log).toMatch(/hanna\.visser@tiel\.test\tHanna Visser\tadmin\t\tactive/);
	} finally {
		await s.stop();
		await op.close();
	}
});
