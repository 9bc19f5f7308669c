// Issue #18 finding 5: back up a running app, restore into a new DATA_DIR with the keys kept
// apart, then an old receipt still follows up and a staff member still signs in (password + TOTP).
import { expect, test } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { rawReport } from '../factories/reports.ts';
import * as webServer from './server.ts';
import { base32Decode } from './staff';

const exec = promisify(execFile);
const root = path.resolve(import.meta.dirname, '../..');

/** `npm run admin -- …` for one DATA_DIR. */
async function admin(dataDir: string, ...argv: string[]): Promise<string> {
	const { stdout } = await exec(
		process.execPath,
		[
			'--experimental-strip-types',
			'--disable-warning=ExperimentalWarning',
			'src/lib/server/app/cli.ts',
			...argv
		],
		{ cwd: root, env: { ...process.env, DATA_DIR: dataDir, LOG_LEVEL: 'silent' } }
	);
	return stdout;
}

const code = (key: Uint8Array, step = 0) =>
	generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000) + step), 6);

test('backup of a running app, restored into a new DATA_DIR with its keys: receipts and sign-in work', async ({
	page
}) => {
	test.setTimeout(240_000);
	const email = `backup-${Date.now()}@example.test`;
	const password = 'a long enough pass';
	const archive = path.join(
		fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijs-backup-')),
		'wegwijs.tar.gz'
	);
	let key: Uint8Array;
	let receipt: string;

	const before = await webServer.start();
	try {
		const link = (
			await admin(
				before.dataDir,
				'user',
				'add',
				'--email',
				email,
				'--name',
				'B',
				'--role',
				'admin',
				'--locale',
				'en'
			)
		).trim();
		await page.goto(link);
		await page.locator('input[name=password]').fill(password);
		await page.locator('input[name=confirm]').fill(password);
		await page.locator('form button').click();
		await expect(page).toHaveURL(/\/staff\/totp\/setup$/);
		key = base32Decode((await page.getByTestId('totp-key').textContent())!);
		await page.locator('input[name=code]').fill(code(key));
		await page.locator('form button').click();
		await expect(page).toHaveURL(/\/staff$/);

		const r = await page.request.post(`${before.url}/api/v1/reports`, { data: rawReport() });
		expect(r.status()).toBe(201);
		receipt = ((await r.json()) as { receipt: string }).receipt;

		// While the app runs: the command goes to it through its socket.
		const out = await admin(before.dataDir, 'backup', '--out', archive);
		expect(out).toContain('backup written');
		expect(out).toContain('the archive holds no keys');
		expect(fs.statSync(archive).mode & 0o077).toBe(0);
	} finally {
		await before.stop();
	}

	const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijs-restored-'));
	expect(await admin(dataDir, 'restore', archive)).toContain('restored');
	// Without its keys the restored database refuses to start, and says what is missing.
	const keyless = await webServer.start({ dataDir }).then(
		(s) => s.stop().then(() => ''),
		(err: Error) => err.message
	);
	expect(keyless).toContain('Refusing to start');
	expect(keyless).toContain('master.key');
	// The keys, from their own backup.
	fs.cpSync(path.join(before.dataDir, 'secrets'), path.join(dataDir, 'secrets'), {
		recursive: true
	});

	const after = await webServer.start({ dataDir });
	try {
		const f = await page.request.post(`${after.url}/api/v1/reports/follow-up`, {
			data: { receipt: receipt! }
		});
		expect(f.status()).toBe(200);
		expect(((await f.json()) as { status: string }).status).toBe('new');

		await page.context().clearCookies();
		await page.goto(`${after.url}/staff/login`);
		await page.locator('input[name=email]').fill(email);
		await page.locator('input[name=password]').fill(password);
		await page.locator('form button').click();
		await expect(page).toHaveURL(/\/staff\/totp/);
		// The next step's code: the one used at enrolment may not be used twice.
		await page.locator('input[name=code]').fill(code(key!, 1));
		await page.locator('form button').click();
		await expect(page).toHaveURL(/\/staff$/);
	} finally {
		await after.stop();
	}
});
