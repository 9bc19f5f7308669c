// The privacy and accessibility statements (issue #16): the privacy statement quotes the
// retention the daily job applies and the controller the region set, read when the page loads.
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import * as retention from '../../src/lib/server/app/retention.ts';
import { locales } from '../../src/lib/i18n/locales.ts';
import * as privacyPage from '../../src/routes/[locale=locale]/privacy/+page.server.ts';
import * as accessibilityPage from '../../src/routes/[locale=locale]/accessibility/+page.server.ts';
import { asAppDatabase, onBothDatabases } from './databases.ts';

type Texts = Record<string, string>;

async function privacy(locale: string): Promise<Texts> {
	const load = privacyPage.load as unknown as (e: { params: { locale: string } }) => Promise<{
		t: Texts;
	}>;
	return (await load({ params: { locale } })).t;
}

function accessibility(locale: string): Texts {
	const load = accessibilityPage.load as unknown as (e: { params: { locale: string } }) => {
		t: Texts;
	};
	return load({ params: { locale } }).t;
}

const messages = (locale: string): Texts =>
	JSON.parse(
		fs.readFileSync(path.resolve(import.meta.dirname, `../../messages/${locale}.json`), 'utf8')
	) as Texts;

onBothDatabases('public-sector statements', (ctx) => {
	asAppDatabase(ctx);

	const setSettings = (patch: Record<string, unknown>) =>
		ctx.db
			.updateTable('region')
			.set({ settings: sql`settings || ${JSON.stringify(patch)}::jsonb` })
			.where('id', '=', 'rivierenland')
			.execute();

	it('state the retention the daily job applies, and follow the setting when it changes', async () => {
		expect(await retention.policy(ctx.db, 'rivierenland')).toEqual(retention.DEFAULT_POLICY);
		let t = await privacy('nl');
		expect(t.privacy_retention_contact).toMatch(/^90 dagen nadat/);
		expect(t.privacy_retention_report).toMatch(/^12 maanden na het afsluiten/);

		await setSettings({ retention: { closedMonths: 6, contactDays: 30 } });
		expect(await retention.policy(ctx.db, 'rivierenland')).toMatchObject({
			closedMonths: 6,
			contactDays: 30
		});
		t = await privacy('nl');
		expect(t.privacy_retention_contact).toMatch(/^30 dagen nadat/);
		expect(t.privacy_retention_report).toMatch(/^6 maanden na het afsluiten/);
		t = await privacy('pl');
		expect(t.privacy_retention_contact).toMatch(/^30 dni po zamknięciu/);
		expect(t.privacy_retention_report).toMatch(/^6 mies\. po zamknięciu/);

		// A value the job would refuse (0 months would erase at once) is not promised either.
		await setSettings({ retention: { closedMonths: 0, contactDays: 30 } });
		expect((await privacy('nl')).privacy_retention_report).toMatch(/^12 maanden/);
	});

	it('name the controller the region set, else the region, and its gemeenten', async () => {
		let t = await privacy('en');
		expect(t.privacy_controller_text).toMatch(/^Regio Rivierenland is responsible/);
		expect(t.privacy_controller_text).toContain('Buren, Culemborg, Maasdriel');
		await setSettings({ controller: 'Het college van B&W van Tiel' });
		t = await privacy('en');
		expect(t.privacy_controller_text).toMatch(/^Het college van B&W van Tiel is responsible/);
		await setSettings({ controller: '' });
		expect((await privacy('en')).privacy_controller_text).toMatch(/^Regio Rivierenland/);
	});

	it('exist in every locale, written in its own words, with every placeholder filled', async () => {
		const keys = Object.keys(messages('nl')).filter(
			(k) => k.startsWith('privacy_') || k.startsWith('access_')
		);
		keys.push('more_statements_title', 'more_privacy_link', 'more_accessibility_link');
		expect(keys.length).toBeGreaterThan(40);
		const english = messages('en');
		for (const locale of locales) {
			const own = messages(locale);
			const missing = keys.filter((k) => !own[k]);
			expect(missing, locale).toEqual([]);
			if (locale !== 'en') {
				const same = keys.filter((k) => own[k] === english[k] && !/_status_title$/.test(k));
				expect(same, `${locale}: left in English`).toEqual([]);
			}
			const page = { ...(await privacy(locale)), ...accessibility(locale) };
			const unfilled = Object.entries(page)
				.filter(([k, v]) => k !== 'privacy_updated' && k !== 'access_date' && /\{\w+\}/.test(v))
				.map(([k]) => k);
			expect(unfilled, locale).toEqual([]);
			expect(page.access_contact_text, locale).toContain(own.feedback_question);
		}
	});
});
