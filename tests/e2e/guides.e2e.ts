// Issue #6: guides, checklist, glossary and the welkomstpakket — offline, printable, on-device.
import { expect, test, type Page } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import jsQR from 'jsqr';
import sharp from 'sharp';
import { admin, messages } from './helpers';
import { signIn } from './staff';
import * as structure from '../../src/lib/guides/structure.ts';

const root = path.resolve(import.meta.dirname, '../..');
const content = (l: string) =>
	JSON.parse(fs.readFileSync(path.join(root, 'src/lib/guides/content', `${l}.json`), 'utf8'));
const staffEn = JSON.parse(fs.readFileSync(path.join(root, 'messages/staff/en.json'), 'utf8'));

async function pdfPages(page: Page): Promise<number> {
	const pdf = (await page.pdf({ format: 'A4', printBackground: true })).toString('latin1');
	return pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
}

test('checklist ticks survive a reload, show on the home page and never reach the server', async ({
	page
}) => {
	const uk = messages('uk');
	await page.goto('/uk/guides');
	// Ticks appear once the page runs; the progress line shows it has.
	await expect(page.locator('.checklist .progress')).toBeVisible();
	const sent: string[] = [];
	page.on('request', (r) => sent.push(`${r.method()} ${r.url()} ${r.postData() ?? ''}`));
	const boxes = page.locator('.checklist input[type=checkbox]');
	await expect(boxes).toHaveCount(structure.checklist.length);
	await boxes.nth(0).check();
	await boxes.nth(1).check();
	await expect(page.locator('.checklist .progress')).toHaveText(
		uk.checklist_progress.replace('{done}', '2').replace('{total}', '7')
	);
	// Ticking made no request at all: the state exists on this phone only.
	expect(sent).toEqual([]);
	await page.reload();
	await expect(page.locator('.checklist .progress')).toBeVisible();
	await expect(boxes.nth(0)).toBeChecked();
	await expect(boxes.nth(1)).toBeChecked();
	await expect(boxes.nth(2)).not.toBeChecked();
	expect(sent.filter((s) => !s.startsWith('GET ') || /checklist:|guide:/.test(s))).toEqual([]);

	await page.goto('/uk');
	await expect(page.locator('.progress-line')).toContainText(
		uk.checklist_progress.replace('{done}', '2').replace('{total}', '7')
	);
});

test('a guide step ticked as done stays done after a reload', async ({ page }) => {
	await page.goto('/ro/guides/digid');
	const step = page.locator('ol.steps > li#apply');
	await step.getByRole('checkbox').check();
	await expect(step).toHaveClass(/done/);
	await page.reload();
	await expect(page.locator('ol.steps > li#apply').getByRole('checkbox')).toBeChecked();
	// The guide page (no framework JavaScript) and the checklist (Svelte) share one store on the
	// phone; neither wipes the other's ticks.
	await page.goto('/ro/guides');
	await page.locator('.checklist input[type=checkbox]').first().check();
	await page.goto('/ro/guides/digid');
	await expect(page.locator('ol.steps > li#apply').getByRole('checkbox')).toBeChecked();
	await page.goto('/ro/guides');
	await expect(page.locator('.checklist input[type=checkbox]').first()).toBeChecked();
});

test('a guide page ships no framework JavaScript, only its small enhancement script', async ({
	page
}) => {
	const scripts: string[] = [];
	page.on('request', (r) => {
		if (r.resourceType() === 'script') scripts.push(new URL(r.url()).pathname);
	});
	await page.goto('/pl/guides/registering');
	await expect(page.locator('ol.steps label.check').first()).toBeVisible();
	expect(scripts).toEqual(['/js/guide.js']);
});

test('without JavaScript every guide shows all its steps in Bulgarian, with the figures filled in', async ({
	browser
}) => {
	const context = await browser.newContext({ javaScriptEnabled: false });
	const page = await context.newPage();
	const bg = content('bg');
	for (const g of structure.guides) {
		await page.goto(`/bg/guides/${g.slug}`);
		await expect(page.locator('h1')).toHaveText(bg.guides[g.slug].title);
		await expect(page.locator('ol.steps > li')).toHaveCount(g.steps.length);
		expect(await page.locator('main').textContent()).not.toMatch(/\{\w+\}/);
	}
	await page.goto('/bg/glossary');
	await expect(page.locator('dl.glossary > div')).toHaveCount(structure.glossary.length);
	await context.close();
});

test('an unknown guide or gemeente is a 404', async ({ request }) => {
	expect((await request.get('/en/guides/nope')).status()).toBe(404);
	expect((await request.get('/en/welcome/amsterdam')).status()).toBe(404);
});

test('the QR codes on the flyer decode to the app in the chosen language and to the survey', async ({
	page,
	baseURL
}) => {
	await page.goto('/en/welcome/tiel/flyer');
	await page.getByLabel(messages('en').welcome_flyer_language).selectOption('ro');
	await page.getByRole('button', { name: messages('en').welcome_flyer_show }).click();
	await expect(page).toHaveURL(/lang=ro/);
	await expect(page.locator('.flyer h1')).toHaveText(
		messages('ro').welcome_pack_title.replace('{gemeente}', 'Tiel')
	);
	// Print media hides the fixed bottom navigation, which would cover a code in a screenshot.
	await page.emulateMedia({ media: 'print' });
	const decoded: string[] = [];
	for (const id of ['app', 'survey']) {
		const png = await page.locator(`figure[data-qr=${id}] svg`).screenshot();
		const { data, info } = await sharp(png)
			.ensureAlpha()
			.raw()
			.toBuffer({ resolveWithObject: true });
		decoded.push(jsQR(new Uint8ClampedArray(data), info.width, info.height)?.data ?? '');
	}
	expect(decoded).toEqual([`${baseURL}/ro/welcome/tiel`, `${baseURL}/ro/survey`]);
});

test('the demo welkomstpakket prints on at most two A4 pages', async ({ page }) => {
	await page.goto('/en/welcome/tiel/print');
	await expect(page.locator('.print-sheet h1')).toBeVisible();
	const pages = await pdfPages(page);
	expect(pages).toBeGreaterThanOrEqual(1);
	expect(pages).toBeLessThanOrEqual(2);
});

test('an editor publishes a welkomstpakket: bad input refused with everything kept, markup shown as text', async ({
	page,
	browser
}) => {
	test.setTimeout(120_000);
	// Every seeded gemeente has its welkomstpakket; a gemeente added later starts empty.
	await admin(
		'gemeente',
		'add',
		'--region',
		'rivierenland',
		'--id',
		'nieuwdorp',
		'--name',
		'Nieuwdorp',
		'--cbs',
		'GM9901'
	);
	await signIn(page, 'editor', ['nieuwdorp']);
	await page.goto('/staff/welcome');
	await expect(page.locator('tbody tr')).toHaveCount(1);
	expect((await page.goto('/staff/welcome/tiel'))?.status()).toBe(404);

	await page.goto('/staff/welcome/nieuwdorp');
	await page.getByRole('button', { name: staffEn.staff_welcome_publish }).click();
	await expect(page.getByRole('alert')).toHaveText(staffEn.staff_welcome_error_no_text);

	// An empty welcome text is refused; the rules typed alongside stay in the form.
	await page.getByLabel(staffEn.staff_welcome_field_waste).fill('GFT op maandag.');
	await page.getByRole('button', { name: staffEn.staff_welcome_save_texts }).click();
	await expect(page.getByText(staffEn.staff_welcome_error_required)).toBeVisible();
	await expect(page.getByLabel(staffEn.staff_welcome_field_waste)).toHaveValue('GFT op maandag.');

	const welcomeText =
		'Welkom in Zaltbommel! <img src=x onerror=alert(1)> ' +
		'Hier vind je wat je in je eerste weken nodig hebt. '.repeat(14);
	await page.getByLabel(staffEn.staff_welcome_field_welcome).fill(welcomeText);
	await page
		.getByLabel(staffEn.staff_welcome_field_parking)
		.fill('Parkeer in de vakken. '.repeat(12));
	await page
		.getByLabel(staffEn.staff_welcome_field_noise)
		.fill('Na 22 uur is het stil. '.repeat(12));
	await page.getByRole('button', { name: staffEn.staff_welcome_save_texts }).click();
	await expect(page.getByRole('status')).toHaveText(staffEn.staff_welcome_saved);

	// A link that would run script is refused; every contact field typed comes back.
	const gemeente = page.getByRole('group', { name: staffEn.staff_welcome_kind_gemeente });
	await gemeente.getByLabel(staffEn.staff_welcome_name).fill('Stadskantoor');
	await gemeente.getByLabel(staffEn.staff_welcome_phone).fill('14 0418');
	await gemeente.getByLabel(staffEn.staff_welcome_website).fill('javascript:alert(1)');
	await page.getByRole('button', { name: staffEn.staff_welcome_save_contacts }).click();
	await expect(page.getByText(staffEn.staff_welcome_error_invalid_website)).toBeVisible();
	await expect(gemeente.getByLabel(staffEn.staff_welcome_name)).toHaveValue('Stadskantoor');
	await expect(gemeente.getByLabel(staffEn.staff_welcome_phone)).toHaveValue('14 0418');
	await gemeente.getByLabel(staffEn.staff_welcome_website).fill('https://www.zaltbommel.nl');
	for (const [kind, name, phone] of [
		['rni', 'RNI-loket', '088 000 0000'],
		['huisartsenpost', 'Huisartsenpost', '0900 000 0000'],
		['police', 'Politie', '0900-8844'],
		['meldpunt', 'Meldpunt', '']
	]) {
		const group = page.getByRole('group', { name: staffEn[`staff_welcome_kind_${kind}`] });
		await group.getByLabel(staffEn.staff_welcome_name).fill(name);
		if (phone) await group.getByLabel(staffEn.staff_welcome_phone).fill(phone);
		await group.getByLabel(staffEn.staff_welcome_hours).fill('Maandag tot vrijdag 9–17 uur');
	}
	await page.getByRole('button', { name: staffEn.staff_welcome_save_contacts }).click();
	await expect(page.getByRole('status')).toHaveText(staffEn.staff_welcome_saved);

	await page.getByRole('button', { name: staffEn.staff_welcome_publish }).click();
	await expect(page.getByText(staffEn.staff_welcome_published).first()).toBeVisible();

	const worker = await browser.newContext();
	const w = await worker.newPage();
	let dialogs = 0;
	w.on('dialog', (d) => {
		dialogs++;
		void d.dismiss();
	});
	await w.goto('/en/welcome/nieuwdorp');
	await expect(w.getByText('<img src=x onerror=alert(1)>', { exact: false })).toBeVisible();
	await expect(w.locator('.welcome-pack img')).toHaveCount(0);
	await expect(w.locator('.fallback').first()).toHaveText(messages('en').welcome_not_translated_nl);
	await expect(w.getByRole('link', { name: '14 0418' })).toHaveAttribute('href', 'tel:140418');
	await w.goto('/en/welcome/nieuwdorp/print');
	const pages = await pdfPages(w);
	expect(pages).toBeLessThanOrEqual(2);
	expect(dialogs).toBe(0);
	await worker.close();
});

test('offline after one visit: every guide, the glossary and the welkomstpakket, marked as saved', async ({
	page,
	context
}) => {
	const bg = messages('bg');
	const text = content('bg');
	await page.goto('/bg/welcome/tiel');
	await page.evaluate(async () => {
		await navigator.serviceWorker.ready;
	});
	// The first visit installs the service worker; the saver reports once the copies are stored.
	await page.reload();
	await expect(page.locator('.offline-state[data-state=saved]')).toHaveText(bg.guide_offline_saved);
	await context.setOffline(true);
	try {
		await page.goto('/bg/guides');
		await expect(page.locator('h1')).toHaveText(bg.guide_index_title);
		await page.getByRole('link', { name: text.guides.digid.title }).click();
		await expect(page.locator('h1')).toHaveText(text.guides.digid.title);
		await expect(page.locator('ol.steps > li')).toHaveCount(5);
		await page.goto('/bg/guides/doctor');
		await expect(page.locator('h1')).toHaveText(text.guides.doctor.title);
		await page.goto('/bg/glossary');
		await expect(page.locator('dl.glossary > div')).toHaveCount(structure.glossary.length);
		await page.goto('/bg/welcome/tiel');
		await expect(page.locator('h1')).toHaveText(
			bg.welcome_pack_title.replace('{gemeente}', 'Tiel')
		);
		await expect(page.locator('ul.contacts > li').first()).toBeVisible();
	} finally {
		await context.setOffline(false);
	}
});
