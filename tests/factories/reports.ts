// Valid report submissions for tests, with fresh submission keys.
import { randomBytes } from 'node:crypto';
import sharp from 'sharp';

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
