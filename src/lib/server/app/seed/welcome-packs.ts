// The welkomstpakket of each of the eight gemeenten, in all 13 languages, holding only what public
// sources confirmed on 2026-12-05: the gemeente's own contact details where found, the nearest RNI
// desk and the police. Local rules (waste, parking, noise) were not found, so each text says the
// gemeente has not written them yet instead of inventing them; editors replace the texts at
// /staff/welcome. Sources per contact below.
import type { WelcomeContact } from '../../../guides/welcome.ts';
import type { Field } from '../../content/welcome.ts';

type Contact = Omit<WelcomeContact, 'kind'>;

const none = { address: '', phone: '', hours: '', website: '' };

// Per gemeente, only what a source stated. Not found (so left empty): Tiel's address and phone,
// Buren's (a new gemeentehuis in Maurik was due in 2026), West Betuwe's and Neder-Betuwe's.
const GEMEENTEHUIS: Record<string, Contact> = {
	// Walk-in for moves on working days; the street address was not in the stored pages.
	tiel: {
		...none,
		name: 'Gemeente Tiel — stadhuis',
		website: 'https://www.tiel.nl/regelen/inwoners/verhuizen_en_emigratie'
	},
	buren: { ...none, name: 'Gemeente Buren', website: 'https://www.buren.nl' },
	// Gelderlander/Omroep Gelderland, October 2022, quoting the gemeente.
	culemborg: {
		...none,
		name: 'Gemeente Culemborg — gemeentehuis',
		address: 'Ridderstraat 250, Culemborg'
	},
	// The gemeente's own weekly page, March 2023.
	maasdriel: {
		...none,
		name: 'Gemeente Maasdriel — gemeentehuis',
		address: 'Kerkstraat 45, 5331 CB Kerkdriel',
		phone: '14 0418'
	},
	'neder-betuwe': {
		...none,
		name: 'Gemeente Neder-Betuwe (Opheusden, op afspraak / by appointment)'
	},
	'west-betuwe': { ...none, name: 'Gemeente West Betuwe' },
	// Central number and service standards on the gemeente's site.
	'west-maas-en-waal': {
		...none,
		name: 'Gemeente West Maas en Waal (Beneden-Leeuwen)',
		phone: '14 0487',
		website: 'https://www.westmaasenwaal.nl/servicenormen'
	},
	// First registration from abroad by appointment, phone 14 0418.
	zaltbommel: {
		...none,
		name: 'Gemeente Zaltbommel',
		phone: '14 0418',
		website:
			'https://www.zaltbommel.nl/inwoner-en-ondernemer/wonen-en-leven/verhuizen/eerste-inschrijving'
	}
};

/** No RNI desk lies in Rivierenland; Nijmegen's is the nearest for most of it. */
const RNI: WelcomeContact = {
	kind: 'rni',
	name: 'RNI-loket Nijmegen (op afspraak / by appointment)',
	address: 'Tweede Walstraat 14, Nijmegen',
	phone: '',
	hours: '',
	website: 'https://www.nijmegen.nl/diensten/verhuizen/registratie-niet-ingezetenen/'
};

const POLICE: WelcomeContact = {
	kind: 'police',
	name: 'Politie (112 bij gevaar / 112 in danger)',
	address: '',
	phone: '0900-8844',
	hours: '24/7',
	website: 'https://www.politie.nl'
};

export const gemeenten = Object.keys(GEMEENTEHUIS);

export function contacts(gemeente: string): WelcomeContact[] {
	return [{ kind: 'gemeente', ...GEMEENTEHUIS[gemeente] }, RNI, POLICE];
}

const TEXTS: Record<string, Record<Field, string>> = {
	nl: {
		welcome:
			'Welkom in {name}! Hier vind je de contactgegevens van de gemeente {name} en wat je in je eerste weken nodig hebt. De uitleg in deze app vertelt over inschrijven (RNI of BRP), DigiD, de zorgverzekering en je rechten. De gemeente heeft deze pagina nog niet nagekeken; de contactgegevens hieronder komen uit openbare bronnen, gecontroleerd op 5 december 2026.',
		waste:
			'De gemeente {name} heeft haar regels voor afval hier nog niet beschreven. Vraag het bij de gemeente of kijk op haar website.',
		parking:
			'De gemeente {name} heeft haar regels voor parkeren hier nog niet beschreven. Vraag het bij de gemeente of kijk op haar website.',
		noise:
			'De gemeente {name} heeft haar regels over geluid en rust hier nog niet beschreven. Vraag het bij de gemeente of kijk op haar website.'
	},
	en: {
		welcome:
			'Welcome to {name}! Here you find the contacts of the gemeente {name} and what you need in your first weeks. The guides in this app explain registering (RNI or BRP), DigiD, health insurance and your rights. The gemeente has not yet checked this page; the contacts below come from public sources, checked on 5 December 2026.',
		waste:
			'The gemeente {name} has not yet written its rules for waste here. Ask at the gemeente or look on its website.',
		parking:
			'The gemeente {name} has not yet written its rules for parking here. Ask at the gemeente or look on its website.',
		noise:
			'The gemeente {name} has not yet written its rules on noise and quiet hours here. Ask at the gemeente or look on its website.'
	},
	pl: {
		welcome:
			'Witaj w {name}! Tutaj znajdziesz dane kontaktowe gminy {name} i to, czego potrzebujesz w pierwszych tygodniach. Poradniki w tej aplikacji wyjaśniają rejestrację (RNI lub BRP), DigiD, ubezpieczenie zdrowotne i twoje prawa. Gmina jeszcze nie sprawdziła tej strony; dane kontaktowe poniżej pochodzą z publicznych źródeł, sprawdzonych 5 grudnia 2026.',
		waste:
			'Gmina {name} nie opisała tu jeszcze swoich zasad dotyczących śmieci. Zapytaj w gminie albo sprawdź na jej stronie internetowej.',
		parking:
			'Gmina {name} nie opisała tu jeszcze swoich zasad parkowania. Zapytaj w gminie albo sprawdź na jej stronie internetowej.',
		noise:
			'Gmina {name} nie opisała tu jeszcze swoich zasad dotyczących hałasu i ciszy. Zapytaj w gminie albo sprawdź na jej stronie internetowej.'
	},
	ro: {
		welcome:
			'Bine ai venit în {name}! Aici găsești datele de contact ale primăriei {name} și ce îți trebuie în primele săptămâni. Ghidurile din această aplicație explică înregistrarea (RNI sau BRP), DigiD, asigurarea de sănătate și drepturile tale. Primăria nu a verificat încă această pagină; datele de contact de mai jos provin din surse publice, verificate pe 5 decembrie 2026.',
		waste:
			'Primăria {name} nu și-a scris încă aici regulile pentru gunoi. Întreabă la primărie sau uită-te pe site-ul ei.',
		parking:
			'Primăria {name} nu și-a scris încă aici regulile pentru parcare. Întreabă la primărie sau uită-te pe site-ul ei.',
		noise:
			'Primăria {name} nu și-a scris încă aici regulile despre zgomot și liniște. Întreabă la primărie sau uită-te pe site-ul ei.'
	},
	bg: {
		welcome:
			'Добре дошъл в {name}! Тук ще намериш данните за контакт на община {name} и какво ти трябва през първите седмици. Ръководствата в това приложение обясняват регистрацията (RNI или BRP), DigiD, здравната застраховка и правата ти. Общината още не е проверила тази страница; данните за контакт по-долу са от публични източници, проверени на 5 декември 2026 г.',
		waste:
			'Община {name} още не е описала тук правилата си за отпадъците. Попитай в общината или виж сайта ѝ.',
		parking:
			'Община {name} още не е описала тук правилата си за паркиране. Попитай в общината или виж сайта ѝ.',
		noise:
			'Община {name} още не е описала тук правилата си за шума и тишината. Попитай в общината или виж сайта ѝ.'
	},
	uk: {
		welcome:
			'Ласкаво просимо до {name}! Тут ти знайдеш контакти муніципалітету {name} і те, що потрібно в перші тижні. Посібники в цьому застосунку пояснюють реєстрацію (RNI або BRP), DigiD, медичне страхування і твої права. Муніципалітет ще не перевірив цю сторінку; контакти нижче взято з публічних джерел, перевірених 5 грудня 2026 року.',
		waste:
			'Муніципалітет {name} ще не описав тут своїх правил щодо сміття. Запитай у муніципалітеті або подивись на його сайті.',
		parking:
			'Муніципалітет {name} ще не описав тут своїх правил паркування. Запитай у муніципалітеті або подивись на його сайті.',
		noise:
			'Муніципалітет {name} ще не описав тут своїх правил щодо шуму й тиші. Запитай у муніципалітеті або подивись на його сайті.'
	},
	lt: {
		welcome:
			'Sveiki atvykę į {name}! Čia rasi {name} savivaldybės kontaktus ir tai, ko tau reikia per pirmąsias savaites. Šios programėlės vadovai paaiškina registraciją (RNI arba BRP), DigiD, sveikatos draudimą ir tavo teises. Savivaldybė šio puslapio dar nepatikrino; toliau pateikti kontaktai paimti iš viešų šaltinių, patikrintų 2026 m. gruodžio 5 d.',
		waste:
			'{name} savivaldybė čia dar neaprašė savo atliekų taisyklių. Paklausk savivaldybėje arba pažiūrėk jos svetainėje.',
		parking:
			'{name} savivaldybė čia dar neaprašė savo automobilių stovėjimo taisyklių. Paklausk savivaldybėje arba pažiūrėk jos svetainėje.',
		noise:
			'{name} savivaldybė čia dar neaprašė savo triukšmo ir ramybės taisyklių. Paklausk savivaldybėje arba pažiūrėk jos svetainėje.'
	},
	lv: {
		welcome:
			'Laipni lūdzam {name}! Šeit atradīsi {name} pašvaldības kontaktus un to, kas tev vajadzīgs pirmajās nedēļās. Šīs lietotnes ceļveži izskaidro reģistrāciju (RNI vai BRP), DigiD, veselības apdrošināšanu un tavas tiesības. Pašvaldība šo lapu vēl nav pārbaudījusi; tālāk norādītie kontakti ņemti no publiskiem avotiem, pārbaudīti 2026. gada 5. decembrī.',
		waste:
			'{name} pašvaldība šeit vēl nav aprakstījusi savus atkritumu noteikumus. Pajautā pašvaldībā vai skaties tās tīmekļa vietnē.',
		parking:
			'{name} pašvaldība šeit vēl nav aprakstījusi savus stāvvietu noteikumus. Pajautā pašvaldībā vai skaties tās tīmekļa vietnē.',
		noise:
			'{name} pašvaldība šeit vēl nav aprakstījusi savus noteikumus par troksni un klusumu. Pajautā pašvaldībā vai skaties tās tīmekļa vietnē.'
	},
	hu: {
		welcome:
			'Üdvözlünk itt: {name}! Itt találod {name} önkormányzatának elérhetőségeit, és azt, amire az első hetekben szükséged van. Az alkalmazás útmutatói elmagyarázzák a regisztrációt (RNI vagy BRP), a DigiD-t, az egészségbiztosítást és a jogaidat. Az önkormányzat ezt az oldalt még nem nézte át; az alábbi elérhetőségek nyilvános forrásokból származnak, ellenőrizve 2026. december 5-én.',
		waste:
			'{name} önkormányzata még nem írta le itt a hulladékra vonatkozó szabályait. Kérdezd meg az önkormányzatnál, vagy nézd meg a weboldalán.',
		parking:
			'{name} önkormányzata még nem írta le itt a parkolási szabályait. Kérdezd meg az önkormányzatnál, vagy nézd meg a weboldalán.',
		noise:
			'{name} önkormányzata még nem írta le itt a zajra és a csendre vonatkozó szabályait. Kérdezd meg az önkormányzatnál, vagy nézd meg a weboldalán.'
	},
	sk: {
		welcome:
			'Vitaj v obci {name}! Tu nájdeš kontakty obce {name} a to, čo potrebuješ v prvých týždňoch. Návody v tejto aplikácii vysvetľujú registráciu (RNI alebo BRP), DigiD, zdravotné poistenie a tvoje práva. Obec túto stránku ešte neskontrolovala; kontakty nižšie pochádzajú z verejných zdrojov, skontrolovaných 5. decembra 2026.',
		waste:
			'Obec {name} tu ešte neopísala svoje pravidlá pre odpad. Opýtaj sa na obci alebo sa pozri na jej webovú stránku.',
		parking:
			'Obec {name} tu ešte neopísala svoje pravidlá parkovania. Opýtaj sa na obci alebo sa pozri na jej webovú stránku.',
		noise:
			'Obec {name} tu ešte neopísala svoje pravidlá o hluku a nočnom pokoji. Opýtaj sa na obci alebo sa pozri na jej webovú stránku.'
	},
	cs: {
		welcome:
			'Vítej v obci {name}! Tady najdeš kontakty obce {name} a to, co potřebuješ v prvních týdnech. Návody v této aplikaci vysvětlují registraci (RNI nebo BRP), DigiD, zdravotní pojištění a tvoje práva. Obec tuto stránku ještě nezkontrolovala; kontakty níže pocházejí z veřejných zdrojů, zkontrolovaných 5. prosince 2026.',
		waste:
			'Obec {name} tu ještě nepopsala svá pravidla pro odpad. Zeptej se na obci nebo se podívej na její web.',
		parking:
			'Obec {name} tu ještě nepopsala svá pravidla parkování. Zeptej se na obci nebo se podívej na její web.',
		noise:
			'Obec {name} tu ještě nepopsala svá pravidla o hluku a nočním klidu. Zeptej se na obci nebo se podívej na její web.'
	},
	pt: {
		welcome:
			'Bem-vindo a {name}! Aqui encontras os contactos do município de {name} e o que precisas nas primeiras semanas. Os guias desta app explicam o registo (RNI ou BRP), o DigiD, o seguro de saúde e os teus direitos. O município ainda não reviu esta página; os contactos abaixo vêm de fontes públicas, verificadas a 5 de dezembro de 2026.',
		waste:
			'O município de {name} ainda não escreveu aqui as suas regras sobre o lixo. Pergunta no município ou vê o site dele.',
		parking:
			'O município de {name} ainda não escreveu aqui as suas regras de estacionamento. Pergunta no município ou vê o site dele.',
		noise:
			'O município de {name} ainda não escreveu aqui as suas regras sobre ruído e silêncio. Pergunta no município ou vê o site dele.'
	},
	es: {
		welcome:
			'¡Bienvenido a {name}! Aquí encuentras los contactos del municipio de {name} y lo que necesitas en tus primeras semanas. Las guías de esta app explican la inscripción (RNI o BRP), DigiD, el seguro médico y tus derechos. El municipio aún no ha revisado esta página; los contactos de abajo vienen de fuentes públicas, comprobadas el 5 de diciembre de 2026.',
		waste:
			'El municipio de {name} aún no ha escrito aquí sus normas sobre la basura. Pregunta en el municipio o mira su web.',
		parking:
			'El municipio de {name} aún no ha escrito aquí sus normas de aparcamiento. Pregunta en el municipio o mira su web.',
		noise:
			'El municipio de {name} aún no ha escrito aquí sus normas sobre ruido y horas de descanso. Pregunta en el municipio o mira su web.'
	}
};

/** The texts of one gemeente in every locale, its name filled in. */
export function texts(name: string): Record<string, Record<Field, string>> {
	return Object.fromEntries(
		Object.entries(TEXTS).map(([locale, t]) => [
			locale,
			Object.fromEntries(
				Object.entries(t).map(([field, text]) => [field, text.replaceAll('{name}', name)])
			) as Record<Field, string>
		])
	);
}
