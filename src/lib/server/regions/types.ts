// Shapes for region seed data (gemeenten and referral partners of a meldpunt region).
// Erasable TypeScript only: Node loads these files with type stripping.
import type { Group } from '../../report/catalogue.ts';

/** What kind of organisation a referral partner is. */
export type PartnerKind =
	| 'inspection'
	| 'certification'
	| 'worker_support'
	| 'legal'
	| 'police'
	| 'trafficking'
	| 'discrimination'
	| 'wages'
	| 'shelter'
	| 'rent';

/** The report groups of the meldpunt form. */
export type CategoryGroup = Group;

export interface GemeenteSeed {
	/** URL-safe id, unique within the region. */
	slug: string;
	/** Official name of the gemeente. */
	name: string;
	/** CBS gemeentecode, e.g. 'GM0214'. */
	cbsCode: string;
}

export interface PartnerSeed {
	/** URL-safe id, unique within the region. */
	slug: string;
	name: string;
	kind: PartnerKind;
	/** What the partner handles, in one or two plain (B1) sentences. */
	handles: { nl: string; en: string };
	/** Whether the partner acts on a report that carries no name or contact details. */
	acceptsAnonymous: boolean;
	website: string | null;
	phone: string | null;
	/** Report groups for which the meldpunt suggests this partner. */
	categoryGroups: CategoryGroup[];
	/** Where referrals are e-mailed; none: the handler passes them on another way. */
	referralEmails?: string[];
	/** Languages the partner reads referrals in (staff languages): default ['nl']. */
	languages?: ('nl' | 'en')[];
}

/** How the app presents itself for a region (manifest, header). All optional. */
export interface RegionSettings {
	appName?: string;
	shortName?: string;
	themeColor?: string;
	backgroundColor?: string;
	/** The controller the privacy statement names (AVG art. 13); unset: the region's name. */
	controller?: string;
}

export interface RegionSeed {
	slug: string;
	name: string;
	settings?: RegionSettings;
	gemeenten: GemeenteSeed[];
	partners: PartnerSeed[];
}
