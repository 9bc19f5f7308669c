// A demo set of facilities for Rivierenland (issue #5): realistic kinds, towns and opening hours, so
// a new installation shows a working map. Every row is marked `demo` and shown as an example to
// workers; an editor removes them all in one action. Addresses are approximate and phone numbers
// are left empty on purpose: this is not verified data.
import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../platform/db/index.ts';

type Demo = {
	key: string;
	gemeente: string;
	category: string;
	name: string;
	address: string;
	postcode: string;
	place: string;
	lat: number;
	lng: number;
	website?: string;
	hours: Record<string, Array<[string, string]>>;
	exceptions?: Array<{ date: string; ranges: Array<[string, string]> }>;
	languages: string[];
	notes?: Record<string, string>;
	accepts_rni?: boolean;
	new_patients?: boolean;
	appointment?: boolean;
	cost?: 'free' | 'paid';
	wheelchair?: boolean;
};

type Week = Record<string, Array<[string, string]>>;
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'];
const WEEKEND = ['sat', 'sun'];
/** The same opening ranges on each of the given days. */
const on = (days: string[], ...ranges: Array<[string, string]>): Week =>
	Object.fromEntries(days.map((d) => [d, ranges]));

const office = (from = '09:00', to = '17:00') => on(WEEKDAYS, [from, to]);
// A practice closes for lunch and on Wednesday afternoon.
const practice = (): Week => ({
	...on(WEEKDAYS, ['08:00', '12:00'], ['13:30', '17:00']),
	wed: [['08:00', '12:00']]
});
const shop = (): Week => ({
	...on(WEEKDAYS, ['08:00', '21:00']),
	sat: [['08:00', '20:00']],
	sun: [['12:00', '18:00']]
});
// The huisartsenpost: evenings and nights in the week, whole weekends.
const nights = (): Week => ({
	...on(WEEKDAYS, ['17:00', '08:00']),
	...on(WEEKEND, ['00:00', '24:00'])
});
const allDay = () => on([...WEEKDAYS, ...WEEKEND], ['00:00', '24:00']);
const christmas = [
	{ date: '2026-12-25', ranges: [] },
	{ date: '2026-12-26', ranges: [] }
];

export const DEMO: Demo[] = [
	{
		key: 'tiel-huisarts-centrum',
		gemeente: 'tiel',
		category: 'huisarts',
		name: 'Huisartsenpraktijk Tiel-Centrum',
		address: 'Waterstraat 20',
		postcode: '4001 JN',
		place: 'Tiel',
		lat: 51.8872,
		lng: 5.4283,
		hours: practice(),
		exceptions: christmas,
		languages: ['nl', 'en', 'pl'],
		accepts_rni: true,
		new_patients: true,
		appointment: true,
		cost: 'free',
		wheelchair: true,
		notes: {
			nl: 'Nieuwe patiënten kunnen zich inschrijven aan de balie. Neem je ID en je BSN mee.',
			en: 'New patients can register at the desk. Bring your ID and your BSN.'
		}
	},
	{
		key: 'tiel-huisarts-west',
		gemeente: 'tiel',
		category: 'huisarts',
		name: 'Gezondheidscentrum Tiel-West',
		address: 'Florijnstraat 2',
		postcode: '4003 BD',
		place: 'Tiel',
		lat: 51.8921,
		lng: 5.4065,
		hours: practice(),
		languages: ['nl', 'en'],
		accepts_rni: false,
		new_patients: false,
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'tiel-huisartsenpost',
		gemeente: 'tiel',
		category: 'huisartsenpost',
		name: 'Huisartsenpost Rivierenland',
		address: 'President Kennedylaan 1',
		postcode: '4002 WP',
		place: 'Tiel',
		lat: 51.8788,
		lng: 5.4139,
		hours: nights(),
		languages: ['nl', 'en', 'de'],
		accepts_rni: true,
		appointment: true,
		cost: 'free',
		wheelchair: true,
		notes: {
			nl: 'Alleen voor spoed buiten de openingstijden van je huisarts. Bel eerst.',
			en: 'Only for urgent care outside your GP’s opening hours. Call first.'
		}
	},
	{
		key: 'tiel-ziekenhuis',
		gemeente: 'tiel',
		category: 'ziekenhuis',
		name: 'Ziekenhuis Rivierenland — Spoedeisende hulp',
		address: 'President Kennedylaan 1',
		postcode: '4002 WP',
		place: 'Tiel',
		lat: 51.8785,
		lng: 5.4148,
		hours: allDay(),
		languages: ['nl', 'en', 'de'],
		accepts_rni: true,
		cost: 'paid',
		wheelchair: true
	},
	{
		key: 'tiel-tandarts',
		gemeente: 'tiel',
		category: 'tandarts',
		name: 'Tandartspraktijk De Hoven',
		address: 'Hoveniersweg 4',
		postcode: '4005 CA',
		place: 'Tiel',
		lat: 51.8949,
		lng: 5.4398,
		hours: office('08:30', '17:00'),
		languages: ['nl', 'en'],
		new_patients: true,
		appointment: true,
		cost: 'paid',
		wheelchair: false
	},
	{
		key: 'tiel-apotheek',
		gemeente: 'tiel',
		category: 'apotheek',
		name: 'Apotheek Tiel-Centrum',
		address: 'Weerstraat 30',
		postcode: '4001 LA',
		place: 'Tiel',
		lat: 51.8862,
		lng: 5.431,
		hours: { ...office('08:00', '18:00'), sat: [['10:00', '13:00']] },
		exceptions: christmas,
		languages: ['nl', 'en'],
		cost: 'paid',
		wheelchair: true
	},
	{
		key: 'tiel-ggd',
		gemeente: 'tiel',
		category: 'ggd',
		name: 'GGD Gelderland-Zuid, locatie Tiel',
		address: 'Achterweg 2',
		postcode: '4001 LM',
		place: 'Tiel',
		lat: 51.884,
		lng: 5.426,
		hours: office('08:30', '16:30'),
		languages: ['nl', 'en'],
		appointment: true,
		cost: 'free',
		wheelchair: true,
		notes: {
			nl: 'Vaccinaties, soa-test en hulp bij tbc. Maak eerst een afspraak.',
			en: 'Vaccinations, STI tests and help with TB. Make an appointment first.'
		}
	},
	{
		key: 'tiel-gemeentehuis',
		gemeente: 'tiel',
		category: 'gemeentehuis',
		name: 'Stadhuis Tiel',
		// The street address could not be confirmed from an official source (checked 2026-12-05);
		// an example row names no address rather than a wrong one.
		address: '',
		postcode: '',
		place: 'Tiel',
		lat: 51.8907,
		lng: 5.4266,
		hours: office('08:30', '16:30'),
		exceptions: christmas,
		languages: ['nl', 'en'],
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'tiel-informatiepunt',
		gemeente: 'tiel',
		category: 'informatiepunt',
		name: 'Informatiepunt internationale werknemers Rivierenland',
		address: 'Sint Agnietenstraat 2',
		postcode: '4001 NE',
		place: 'Tiel',
		lat: 51.8868,
		lng: 5.4335,
		hours: { wed: [['13:00', '17:00']], sat: [['10:00', '13:00']] },
		languages: ['nl', 'en', 'pl', 'ro', 'bg'],
		cost: 'free',
		wheelchair: true,
		notes: {
			nl: 'Vragen over werk, wonen, zorg en inschrijving. Zonder afspraak.',
			en: 'Questions about work, housing, health care and registration. No appointment needed.'
		}
	},
	{
		key: 'tiel-bibliotheek',
		gemeente: 'tiel',
		category: 'bibliotheek',
		name: 'Bibliotheek Rivierenland, Tiel',
		address: 'Stationsplein 4',
		postcode: '4001 BK',
		place: 'Tiel',
		lat: 51.8849,
		lng: 5.4221,
		hours: {
			tue: [['10:00', '20:00']],
			wed: [['10:00', '18:00']],
			thu: [['10:00', '20:00']],
			fri: [['10:00', '18:00']],
			sat: [['10:00', '16:00']]
		},
		languages: ['nl', 'en'],
		cost: 'free',
		wheelchair: true,
		notes: {
			nl: 'Gratis internet en hulp bij formulieren en DigiD (Digitaal Hulpplein).',
			en: 'Free internet and help with forms and DigiD (Digitaal Hulpplein).'
		}
	},
	{
		key: 'tiel-taalcursus',
		gemeente: 'tiel',
		category: 'taalcursus',
		name: 'Taalhuis Tiel — Nederlands leren',
		address: 'Stationsplein 4',
		postcode: '4001 BK',
		place: 'Tiel',
		lat: 51.8851,
		lng: 5.4225,
		hours: { mon: [['18:30', '20:30']], wed: [['18:30', '20:30']] },
		languages: ['nl', 'en'],
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'tiel-politie',
		gemeente: 'tiel',
		category: 'politie',
		name: 'Politiebureau Tiel',
		address: 'Kellenseweg 2',
		postcode: '4004 JK',
		place: 'Tiel',
		lat: 51.8916,
		lng: 5.4249,
		hours: office('09:00', '17:00'),
		languages: ['nl', 'en'],
		appointment: true,
		cost: 'free',
		wheelchair: true,
		notes: {
			nl: 'Bij gevaar: bel 112. Geen spoed: 0900-8844.',
			en: 'In danger: call 112. Not urgent: 0900-8844.'
		}
	},
	{
		key: 'tiel-juridisch',
		gemeente: 'tiel',
		category: 'juridisch_advies',
		name: 'Juridisch Loket (spreekuur Tiel)',
		address: 'Sint Agnietenstraat 2',
		postcode: '4001 NE',
		place: 'Tiel',
		lat: 51.8866,
		lng: 5.4339,
		hours: { thu: [['09:00', '12:00']] },
		languages: ['nl', 'en'],
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'tiel-vakbond',
		gemeente: 'tiel',
		category: 'vakbond',
		name: 'Vakbond spreekuur voor arbeidsmigranten',
		address: 'Sint Agnietenstraat 2',
		postcode: '4001 NE',
		place: 'Tiel',
		lat: 51.8864,
		lng: 5.4331,
		hours: { wed: [['17:00', '19:00']] },
		languages: ['nl', 'pl', 'ro'],
		cost: 'free',
		wheelchair: true,
		notes: {
			nl: 'Hulp bij je loonstrook, contract en ontslag. Ook als je geen lid bent.',
			en: 'Help with your payslip, contract and dismissal. Also if you are not a member.'
		}
	},
	{
		key: 'tiel-opvang',
		gemeente: 'tiel',
		category: 'opvang',
		name: 'Nachtopvang Tiel',
		address: 'Hertogenwal 10',
		postcode: '4001 LZ',
		place: 'Tiel',
		lat: 51.8889,
		lng: 5.4349,
		hours: {
			mon: [['21:00', '09:00']],
			tue: [['21:00', '09:00']],
			wed: [['21:00', '09:00']],
			thu: [['21:00', '09:00']],
			fri: [['21:00', '09:00']],
			sat: [['21:00', '09:00']],
			sun: [['21:00', '09:00']]
		},
		languages: ['nl', 'en', 'pl'],
		cost: 'free',
		wheelchair: false
	},
	{
		key: 'tiel-supermarkt',
		gemeente: 'tiel',
		category: 'supermarkt',
		name: 'Supermarkt Tiel-Passewaaij',
		address: 'Passewaaijse Hogeweg 100',
		postcode: '4007 AB',
		place: 'Tiel',
		lat: 51.9011,
		lng: 5.4018,
		hours: shop(),
		languages: ['nl'],
		wheelchair: true
	},
	{
		key: 'tiel-poolse-winkel',
		gemeente: 'tiel',
		category: 'supermarkt',
		name: 'Polski sklep Tiel',
		address: 'Ambtmanstraat 8',
		postcode: '4001 GW',
		place: 'Tiel',
		lat: 51.8877,
		lng: 5.4301,
		hours: { ...office('10:00', '19:00'), sat: [['10:00', '17:00']] },
		languages: ['pl', 'nl'],
		wheelchair: false
	},
	{
		key: 'tiel-sport',
		gemeente: 'tiel',
		category: 'sport',
		name: 'Sportcentrum De Schalm',
		address: 'Dr. Willem Dreeslaan 6',
		postcode: '4003 BM',
		place: 'Tiel',
		lat: 51.8939,
		lng: 5.4149,
		hours: {
			mon: [['07:00', '22:00']],
			tue: [['07:00', '22:00']],
			wed: [['07:00', '22:00']],
			thu: [['07:00', '22:00']],
			fri: [['07:00', '22:00']],
			sat: [['09:00', '17:00']]
		},
		languages: ['nl', 'en'],
		cost: 'paid',
		wheelchair: true
	},
	{
		key: 'tiel-kerk-pools',
		gemeente: 'tiel',
		category: 'gebedshuis',
		name: 'Katholieke kerk — Poolse mis',
		address: 'Kerkstraat 1',
		postcode: '4001 EN',
		place: 'Tiel',
		lat: 51.8859,
		lng: 5.4297,
		hours: { sun: [['14:00', '15:30']] },
		languages: ['pl', 'nl'],
		cost: 'free',
		wheelchair: true,
		notes: {
			nl: 'Elke zondag om 14:00 een mis in het Pools.',
			en: 'Mass in Polish every Sunday at 14:00.'
		}
	},
	{
		key: 'tiel-vereniging',
		gemeente: 'tiel',
		category: 'vereniging',
		name: 'Roemeense vereniging Rivierenland',
		address: 'Sint Agnietenstraat 2',
		postcode: '4001 NE',
		place: 'Tiel',
		lat: 51.8862,
		lng: 5.4337,
		hours: { sat: [['14:00', '18:00']] },
		languages: ['ro', 'nl', 'en'],
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'tiel-fiets',
		gemeente: 'tiel',
		category: 'vervoer',
		name: 'Fietsverhuur station Tiel',
		address: 'Stationsplein 1',
		postcode: '4001 BK',
		place: 'Tiel',
		lat: 51.8845,
		lng: 5.4208,
		hours: { ...office('07:00', '19:00'), sat: [['09:00', '17:00']] },
		languages: ['nl', 'en'],
		cost: 'paid',
		wheelchair: true
	},
	{
		key: 'culemborg-huisarts',
		gemeente: 'culemborg',
		category: 'huisarts',
		name: 'Huisartsenpraktijk Culemborg-Oost',
		address: 'Ganzenwei 2',
		postcode: '4102 AB',
		place: 'Culemborg',
		lat: 51.9561,
		lng: 5.2375,
		hours: practice(),
		languages: ['nl', 'en', 'ro'],
		accepts_rni: true,
		new_patients: true,
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'culemborg-gemeentehuis',
		gemeente: 'culemborg',
		category: 'gemeentehuis',
		name: 'Stadskantoor Culemborg',
		address: 'Ridderstraat 250',
		postcode: '4101 BS',
		place: 'Culemborg',
		lat: 51.9566,
		lng: 5.2262,
		hours: office('08:30', '16:30'),
		exceptions: christmas,
		languages: ['nl', 'en'],
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'culemborg-apotheek',
		gemeente: 'culemborg',
		category: 'apotheek',
		name: 'Apotheek Culemborg',
		address: 'Prijssestraat 10',
		postcode: '4101 CP',
		place: 'Culemborg',
		lat: 51.9548,
		lng: 5.2291,
		hours: { ...office('08:00', '18:00'), sat: [['10:00', '13:00']] },
		languages: ['nl'],
		cost: 'paid',
		wheelchair: true
	},
	{
		key: 'culemborg-taalcursus',
		gemeente: 'culemborg',
		category: 'taalcursus',
		name: 'Taalcafé Culemborg',
		address: 'Varkensmarkt 6',
		postcode: '4101 CK',
		place: 'Culemborg',
		lat: 51.9541,
		lng: 5.228,
		hours: { tue: [['19:00', '21:00']] },
		languages: ['nl', 'en'],
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'zaltbommel-huisarts',
		gemeente: 'zaltbommel',
		category: 'huisarts',
		name: 'Huisartsen Zaltbommel',
		address: 'Oliestraat 1',
		postcode: '5301 BP',
		place: 'Zaltbommel',
		lat: 51.8103,
		lng: 5.2461,
		hours: practice(),
		languages: ['nl', 'en', 'pl'],
		accepts_rni: true,
		new_patients: false,
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'zaltbommel-gemeentehuis',
		gemeente: 'zaltbommel',
		category: 'gemeentehuis',
		name: 'Gemeentehuis Zaltbommel',
		address: 'Toutenburglaan 3',
		postcode: '5301 BT',
		place: 'Zaltbommel',
		lat: 51.8131,
		lng: 5.2511,
		hours: office('08:30', '16:30'),
		exceptions: christmas,
		languages: ['nl', 'en'],
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'zaltbommel-supermarkt',
		gemeente: 'zaltbommel',
		category: 'supermarkt',
		name: 'Supermarkt Zaltbommel-Centrum',
		address: 'Van Heemstraweg 20',
		postcode: '5301 PA',
		place: 'Zaltbommel',
		lat: 51.8089,
		lng: 5.243,
		hours: shop(),
		languages: ['nl'],
		wheelchair: true
	},
	{
		key: 'west-betuwe-gemeentehuis',
		gemeente: 'west-betuwe',
		category: 'gemeentehuis',
		name: 'Gemeentehuis West Betuwe',
		address: 'Laan van Westenenk 1',
		postcode: '4191 AA',
		place: 'Geldermalsen',
		lat: 51.8826,
		lng: 5.2845,
		hours: office('08:30', '16:30'),
		exceptions: christmas,
		languages: ['nl', 'en'],
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'west-betuwe-huisarts',
		gemeente: 'west-betuwe',
		category: 'huisarts',
		name: 'Huisartsenpraktijk Geldermalsen',
		address: 'Rijksstraatweg 40',
		postcode: '4191 SE',
		place: 'Geldermalsen',
		lat: 51.881,
		lng: 5.2903,
		hours: practice(),
		languages: ['nl', 'en'],
		accepts_rni: false,
		new_patients: true,
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'buren-gemeentehuis',
		gemeente: 'buren',
		category: 'gemeentehuis',
		name: 'Gemeentehuis Buren',
		address: 'Ds. Van Dijkweg 13',
		postcode: '4021 BV',
		place: 'Maurik',
		lat: 51.961,
		lng: 5.423,
		hours: office('08:30', '16:30'),
		languages: ['nl', 'en'],
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'buren-huisarts',
		gemeente: 'buren',
		category: 'huisarts',
		name: 'Huisartsenpraktijk Lienden',
		address: 'Dorpsstraat 30',
		postcode: '4033 AH',
		place: 'Lienden',
		lat: 51.949,
		lng: 5.513,
		hours: practice(),
		languages: ['nl', 'en', 'pl'],
		accepts_rni: true,
		new_patients: true,
		appointment: true,
		cost: 'free',
		wheelchair: false
	},
	{
		key: 'neder-betuwe-huisarts',
		gemeente: 'neder-betuwe',
		category: 'huisarts',
		name: 'Gezondheidscentrum Kesteren',
		address: 'Hoofdstraat 50',
		postcode: '4041 AE',
		place: 'Kesteren',
		lat: 51.9356,
		lng: 5.5683,
		hours: practice(),
		languages: ['nl', 'en', 'pl', 'bg'],
		accepts_rni: true,
		new_patients: true,
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'neder-betuwe-gemeentehuis',
		gemeente: 'neder-betuwe',
		category: 'gemeentehuis',
		name: 'Gemeentehuis Neder-Betuwe',
		address: 'Molenstraat 4',
		postcode: '4041 AG',
		place: 'Opheusden',
		lat: 51.9313,
		lng: 5.6326,
		hours: office('08:30', '16:30'),
		languages: ['nl'],
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'maasdriel-huisarts',
		gemeente: 'maasdriel',
		category: 'huisarts',
		name: 'Huisartsenpraktijk Kerkdriel',
		address: 'Kerkstraat 20',
		postcode: '5331 CJ',
		place: 'Kerkdriel',
		lat: 51.7721,
		lng: 5.3372,
		hours: practice(),
		languages: ['nl', 'en'],
		accepts_rni: true,
		new_patients: true,
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'maasdriel-supermarkt',
		gemeente: 'maasdriel',
		category: 'supermarkt',
		name: 'Supermarkt Kerkdriel',
		address: 'Teisterbandstraat 5',
		postcode: '5331 JA',
		place: 'Kerkdriel',
		lat: 51.7705,
		lng: 5.335,
		hours: shop(),
		languages: ['nl'],
		wheelchair: true
	},
	{
		key: 'wmw-huisarts',
		gemeente: 'west-maas-en-waal',
		category: 'huisarts',
		name: 'Huisartsenpraktijk Beneden-Leeuwen',
		address: 'Zandstraat 10',
		postcode: '6658 CV',
		place: 'Beneden-Leeuwen',
		lat: 51.8906,
		lng: 5.5146,
		hours: practice(),
		languages: ['nl', 'en', 'pl'],
		accepts_rni: true,
		new_patients: true,
		appointment: true,
		cost: 'free',
		wheelchair: true
	},
	{
		key: 'wmw-gemeentehuis',
		gemeente: 'west-maas-en-waal',
		category: 'gemeentehuis',
		name: 'Gemeentehuis West Maas en Waal',
		address: 'Ahornstraat 4',
		postcode: '6658 DR',
		place: 'Beneden-Leeuwen',
		lat: 51.8915,
		lng: 5.5121,
		hours: office('08:30', '16:30'),
		languages: ['nl'],
		appointment: true,
		cost: 'free',
		wheelchair: true
	}
];

/** A stable id per demo row, so seeding twice never duplicates. */
export function demoId(key: string): string {
	const h = createHash('sha256').update(`wegwijs-demo-facility:${key}`).digest('hex');
	return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-8${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

const FLAG = 'demoFacilitiesSeeded';

/**
 * Demo rows of earlier versions that turned out to be fiction on a point a worker acts on:
 * 'tiel-rni' was an RNI desk in Tiel, but none of the RNI gemeenten lies in Rivierenland
 * (nederlandwereldwijd.nl/rni, checked 2026-12-05). Removed wherever still an untouched demo row.
 */
export const WITHDRAWN = ['tiel-rni'];

/**
 * Adds the demo set once per region. The region remembers that it was seeded, so once an editor
 * removes the demo rows a restart does not bring them back.
 */
export async function seed(db: Db, regionId: string, verifiedOn = '2026-11-22'): Promise<number> {
	await db
		.deleteFrom('facility')
		.where('id', 'in', WITHDRAWN.map(demoId))
		.where('demo', '=', true)
		.execute();
	const region = await db
		.selectFrom('region')
		.select('settings')
		.where('id', '=', regionId)
		.executeTakeFirst();
	if (!region || region.settings[FLAG]) return 0;
	const known = new Set(
		(await db.selectFrom('gemeente').select('id').where('region_id', '=', regionId).execute()).map(
			(g) => g.id
		)
	);
	const rows = DEMO.filter((d) => known.has(d.gemeente));
	await db.transaction().execute(async (trx) => {
		for (const d of rows) {
			await trx
				.insertInto('facility')
				.values({
					id: demoId(d.key),
					region_id: regionId,
					gemeente_id: d.gemeente,
					category: d.category,
					name: d.name,
					address: d.address,
					postcode: d.postcode,
					place: d.place,
					lat: d.lat,
					lng: d.lng,
					phone: null,
					website: d.website ?? null,
					email: null,
					hours: JSON.stringify({ weekly: d.hours, exceptions: d.exceptions ?? [] }),
					languages: d.languages,
					notes: JSON.stringify(d.notes ?? {}),
					accepts_rni: d.accepts_rni ?? null,
					new_patients: d.new_patients ?? null,
					appointment: d.appointment ?? null,
					cost: d.cost ?? null,
					wheelchair: d.wheelchair ?? null,
					published: true,
					verified_on: verifiedOn,
					demo: true,
					updated_at: new Date()
				})
				.onConflict((oc) => oc.column('id').doNothing())
				.execute();
		}
		await trx
			.updateTable('region')
			.set({ settings: sql`settings || ${JSON.stringify({ [FLAG]: true })}::jsonb` })
			.where('id', '=', regionId)
			.execute();
	});
	return rows.length;
}
