// Model region seed: Rivierenland (Gelderland). Facts from shared/domain (VNG 2023, regional policy brief); checked 2026-11-22, phone numbers again on 2026-12-05.
import type { RegionSeed } from '../../regions/types.ts';

// Worker-facing texts use "internationale werknemer" / "international worker", as the regional
// policy asks. Phone numbers are only filled in where they are well-known national numbers;
// everything else is null on purpose (never guess a number).
export const rivierenland: RegionSeed = {
	slug: 'rivierenland',
	name: 'Regio Rivierenland',
	settings: {
		appName: 'Wegwijs Rivierenland',
		shortName: 'Wegwijs',
		themeColor: '#0b5394',
		backgroundColor: '#ffffff'
	},
	// The eight gemeenten of Regio Rivierenland. West Betuwe (since 2019-01-01) replaced
	// Geldermalsen, Lingewaal and Neerijnen, so those old names can still appear in addresses.
	gemeenten: [
		{ slug: 'buren', name: 'Buren', cbsCode: 'GM0214' },
		{ slug: 'culemborg', name: 'Culemborg', cbsCode: 'GM0216' },
		{ slug: 'maasdriel', name: 'Maasdriel', cbsCode: 'GM0263' },
		{ slug: 'neder-betuwe', name: 'Neder-Betuwe', cbsCode: 'GM1740' },
		{ slug: 'tiel', name: 'Tiel', cbsCode: 'GM0281' },
		{ slug: 'west-betuwe', name: 'West Betuwe', cbsCode: 'GM1960' },
		{ slug: 'west-maas-en-waal', name: 'West Maas en Waal', cbsCode: 'GM0668' },
		{ slug: 'zaltbommel', name: 'Zaltbommel', cbsCode: 'GM0297' }
	],
	partners: [
		// VNG: "Meld deze signalen bij de NLA". Consent level 2 (no identifying data) is meant for
		// the NLA. The NLA investigates anonymous reports only where there is serious danger to
		// health or safety or demonstrable underpayment (nlarbeidsinspectie.nl, checked 2026-12-05).
		{
			slug: 'nla',
			name: 'Nederlandse Arbeidsinspectie',
			kind: 'inspection',
			handles: {
				nl: 'De Arbeidsinspectie controleert of werkgevers en uitzendbureaus zich aan de regels voor werk houden. Zij onderzoekt meldingen over te weinig loon, veel te lange werkdagen, gevaarlijk werk en uitbuiting.',
				en: 'The Labour Inspectorate checks that employers and temp agencies follow the rules for work. It looks into reports about too little pay, very long working days, dangerous work and exploitation.'
			},
			acceptsAnonymous: true,
			website: 'https://www.nlarbeidsinspectie.nl',
			phone: '0800-5151',
			categoryGroups: ['work']
		},
		// SNF asks for the reporter's name and contact details, so an anonymous report can only
		// reach SNF through the gemeente. Suggest only when the location is SNF-certified.
		{
			slug: 'snf',
			name: 'Stichting Normering Flexwonen (SNF)',
			kind: 'certification',
			handles: {
				nl: 'SNF geeft een keurmerk aan woningen voor internationale werknemers en controleert die woningen. Is een woning met dit keurmerk niet meer in orde, dan kan SNF snel een extra controle doen (SNF vraagt wel de naam van wie meldt).',
				en: 'SNF gives a quality mark to housing for international workers and checks these places. If a home with this mark is no longer in order, SNF can quickly do an extra check (SNF does ask for the name of the person who reports).'
			},
			acceptsAnonymous: false,
			website: 'https://www.normeringflexwonen.nl',
			phone: null,
			categoryGroups: ['housing']
		},
		// Support for the worker (victims of labour exploitation or trafficking); needs contact
		// with the worker to help, so not for anonymous referral.
		{
			slug: 'fairwork',
			name: 'FairWork',
			kind: 'worker_support',
			handles: {
				nl: 'FairWork helpt internationale werknemers die worden uitgebuit of slachtoffer zijn van mensenhandel. Zij geven advies en steun en komen op voor jouw belangen.',
				en: 'FairWork helps international workers who are exploited or who are victims of human trafficking. They give advice and support and stand up for your interests.'
			},
			acceptsAnonymous: false,
			website: 'https://www.fairwork.nu',
			phone: null,
			categoryGroups: ['work']
		},
		// WGV referral target for rent and service costs. A case is started by the tenant, by name.
		{
			slug: 'huurcommissie',
			name: 'Huurcommissie',
			kind: 'rent',
			handles: {
				nl: 'De Huurcommissie beslist bij onenigheid tussen huurder en verhuurder over de huurprijs, de servicekosten en gebreken aan de woning. Je begint daar zelf een zaak, met je eigen naam.',
				en: 'The Huurcommissie (rent tribunal) decides on disagreements between tenant and landlord about the rent, service costs and defects in the home. You start a case there yourself, with your own name.'
			},
			acceptsAnonymous: false,
			website: 'https://www.huurcommissie.nl',
			phone: null,
			categoryGroups: ['housing']
		},
		// WGV referral target and help for pay/CAO questions. Information in Dutch and English.
		{
			slug: 'juridisch-loket',
			name: 'Het Juridisch Loket',
			kind: 'legal',
			handles: {
				nl: 'Het Juridisch Loket geeft advies bij juridische vragen, bijvoorbeeld over je huurcontract, je borg, je loon of ontslag. Advies aan de balie is gratis; op de website staat hoe je hen bereikt. Informatie is er in het Nederlands en het Engels.',
				en: 'Het Juridisch Loket (legal aid desk) gives advice on legal questions, for example about your rental contract, your deposit, your pay or dismissal. Advice at its offices is free; its website says how to reach them. Information is available in Dutch and English.'
			},
			acceptsAnonymous: false,
			website: 'https://www.juridischloket.nl',
			// The only official copy we could check names 0900-8020 at €0.25 a minute (calls to 0900
			// often fail from prepaid and foreign SIMs); a free 0800 number is reported elsewhere but
			// not confirmed (checked 2026-12-05). No number rather than a wrong or costly one.
			phone: null,
			categoryGroups: ['housing', 'work']
		},
		// Crime and danger; reached through the gemeente's aandachtsfunctionaris mensenhandel.
		// Police can act on a signal without the reporter's name; an aangifte does need a name.
		// The urgent form shows 112 first.
		{
			slug: 'politie',
			name: 'Politie',
			kind: 'police',
			handles: {
				nl: 'De politie komt in actie bij geweld, bedreiging, dwang en andere misdrijven, ook bij mensenhandel. Bij direct gevaar bel je 112, anders 0900-8844.',
				en: 'The police act on violence, threats, force and other crimes, including human trafficking. In immediate danger call 112, otherwise 0900-8844.'
			},
			acceptsAnonymous: true,
			website: 'https://www.politie.nl',
			phone: '0900-8844',
			categoryGroups: ['work']
		},
		// National coordination centre against human trafficking; signals go there through the
		// aandachtsfunctionaris. It arranges care for (named) victims, it does not investigate.
		{
			slug: 'comensha',
			name: 'CoMensha',
			kind: 'trafficking',
			handles: {
				nl: 'CoMensha is het landelijke centrum tegen mensenhandel. Het helpt slachtoffers van mensenhandel en uitbuiting om opvang, zorg en hulp te krijgen.',
				en: 'CoMensha is the national centre against human trafficking. It helps victims of trafficking and exploitation to get shelter, care and support.'
			},
			acceptsAnonymous: false,
			website: 'https://www.comensha.nl',
			phone: null,
			categoryGroups: ['work']
		},
		// The briefs name only the generic "gemeentelijke anti-discriminatievoorziening", not the
		// regional one. Discriminatie.nl is the joint national site of the ADVs. An anonymous report
		// is only registered; advice or mediation needs contact details.
		{
			slug: 'adv',
			name: 'Anti-discriminatievoorziening (ADV)',
			kind: 'discrimination',
			handles: {
				nl: 'De anti-discriminatievoorziening helpt als je anders wordt behandeld omdat je uit een ander land komt, bijvoorbeeld door een verhuurder. Zij geven advies, helpen bij een klacht en houden alle meldingen bij.',
				en: 'The anti-discrimination service helps when you are treated differently because you come from another country, for example by a landlord. They give advice, help with a complaint and keep a record of all reports.'
			},
			acceptsAnonymous: true,
			website: 'https://www.discriminatie.nl',
			phone: null,
			categoryGroups: ['housing']
		},
		// Temp-work CAO; helps migrants "in eigen taal" with questions about work and employer.
		// Whether SNCU acts on a fully anonymous report is not in the briefs: kept false (verify).
		{
			slug: 'sncu',
			name: 'SNCU (Stichting Naleving CAO voor Uitzendkrachten)',
			kind: 'wages',
			handles: {
				nl: 'De SNCU controleert of uitzendbureaus zich aan de cao voor uitzendkrachten houden, bijvoorbeeld bij loon en inhoudingen. Je kunt de SNCU in je eigen taal vragen stellen over je werk en je uitzendbureau.',
				en: 'SNCU checks that temp agencies follow the collective agreement (CAO) for temp workers, for example on pay and deductions. You can ask SNCU questions about your work and your agency in your own language.'
			},
			acceptsAnonymous: false,
			website: 'https://www.sncu.nl',
			phone: null,
			categoryGroups: ['work']
		},
		// Homelessness after losing work. Barka is named in both briefs; the gemeente can offer
		// temporary shelter (maatschappelijke opvang, also Leger des Heils).
		{
			slug: 'opvang',
			name: 'Stichting Barka en maatschappelijke opvang',
			kind: 'shelter',
			handles: {
				nl: 'Barka helpt internationale werknemers die geen woning meer hebben, ook als zij terug willen naar hun eigen land. De gemeente kan je ook tijdelijk een slaapplek geven in de maatschappelijke opvang.',
				en: 'Barka helps international workers who have lost their home, also if they want to go back to their own country. The gemeente can also give you a temporary place to sleep in a shelter (maatschappelijke opvang).'
			},
			acceptsAnonymous: false,
			website: 'https://barkanl.org',
			phone: null,
			categoryGroups: ['housing']
		},
		// Help for members only (VNG: FNV/CNV). FNV is also a named partner in the regional policy.
		{
			slug: 'vakbond',
			name: 'Vakbond (FNV, CNV)',
			kind: 'worker_support',
			handles: {
				nl: 'Een vakbond helpt zijn leden met vragen over werk en loon, ook bij ruzie met de werkgever. Daarvoor moet je lid zijn.',
				en: 'A trade union helps its members with questions about work and pay, also in a conflict with the employer. You have to be a member.'
			},
			acceptsAnonymous: false,
			website: 'https://www.fnv.nl',
			phone: null,
			categoryGroups: ['work']
		}
	]
};
