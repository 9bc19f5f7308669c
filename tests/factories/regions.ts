// Pieces of region seeds for tests that make a region of their own.
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
