// The shape of the national guides, the "my first weeks" checklist and the glossary: which guides
// exist, their steps in order, which steps say what to bring and where to go, their sources and
// the date their wording was checked. The words themselves are in `content/{locale}.json`, one
// file per locale with exactly this shape — `content.spec.ts` fails when a locale differs.
// Figures that change (minimum wage, eigen risico …) are not in the words: they are {placeholders}
// filled from the `fact` table, which editors keep current without code (see facts.ts).

export interface StepShape {
	id: string;
	/** The step says what to bring. */
	bring?: true;
	/** The step says where to go. */
	where?: true;
	/** A facility category on the map where the worker finds that place. */
	map?: string;
}

export interface Source {
	name: string;
	url: string;
}

export interface GuideShape {
	slug: string;
	icon: string;
	/** When the wording (not the figures) was last checked against the sources. */
	checked: string;
	sources: Source[];
	steps: StepShape[];
}

const RIJKSOVERHEID = 'https://www.rijksoverheid.nl';
const GOVERNMENT = 'https://www.government.nl';

export const guides: GuideShape[] = [
	{
		slug: 'registering',
		icon: 'id',
		checked: '2026-12-05',
		sources: [
			{
				name: 'Nederland Wereldwijd — Registering in the RNI (the desks, what to bring)',
				url: 'https://www.nederlandwereldwijd.nl/rni/inschrijven'
			},
			{
				name: 'Gemeente Nijmegen — Registratie Niet-Ingezetenen',
				url: 'https://www.nijmegen.nl/diensten/verhuizen/registratie-niet-ingezetenen/'
			},
			{
				name: 'Government.nl — Registering in the Netherlands as a non-resident (RNI)',
				url: `${GOVERNMENT}/topics/personal-data/registration-in-the-non-residents-records-database-rni`
			},
			{
				name: 'Government.nl — Registering with the municipality (BRP)',
				url: `${GOVERNMENT}/topics/personal-data/personal-records-database-brp`
			},
			{ name: 'Regional policy Arnhem-Nijmegen 2022–2025, building block 2.1', url: '' }
		],
		steps: [
			{ id: 'rni_or_brp' },
			// No RNI desk lies in the model region; the step names the real nearest ones instead of
			// sending workers to the map (issue #16).
			{ id: 'rni', bring: true, where: true },
			{ id: 'brp', bring: true, where: true, map: 'gemeentehuis' },
			{ id: 'bsn' },
			{ id: 'same_rights' },
			{ id: 'leaving', where: true }
		]
	},
	{
		slug: 'digid',
		icon: 'key',
		checked: '2026-12-05',
		sources: [
			{ name: 'DigiD — Apply for DigiD', url: 'https://www.digid.nl/en/apply-and-activate' },
			{
				name: 'DigiD — Living abroad (baliecode, DigiD desks)',
				url: 'https://www.digid.nl/buitenland/'
			},
			{
				name: 'Netherlands Worldwide — Collect your code by video call',
				url: 'https://www.netherlandsworldwide.nl/digid-abroad/collect-code-video-call'
			},
			{
				name: 'DigiD — Living abroad or registered in the RNI',
				url: 'https://www.digid.nl/en/apply-and-activate/digid-abroad'
			}
		],
		steps: [
			{ id: 'what' },
			{ id: 'apply', bring: true, where: true },
			{ id: 'letter' },
			// DigiD desks are a different list from the RNI desks: no map category fits.
			{ id: 'no_address', bring: true, where: true },
			{ id: 'safe' }
		]
	},
	{
		slug: 'health-insurance',
		icon: 'card',
		checked: '2026-12-05',
		sources: [
			{
				name: 'SKGZ — Start and end of health insurance (the 4 months, cover back to day one)',
				url: 'https://www.skgz.nl/thema/begin-en-einde-zorgverzekering/'
			},
			{
				name: 'CAK — Regeling onverzekerden (letters and fines)',
				url: 'https://www.hetcak.nl/regelingen/regeling-onverzekerden'
			},
			{
				name: 'SVB — The A1 certificate for posted workers',
				url: 'https://www.svb.nl/nl/id/u-werkt-buiten-nederland/wat-is-een-a1-certificate-of-coverage'
			},
			{
				name: 'Government.nl — Health insurance for people working in the Netherlands',
				url: `${GOVERNMENT}/topics/health-insurance`
			},
			{
				name: 'Belastingdienst — Zorgtoeslag (healthcare allowance)',
				url: 'https://www.belastingdienst.nl/wps/wcm/connect/en/individuals/content/healthcare-allowance'
			},
			{ name: 'Regional policy Arnhem-Nijmegen 2022–2025, building block 3.2', url: '' }
		],
		steps: [
			{ id: 'obligation' },
			{ id: 'employer_offer' },
			{ id: 'card', where: true },
			{ id: 'allowance', bring: true, where: true },
			{ id: 'own_risk' },
			{ id: 'no_card' }
		]
	},
	{
		slug: 'doctor',
		icon: 'health',
		checked: '2026-12-05',
		sources: [
			{
				name: 'Government.nl — Healthcare in the Netherlands',
				url: `${GOVERNMENT}/topics/health-insurance`
			},
			{ name: 'Thuisarts.nl — information from Dutch GPs', url: 'https://www.thuisarts.nl' }
		],
		steps: [
			{ id: 'register', bring: true, where: true, map: 'huisarts' },
			{ id: 'appointment' },
			{ id: 'out_of_hours', where: true, map: 'huisartsenpost' },
			{ id: 'emergency' },
			{ id: 'pharmacy', where: true, map: 'apotheek' },
			{ id: 'dentist', where: true, map: 'tandarts' }
		]
	},
	{
		slug: 'work-rights',
		icon: 'work',
		checked: '2026-12-05',
		sources: [
			{
				name: 'Rijksoverheid — Deducting rent and health insurance from the minimum wage',
				url: `${RIJKSOVERHEID}/onderwerpen/minimumloon/vraag-en-antwoord/kosten-voor-huur-en-zorgverzekering-inhouden-op-minimumloon-werknemer`
			},
			{
				name: 'Inspectie SZW — Lending out workers: no fee from the worker (Waadi art. 9)',
				url: 'https://www.inspectieszw.nl/onderwerpen/algemeen-inhuur-of-uitleen-van-personeel'
			},
			{
				name: 'Rijksoverheid — Eerste Kamer adopts the Wtta (11 November 2025)',
				url: `${RIJKSOVERHEID}/actueel/nieuws/2025/11/11/eerste-kamer-stemt-in-met-strengere-regels-voor-de-uitleenmarkt`
			},
			{
				name: 'Government.nl — Minimum wage',
				url: `${GOVERNMENT}/topics/minimum-wage`
			},
			{
				name: 'Rijksoverheid — Werken in Nederland (in several languages)',
				url: 'https://www.workinnl.nl'
			},
			{ name: 'CCV — Barrier model: protecting vulnerable labour migrants (2023)', url: '' }
		],
		steps: [
			{ id: 'minimum_wage' },
			{ id: 'payslip' },
			{ id: 'deductions' },
			{ id: 'hours' },
			{ id: 'contracts' },
			{ id: 'agency' },
			{ id: 'help', where: true, map: 'juridisch_advies' }
		]
	},
	{
		slug: 'housing-rights',
		icon: 'home',
		checked: '2026-12-05',
		sources: [
			{
				name: 'Rijksoverheid — Wet goed verhuurderschap',
				url: `${RIJKSOVERHEID}/onderwerpen/huurwoning-zoeken/goed-verhuurderschap`
			},
			{
				name: 'Stichting Normering Flexwonen — information for residents (the norm per person)',
				url: 'https://www.normeringflexwonen.nl/information-for-residents'
			},
			{ name: 'Huurcommissie', url: 'https://www.huurcommissie.nl' }
		],
		steps: [
			{ id: 'space' },
			{ id: 'contract' },
			{ id: 'deposit' },
			{ id: 'costs', where: true },
			{ id: 'address' },
			{ id: 'report', where: true }
		]
	},
	{
		slug: 'learning-dutch',
		icon: 'language',
		checked: '2026-11-22',
		sources: [
			{ name: 'Regional policy Arnhem-Nijmegen 2022–2025, building block 3.3', url: '' },
			{ name: 'Oefenen.nl — free Dutch practice online', url: 'https://oefenen.nl' }
		],
		steps: [
			{ id: 'why' },
			{ id: 'courses', where: true, map: 'taalcursus' },
			{ id: 'free' },
			{ id: 'daily' }
		]
	}
];

/** "My first weeks": the route from arrival to huisarts, each item pointing at a guide step. */
export const checklist: Array<{ id: string; guide: string; step: string }> = [
	{ id: 'register', guide: 'registering', step: 'rni_or_brp' },
	{ id: 'bsn', guide: 'registering', step: 'bsn' },
	{ id: 'bank', guide: 'registering', step: 'bsn' },
	{ id: 'digid', guide: 'digid', step: 'apply' },
	{ id: 'insurance', guide: 'health-insurance', step: 'obligation' },
	{ id: 'huisarts', guide: 'doctor', step: 'register' },
	{ id: 'language', guide: 'learning-dutch', step: 'courses' }
];

/** Dutch words workers meet, as they are written in the Netherlands. Meanings are per locale. */
export const glossary: Array<{ id: string; term: string }> = [
	{ id: 'bsn', term: 'BSN (burgerservicenummer)' },
	{ id: 'brp', term: 'BRP (Basisregistratie Personen)' },
	{ id: 'rni', term: 'RNI (Registratie Niet-ingezetenen)' },
	{ id: 'digid', term: 'DigiD' },
	{ id: 'gemeente', term: 'gemeente' },
	{ id: 'uitzendbureau', term: 'uitzendbureau' },
	{ id: 'cao', term: 'cao' },
	{ id: 'loonstrook', term: 'loonstrook' },
	{ id: 'bruto_netto', term: 'bruto / netto' },
	{ id: 'minimumloon', term: 'minimumloon' },
	{ id: 'vakantiegeld', term: 'vakantiegeld' },
	{ id: 'inhouding', term: 'inhouding' },
	{ id: 'zorgverzekering', term: 'zorgverzekering' },
	{ id: 'zorgpas', term: 'zorgpas' },
	{ id: 'zorgtoeslag', term: 'zorgtoeslag' },
	{ id: 'eigen_risico', term: 'eigen risico' },
	{ id: 'huisarts', term: 'huisarts' },
	{ id: 'huisartsenpost', term: 'huisartsenpost' },
	{ id: 'apotheek', term: 'apotheek' },
	{ id: 'tandarts', term: 'tandarts' },
	{ id: 'huurcontract', term: 'huurcontract' },
	{ id: 'waarborgsom', term: 'waarborgsom (borg)' },
	{ id: 'servicekosten', term: 'servicekosten' },
	{ id: 'belastingdienst', term: 'Belastingdienst' },
	{ id: 'meldpunt', term: 'meldpunt' }
];

/** The figures guides may use as {placeholders}; each is a row in the `fact` table. */
export const FACT_KEYS = [
	'min_wage_hour',
	'min_wage_from',
	'housing_deduction_max',
	'own_risk',
	'deposit_max_months',
	'space_per_person',
	'agency_housing_weeks',
	'police_non_emergency',
	'crime_anonymous',
	'brp_months',
	'brp_days',
	'move_days',
	'emigration_months',
	'insurance_months',
	'holiday_pay',
	'deposit_return_days',
	'deposit_return_damage_days',
	'baliecode_days',
	'activation_code_days',
	'wtta_from',
	'wtta_enforced'
] as const;
export type FactKey = (typeof FACT_KEYS)[number];

export function guide(slug: string): GuideShape | undefined {
	return guides.find((g) => g.slug === slug);
}
