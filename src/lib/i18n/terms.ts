// One voice per language: the form of address worker screens use and one rendering of each key
// term, with the variants found wrong (issue #16). `terms.spec.ts` fails when a worker-facing text
// uses a listed wrong variant, or the other form of address where it can be detected.
import type { Locale } from './locales';

export interface Voice {
	/** The worker is addressed informally (je, ty, tu, ти …) on every worker screen. */
	address: 'informal';
	/** gemeente, meldpunt, receipt number, report, registration: as the report screens say them. */
	terms: Record<'gemeente' | 'meldpunt' | 'receipt' | 'report' | 'registration', string>;
	/** Words that must not appear: wrong renderings, the other country name. */
	avoid: RegExp[];
	/**
	 * Words that give the formal "you" away (pronouns, and verb forms that only the formal address
	 * uses), or null where the language has one "you" (en). Only what these words show is caught:
	 * a formal verb form not listed here passes.
	 */
	formal: RegExp | null;
}

export const VOICES: Record<Locale, Voice> = {
	nl: {
		address: 'informal',
		terms: {
			gemeente: 'gemeente',
			meldpunt: 'meldpunt',
			receipt: 'nummer',
			report: 'melding',
			registration: 'inschrijving'
		},
		avoid: [],
		formal: /(?<!\p{L})(u|uw)(?!\p{L})/iu
	},
	en: {
		address: 'informal',
		terms: {
			gemeente: 'gemeente',
			meldpunt: 'meldpunt',
			receipt: 'number',
			report: 'report',
			registration: 'register'
		},
		avoid: [],
		formal: null
	},
	pl: {
		address: 'informal',
		terms: {
			gemeente: 'gmin',
			meldpunt: 'meldpunt',
			receipt: 'numer',
			report: 'zgłoszeni',
			registration: 'rejestr'
		},
		// "Schronisko" reads as an animal shelter or hostel; a signed statement is not a "list".
		avoid: [/Schronisk/, /list od głównego najemcy/],
		formal: /(?<!\p{L})(Pan|Pani|Państwo|Pana|Panu)(?!\p{L})/u
	},
	ro: {
		address: 'informal',
		terms: {
			gemeente: 'gemeente',
			meldpunt: 'meldpunt',
			receipt: 'număr',
			report: 'sesizare',
			registration: 'înregistr'
		},
		// The deposit is capped at bare rent ("chiria de bază"), not rent "without costs".
		avoid: [/ori chiria pe o lună, fără costuri/],
		formal: /dumneavoastr|(?<!\p{L})(V-a|vă|sunteți|[Dd]oriți|Spuneți|puteți|Știți)(?!\p{L})/u
	},
	bg: {
		address: 'informal',
		terms: {
			gemeente: 'общин',
			meldpunt: 'meldpunt',
			receipt: 'номер',
			report: 'сигнал',
			registration: 'регистр'
		},
		// One name for the country: Нидерландия.
		avoid: [/Холандия/],
		formal: /(?<!\p{L})(сте|[Вв]ие|[Вв]и|[Ии]скате|[Зз]наете|[Мм]ожете)(?!\p{L})/u
	},
	uk: {
		address: 'informal',
		terms: {
			gemeente: 'муніципалітет',
			meldpunt: 'meldpunt',
			receipt: 'номер',
			report: 'звернення',
			registration: 'реєстр'
		},
		// "громадськ-" (public, as in public health) is a different word.
		avoid: [/громад(?!ськ)/],
		// Plural imperatives (-йте, -іть, -мте, -рте, -ьте …; reflexive -ся/-сь) and present or
		// future 2nd person plural (-ете, -єте, -ите, -їте). "навіть" (even) and neuter participles
		// such as "закрите" (closed) only look like them.
		formal:
			/(?<![\p{L}’])([Вв]и|[Вв]ас|[Вв]ам|[Вв]ами|[Вв]аш\p{L}*|(?![Нн]авіть)\p{L}+(йте|іть|[вжмршчь]те)(ся|сь)?|\p{L}+(ете|єте|їте|(?<!кр)ите)(ся|сь)?)(?![\p{L}’])/u
	},
	lt: {
		address: 'informal',
		terms: {
			gemeente: 'savivaldyb',
			meldpunt: 'meldpunt',
			receipt: 'numer',
			report: 'pranešim',
			registration: 'registr'
		},
		avoid: [],
		// Every 2nd person plural verb ends in -te (present -ate/-ite/-ote, future -site, past -ote/-ėte,
		// conditional -tumėte, imperative -kite), reflexive -tės; a genitive such as "savaitės" (of
		// the week) only looks like the reflexive -itės.
		formal:
			/(?<!\p{L})([Jj]ūs|[Jj]ums|[Jj]umis|[Jj]us|[Jj]ūsų|\p{L}+[aioė]te|\p{L}+([aoė]|(?<!a)i)tės)(?!\p{L})/u
	},
	lv: {
		address: 'informal',
		terms: {
			gemeente: 'pašvaldīb',
			meldpunt: 'meldpunt',
			receipt: 'numur',
			report: 'ziņojum',
			registration: 'reģistr'
		},
		avoid: [],
		formal: /(?<!\p{L})([Jj]ūs|[Jj]ums|[Jj]ūsu|esat|[Vv]ēlaties|varat)(?!\p{L})/u
	},
	hu: {
		address: 'informal',
		terms: {
			gemeente: 'önkormányzat',
			meldpunt: 'meldpunt',
			receipt: 'szám',
			report: 'bejelentés',
			registration: 'regisztr'
		},
		avoid: [],
		formal: /(?<!\p{L})(Ön|Önt|Önnek|Szeretne)(?!\p{L})/u
	},
	sk: {
		address: 'informal',
		terms: {
			gemeente: 'obc',
			meldpunt: 'meldpunt',
			receipt: 'čísl',
			report: 'nahlásen',
			registration: 'registr'
		},
		avoid: [],
		formal:
			/(?<!\p{L})([Vv]y|[Vv]ás|[Vv]ám|[Vv]áš|[Vv]aš\p{L}*|ste|[Cc]hcete|[Vv]iete|môžete)(?!\p{L})/u
	},
	cs: {
		address: 'informal',
		terms: {
			gemeente: 'obc',
			meldpunt: 'meldpunt',
			receipt: 'čísl',
			report: 'hlášení',
			registration: 'registr'
		},
		avoid: [],
		formal:
			/(?<!\p{L})([Vv]y|[Vv]ás|[Vv]ám|[Vv]áš|[Vv]aš\p{L}*|jste|[Cc]hcete|[Vv]íte|můžete)(?!\p{L})/u
	},
	pt: {
		address: 'informal',
		terms: {
			gemeente: 'município',
			meldpunt: 'meldpunt',
			receipt: 'número',
			report: 'comunicação',
			registration: 'regist'
		},
		avoid: [],
		formal:
			/(?<!\p{L})(você|o senhor|a senhora|Diga|Responda|[Qq]uer ajuda|[Ss]abe onde|[Pp]ode (saltar|permiti)|[Tt]ente|[Qq]uer dizer mais|[Aa]s suas respostas|[Aa] sua (opinião|resposta))(?!\p{L})/u
	},
	es: {
		address: 'informal',
		terms: {
			gemeente: 'municipio',
			meldpunt: 'meldpunt',
			receipt: 'número',
			report: 'aviso',
			registration: 'inscri'
		},
		avoid: [],
		formal: /(?<!\p{L})(usted|[Ll]e ha)(?!\p{L})/u
	}
};
