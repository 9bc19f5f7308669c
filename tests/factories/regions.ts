// Pieces of region seeds for tests that make a region of their own.
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import type { RegionSeed } from '../../src/lib/server/regions/types.ts';

/** A partner that takes work cases and needs a name: enough for referral and consent rules. */
export function helpPartner(): RegionSeed['partners'][number] {
	return {
		slug: 'help',
		name: 'Help',
		kind: 'worker_support',
		handles: { nl: 'Helpt.', en: 'Helps.' },
		acceptsAnonymous: false,
		website: null,
		phone: null,
		categoryGroups: ['work']
	};
}

/** A second, empty region 'elsewhere' (once per database): staff there must not see this one's. */
export async function otherRegion(db: Db): Promise<void> {
	await db
		.insertInto('region')
		.values({ id: 'elsewhere', name: 'Elsewhere', settings: JSON.stringify({}) })
		.onConflict((oc) => oc.column('id').doNothing())
		.execute();
}
