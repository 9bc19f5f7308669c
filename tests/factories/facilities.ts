// Published facilities spread over the region's gemeenten and categories, with a week of opening
// hours each, inserted in batches: for the bench's API figure and for tests of long lists.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import { CATEGORIES } from '../../src/lib/facilities/categories.ts';

export async function facilities(db: Db, count: number): Promise<void> {
	const gemeenten = (await db.selectFrom('gemeente').select('id').execute()).map((g) => g.id);
	const hours = JSON.stringify({
		weekly: {
			mon: [['08:00', '17:00']],
			tue: [['08:00', '17:00']],
			wed: [['08:00', '12:00']],
			thu: [['08:00', '17:00']],
			fri: [['08:00', '17:00']]
		},
		exceptions: [{ date: '2026-12-25', ranges: [] }]
	});
	for (let i = 0; i < count; i += 500) {
		const rows = Array.from({ length: Math.min(500, count - i) }, (_, j) => {
			const n = i + j;
			return {
				id: randomUUID(),
				region_id: 'rivierenland',
				gemeente_id: gemeenten[n % gemeenten.length],
				category: CATEGORIES[n % CATEGORIES.length],
				name: `Bench facility ${n}`,
				address: `Benchstraat ${n}`,
				postcode: '4001 AA',
				place: 'Tiel',
				lat: 51.75 + (n % 97) / 400,
				lng: 5.2 + (n % 89) / 200,
				phone: null,
				website: null,
				email: null,
				hours,
				languages: ['nl', 'en', 'pl'],
				notes: JSON.stringify({ nl: 'Een korte toelichting.', en: 'A short note.' }),
				accepts_rni: n % 2 === 0,
				new_patients: null,
				appointment: true,
				cost: 'free' as const,
				wheelchair: true,
				published: true,
				verified_on: '2026-11-22',
				updated_at: new Date()
			};
		});
		await db.insertInto('facility').values(rows).execute();
	}
}
