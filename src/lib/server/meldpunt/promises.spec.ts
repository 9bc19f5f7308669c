import { describe, expect, it } from 'vitest';
import * as promises from './promises';
import * as sla from '../casework/sla';
import * as photos from './photos';

describe('promises', () => {
	it('quote the slowest group’s service level, so the promise holds for every report', () => {
		const levels = sla.defaults();
		expect(promises.fromLevels(levels)).toEqual({ ack_days: '7', feedback_months: '3' });
		levels.housing = { ackDays: 10, urgentAckWorkingDays: 1, feedbackMonths: 2 };
		levels.work = { ackDays: 5, urgentAckWorkingDays: 1, feedbackMonths: 4 };
		expect(promises.fromLevels(levels)).toEqual({ ack_days: '10', feedback_months: '4' });
	});

	it('fill the placeholders they know and leave the rest for the page', () => {
		const values = {
			ack_days: '7',
			feedback_months: '3',
			police: '0900-8844',
			crime_anonymous: '0800-7000',
			weeks: '4',
			...promises.photoLimits,
			contact_days: '90',
			closed_months: '12'
		};
		expect(
			promises.fill(
				{ a: 'Within {ack_days} days, {feedback_months} months', b: '{done} of {total}' },
				values
			)
		).toEqual({ a: 'Within 7 days, 3 months', b: '{done} of {total}' });
	});

	it('turn a phone number into a tel: link a phone can dial', () => {
		expect(promises.tel('0900-8844')).toBe('tel:09008844');
		expect(promises.tel('+31 70 333 56 78')).toBe('tel:+31703335678');
	});

	it('state the photo limits intake enforces, never a copy of them', () => {
		expect(promises.photoLimits).toEqual({
			max_photos: String(photos.MAX_PHOTOS),
			max_mb: String(photos.MAX_BYTES / 1024 / 1024)
		});
	});
});
