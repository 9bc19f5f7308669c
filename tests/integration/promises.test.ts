import { expect, it } from 'vitest';
import * as promises from '../../src/lib/server/meldpunt/promises.ts';
import * as sla from '../../src/lib/server/casework/sla.ts';
import * as photos from '../../src/lib/server/meldpunt/photos.ts';
import * as facts from '../../src/lib/server/content/facts.ts';
import { pack } from '../../src/lib/server/i18n/messages.ts';
import { staffUser } from '../factories/staff.ts';
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
});
