// Valid report submissions for tests, with fresh submission keys.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';
import * as casework from '../../src/lib/server/casework/casework.ts';
import type { Actor } from '../../src/lib/server/casework/casework.ts';
import * as referrals from '../../src/lib/server/casework/referrals.ts';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as reportInput from '../../src/lib/server/meldpunt/report-input.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';

export function submissionKey(): string {
	return randomBytes(32).toString('base64url');
}

export function rawReport(overrides: Record<string, unknown> = {}): Record<string, unknown> {
	return {
		submission_key: submissionKey(),
		group: 'work',
		situations: ['underpaid', 'no_payslips'],
		subject_type: 'agency',
		subject_name: 'Flex BV',
		gemeente: 'tiel',
		address: 'Industrieweg 1',
		occurred: 'ongoing',
		affected: '6_20',
		text: 'We work 60 hours and get paid for 40.',
		consent: '2',
		contact_wanted: 'no',
		...overrides
	};
}

/** A 400×200 JPEG with GPS EXIF and orientation 6 (to be shown rotated: 200×400). */
export async function jpegWithGps(): Promise<Buffer> {
	return sharp({ create: { width: 400, height: 200, channels: 3, background: '#3a7' } })
		.jpeg()
		.withMetadata({ orientation: 6 })
		.withExif({
			IFD0: { Make: 'CanaryCam', Model: 'Phone 1' },
			IFD3: {
				GPSLatitudeRef: 'N',
				GPSLatitude: '51/1 53/1 0/1',
				GPSLongitudeRef: 'E',
				GPSLongitude: '5/1 25/1 0/1',
				GPSMapDatum: 'GPS-WGS-84'
			}
		})
		.toBuffer();
}

let clients = 0;

/**
 * A stored report and its id: through the intake (as a worker's phone sends it), or, with `now`,
 * stored directly at that moment (the intake always stamps the real clock).
 */
export async function report(
	db: Db,
	overrides: Record<string, unknown> = {},
	opts: { now?: Date; regionId?: string; locale?: string } = {}
): Promise<string> {
	const regionId = opts.regionId ?? 'rivierenland';
	const locale = opts.locale ?? 'pl';
	if (!opts.now) {
		const r = await intake.submit(db, rawReport(overrides), [], {
			regionId,
			locale,
			channel: 'web',
			client: `factory-${++clients}`
		});
		if (!r.ok) throw new Error(`setup: ${JSON.stringify(r.errors)}`);
		return r.reportId;
	}
	const gemeenten = (await regions.gemeenten(db, regionId)).map((g) => g.id);
	const parsed = reportInput.parse(rawReport(overrides), gemeenten);
	if (!parsed.ok) throw new Error(`setup: ${JSON.stringify(parsed.errors)}`);
	return (await reports.create(db, parsed.value, [], { regionId, locale, now: opts.now })).reportId;
}

/**
 * A consent-2 Romanian report with a photo (GPS in its EXIF), acknowledged by `handler` and
 * referred to `partners` with that photo and `redactedText`.
 */
export async function referredReport(
	db: Db,
	handler: Actor,
	opts: { partners: string[]; gemeente?: string; text?: string; redactedText: string }
): Promise<{ id: string; referralIds: string[]; photoIds: string[] }> {
	const overrides = { consent: '2', gemeente: opts.gemeente ?? 'tiel' };
	const r = await intake.submit(
		db,
		rawReport(opts.text === undefined ? overrides : { ...overrides, text: opts.text }),
		[await jpegWithGps()],
		{ regionId: handler.regionId, locale: 'ro', channel: 'web', client: `referred-${++clients}` }
	);
	if (!r.ok) throw new Error('setup');
	const id = r.reportId;
	const photoIds = (await reports.photos(db, id)).map((p) => p.id);
	const version = async () =>
		(await db.selectFrom('report').select('version').where('id', '=', id).executeTakeFirstOrThrow())
			.version;
	const ack = await casework.transition(db, handler, {
		id,
		version: await version(),
		to: 'acknowledged'
	});
	if (!ack.ok) throw new Error(ack.error);
	const ref = await referrals.refer(db, handler, {
		id,
		version: await version(),
		partnerIds: opts.partners,
		channel: 'email',
		redactedText: opts.redactedText,
		photoIds
	});
	if (!ref.ok) throw new Error(ref.error);
	return { id, referralIds: ref.referralIds, photoIds };
}

/** A report's version: what a stale form carries, and what every change moves on. */
export async function version(db: Db, id: string): Promise<number> {
	const row = await db
		.selectFrom('report')
		.select('version')
		.where('id', '=', id)
		.executeTakeFirstOrThrow();
	return row.version;
}
