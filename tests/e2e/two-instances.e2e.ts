// Issue #9: two app instances on one PostgreSQL. A worker reports through A, a handler signs in
// and answers through B and carries on through A, the reporter reads the answer through B, and
// an account's login limit counts attempts on both instances together.
import { expect, test, type Page } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { rawReport } from '../factories/reports.ts';
import * as pgServer from '../integration/pg-server.ts';
import * as server from './server';
import { completeSetup } from './staff';

const root = path.resolve(import.meta.dirname, '../..');
const en = JSON.parse(fs.readFileSync(path.join(root, 'messages/staff/en.json'), 'utf8'));

test.describe.configure({ mode: 'serial' });

let pg: pgServer.PgServer;
let a: server.RunningServer;
let b: server.RunningServer;
let env: Record<string, string>;

test.beforeAll(async () => {
	test.setTimeout(120_000);
	pg = await pgServer.start();
	// Both instances share the database and the secrets, as a real deployment does.
	env = {
		DATABASE_URL: pg.url,
		WEGWIJS_MASTER_KEY: randomBytes(32).toString('base64'),
		WEGWIJS_HMAC_PEPPER: randomBytes(32).toString('base64')
	};
	a = await server.start({ env });
	b = await server.start({ env });
});

test.afterAll(async () => {
	await a?.stop();
	await b?.stop();
	if (pg) pgServer.destroy(pg);
});

/** The admin CLI against the shared database, as an operator would run it. */
function admin(...argv: string[]): string {
	const r = spawnSync(
		process.execPath,
		[
			'--experimental-strip-types',
			'--disable-warning=ExperimentalWarning',
			'src/lib/server/app/cli.ts',
			...argv
		],
		{
			cwd: root,
			env: { ...process.env, ...env, ORIGIN: b.url, LOG_LEVEL: 'silent' },
			encoding: 'utf8'
		}
	);
	if (r.status !== 0) throw new Error(`admin ${argv.join(' ')}: ${r.stdout}${r.stderr}`);
	return r.stdout.trim();
}

async function handlerOn(page: Page, email: string): Promise<void> {
	const link = admin(
		'user',
		'add',
		'--email',
		email,
		'--name',
		'Two Instances',
		'--role',
		'handler',
		'--gemeente',
		'tiel',
		'--locale',
		'en'
	);
	expect(link.startsWith(`${b.url}/staff/setup/`)).toBe(true);
	await completeSetup(page, link);
}

test('a report sent through A is answered through B and read by the reporter through B', async ({
	page,
	request
}) => {
	const sent = await request.post(`${a.url}/api/v1/reports`, {
		data: rawReport({ text: 'Two instances: we are paid for 40 of 60 hours.' })
	});
	expect(sent.status()).toBe(201);
	const { receipt } = (await sent.json()) as { receipt: string };

	await handlerOn(page, `two-${Date.now()}@example.test`);
	await page.goto(`${b.url}/staff/inbox`);
	const link = page.locator('a[href^="/staff/reports/"]').first();
	await expect(link).toBeVisible();
	const reportPath = (await link.getAttribute('href'))!;

	// The session made on B is valid on A: sessions live in the database.
	await page.goto(`${a.url}${reportPath}`);
	await expect(page.getByText('Two instances: we are paid for 40 of 60 hours.')).toBeVisible();
	await page.locator('textarea[name=text]').first().fill('We have passed this on. Reply here.');
	await page.getByRole('button', { name: en.staff_case_send_reply }).click();
	await expect(page.getByText('We have passed this on. Reply here.').first()).toBeVisible();

	const read = await request.post(`${b.url}/api/v1/reports/follow-up`, { data: { receipt } });
	expect(read.status()).toBe(200);
	const thread = (await read.json()) as {
		messages: Array<{ author: string; text: string | null }>;
	};
	expect(thread.messages.some((m) => m.text === 'We have passed this on. Reply here.')).toBe(true);
});

test('an account’s login limit counts the attempts made on both instances together', async ({
	request
}) => {
	const email = `limit-${Date.now()}@example.test`;
	admin('user', 'add', '--email', email, '--name', 'Limit', '--role', 'coordinator');
	const attempt = (base: string, password: string) =>
		request.post(`${base}/staff/login`, {
			form: { email, password },
			// As a browser's form post: the answer is the page, with the action's status.
			headers: { origin: base, accept: 'text/html' },
			maxRedirects: 0
		});
	// Ten wrong passwords, alternating between the instances: each one alone saw only five.
	for (let i = 0; i < 10; i++) {
		const r = await attempt(i % 2 ? a.url : b.url, `wrong password ${i}`);
		expect(r.status(), `attempt ${i + 1}`).toBe(400);
	}
	expect((await attempt(a.url, 'another wrong one')).status()).toBe(429);
	expect((await attempt(b.url, 'another wrong one')).status()).toBe(429);
});
