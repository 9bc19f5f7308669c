import { expect, it } from 'vitest';
import * as promises from '../../src/lib/server/meldpunt/promises.ts';
import * as sla from '../../src/lib/server/casework/sla.ts';
import * as photos from '../../src/lib/server/meldpunt/photos.ts';
import * as facts from '../../src/lib/server/content/facts.ts';
import { pack } from '../../src/lib/server/i18n/messages.ts';
import { textOf } from '../../src/lib/i18n/format.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as casework from '../../src/lib/server/casework/casework.ts';
import * as referrals from '../../src/lib/server/casework/referrals.ts';
import { PASSES_ON, SHARED } from '../../src/lib/casework/referrals.ts';
import { locales } from '../../src/lib/i18n/locales.ts';
import { actor, staffUser } from '../factories/staff.ts';
import { jpegWithGps, rawReport } from '../factories/reports.ts';
import { onBothDatabases } from './databases.ts';

onBothDatabases('promises on the report page', (ctx) => {
	it('quote the seeded service levels and numbers', async () => {
		const values = await promises.read(ctx.db, 'rivierenland');
		expect(values).toEqual({
			ack_days: '7',
			feedback_months: '3',
			police: '0900-8844',
			crime_anonymous: '0800-7000',
			weeks: '4',
			max_photos: String(photos.MAX_PHOTOS),
			max_mb: '10',
			contact_days: '90',
			closed_months: '12'
		});
		expect(promises.tel(values.crime_anonymous)).toBe('tel:08007000');
		const t = promises.fill(pack('nl', ['report_', 'followup_']), values);
		expect(t.report_promise_answer).toContain('Binnen 7 dagen');
		expect(t.report_call_police).toBe('Bel politie 0900-8844');
		expect(t.report_crime_anonymous).toContain('Meld Misdaad Anoniem: 0800-7000');
		expect(t.report_error_photo_count).toBe(`Kies hoogstens ${photos.MAX_PHOTOS} foto's.`);
		// Who reads a report: the gemeente's meldpunt and the region's coordinators (access.ts).
		expect(t.report_promise_who_reads).toContain('coördinatoren van de regio');
		expect(Object.values(t).join(' ')).not.toMatch(/\{(ack_days|feedback_months|police|weeks)\}/);
	});

	it('follow the coordinator’s service levels and the editors’ figures', async () => {
		const levels = sla.defaults();
		levels.work = { ackDays: 10, urgentAckWorkingDays: 2, feedbackMonths: 6 };
		await sla.write(ctx.db, 'rivierenland', levels);
		const u = await staffUser(ctx.db, { role: 'editor' });
		const r = await facts.update(ctx.db, u.id, 'police_non_emergency', {
			value: '0900-1234',
			validFrom: '',
			reviewBy: '2027-12-01',
			checkedOn: '2026-12-01',
			source: 'https://www.politie.nl/contact',
			confirmed: true
		});
		expect(r).toEqual({ ok: true });
		const values = await promises.read(ctx.db, 'rivierenland');
		const t = promises.fill(pack('pl', ['report_', 'followup_']), values);
		expect(t.report_promise_answer).toContain('W ciągu 10 dni');
		expect(t.followup_status_help).toContain('6 miesięcy');
		expect(t.report_danger_text).toContain('0900-1234');
		expect(promises.tel(values.police)).toBe('tel:09001234');
	});

	it('pass on at each consent level exactly the parts the report form names, no more', async () => {
		const h = await actor(ctx.db);
		for (const level of [2, 3] as const) {
			// A report with every part filled in, and a handler who offers to pass on everything.
			const submitted = await intake.submit(
				ctx.db,
				rawReport({ consent: String(level), contact_wanted: 'yes', contact: 'me@example.test' }),
				[await jpegWithGps()],
				{ regionId: 'rivierenland', locale: 'pl', channel: 'web', client: `consent-${level}` }
			);
			if (!submitted.ok) throw new Error(JSON.stringify(submitted.errors));
			const id = submitted.reportId;
			const moved = await casework.transition(ctx.db, h, { id, version: 1, to: 'acknowledged' });
			expect(moved).toMatchObject({ ok: true });
			const [photo] = await reports.photos(ctx.db, id);
			const referred = await referrals.refer(ctx.db, h, {
				id,
				version: 2,
				partnerIds: ['rivierenland:nla'],
				channel: 'email',
				redactedText: 'We work 60 hours and get paid for 40.',
				includeContact: level === 3,
				photoIds: [photo.id]
			});
			expect(referred).toMatchObject({ ok: true });
			const [pkg] = (await referrals.list(ctx.db, h, id)).map((r) => r.package);
			const filled = (v: unknown) => (Array.isArray(v) ? v.length > 0 : v !== null && v !== '');
			const carried = SHARED.filter((part) =>
				referrals.PACKAGE_FIELDS[part].some((f) => filled(pkg[f]))
			);
			expect(carried, `level ${level}`).toEqual([...PASSES_ON[level]]);
			// Every field of a package belongs to a part the form names (or says whom and when).
			const named = Object.values(referrals.PACKAGE_FIELDS).flat();
			const meta = ['partner', 'referredOn', 'consentLevel'];
			expect(
				Object.keys(pkg)
					.filter((k) => !meta.includes(k))
					.sort()
			).toEqual(named.sort());
		}
		// Level 1 passes on nothing: the form says so and the code refuses every referral.
		expect(PASSES_ON[1]).toEqual([]);
		// Every part the levels name has its words in every language.
		for (const locale of locales) {
			const t = pack(locale, ['report_consent_']);
			for (const part of SHARED)
				expect(textOf(t, `report_consent_part_${part}`), `${locale} ${part}`).toBeTruthy();
		}
	});
});
