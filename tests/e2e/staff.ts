// Staff accounts for e2e tests, made the way a real user gets one: the admin CLI issues a setup
// link; the browser sets the password and enrols TOTP with the key shown on the page.
import { expect, type Page } from '@playwright/test';
import { generateHOTP } from '@oslojs/otp';
import { admin } from './helpers';

export function base32Decode(s: string): Uint8Array {
	const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
	let bits = '';
	for (const c of s.replace(/\s/g, '')) bits += alphabet.indexOf(c).toString(2).padStart(5, '0');
	const out = new Uint8Array(Math.floor(bits.length / 8));
	for (let i = 0; i < out.length; i++) out[i] = parseInt(bits.slice(i * 8, i * 8 + 8), 2);
	return out;
}

let n = 0;

export async function signIn(
	page: Page,
	role: string,
	gemeenten: string[] = [],
	locale: 'nl' | 'en' = 'en'
): Promise<string> {
	const email = `${role}${++n}-${Date.now()}@example.test`;
	const args = [
		'user',
		'add',
		'--email',
		email,
		'--name',
		`${role} ${n}`,
		'--role',
		role,
		'--locale',
		locale
	];
	for (const g of gemeenten) args.push('--gemeente', g);
	await completeSetup(page, (await admin(...args)).trim());
	return email;
}

/** Follows a setup link: sets the password and enrols TOTP with the key the page shows. */
export async function completeSetup(page: Page, link: string): Promise<void> {
	await page.goto(link);
	await page.locator('input[name=password]').fill('a long enough pass');
	await page.locator('input[name=confirm]').fill('a long enough pass');
	await page.locator('form button').click();
	await expect(page).toHaveURL(/\/staff\/totp\/setup$/);
	const key = base32Decode((await page.getByTestId('totp-key').textContent())!);
	await page
		.locator('input[name=code]')
		.fill(generateHOTP(key, BigInt(Math.floor(Date.now() / 30_000)), 6));
	await page.locator('form button').click();
	await expect(page).toHaveURL(/\/staff$/);
}
