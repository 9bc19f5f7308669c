// One voice per language: the form of address worker screens use and one rendering of each key
// term, with the variants found wrong (issue #16). `terms.spec.ts` fails when a worker-facing text
// uses a listed wrong variant, or the other form of address where it can be detected.
import type { Locale } from './locales';

export interface Voice {
	/** The worker is addressed informally (je, ty, tu, ти …) on every worker screen. */
	address: 'informal';
	/** gemeente, meldpunt, receipt number, report, registration: as the report screens say them. */
	terms: Record<'gemeente' | 'meldpunt' | 'receipt' | 'report' | 'registration', string>;
	/** Words that must not appear: wrong renderings, the other country name, the formal "you". */
	avoid: RegExp[];
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
		// "u/uw" is the formal you; worker screens say "je/jij".
		avoid: [/\b(u|uw)\b/]
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
		avoid: []
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
		avoid: [/Schronisk/, /list od głównego najemcy/, /\bPan(i|a)?\b/]
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
		avoid: [/ori chiria pe o lună, fără costuri/, /\bdumneavoastră\b/]
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
		avoid: [/Холандия/]
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
		avoid: [/громад(?!ськ)/]
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
		avoid: []
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
		avoid: []
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
		avoid: []
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
		avoid: []
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
		avoid: []
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
		avoid: []
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
		avoid: []
	}
};
