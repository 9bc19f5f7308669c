// Wordings that earlier versions seeded and the code has since changed (from the git history of
// seed/starter-survey.ts, seed/welcome-demo.ts, seed/welcome-packs.ts and seed/facilities.ts, up to
// 2026-12-06). A stored text still equal to one of them was never edited, so reword.ts replaces it
// with today's wording; a text an editor wrote never equals one. Frozen: add, never change.
import type { Field, WelcomeContact } from '../../../guides/welcome.ts';

/**
 * The starter survey, per text and locale: 'title' is the survey's title, every other key a
 * question key ('gemeente' is the background question). Option texts never changed.
 * Issue #16: the formal "you" in nl, ro, bg, uk, lt, lv, hu, sk, cs, pt and es.
 */
export const starterSurvey: Record<string, Record<string, string[]>> = {
	title: {
		nl: ['Hoe gaat het met u?'],
		ro: ['Cum vă merge?'],
		bg: ['Как сте?'],
		uk: ['Як у вас справи?'],
		lt: ['Kaip jums sekasi?'],
		lv: ['Kā jums klājas?'],
		hu: ['Hogy van?'],
		sk: ['Ako sa máte?'],
		cs: ['Jak se máte?'],
		pt: ['Como está?'],
		es: ['¿Cómo le va?']
	},
	gemeente: {
		nl: ['In welke gemeente woont u?'],
		ro: ['În ce comună (gemeente) locuiți?'],
		bg: ['В коя община (gemeente) живеете?'],
		uk: ['У якому муніципалітеті (gemeente) ви живете?'],
		lt: ['Kurioje savivaldybėje (gemeente) gyvenate?'],
		lv: ['Kurā pašvaldībā (gemeente) dzīvojat?'],
		hu: ['Melyik településen (gemeente) lakik?'],
		sk: ['V ktorej obci (gemeente) bývate?'],
		cs: ['Ve které obci (gemeente) bydlíte?'],
		pt: ['Em que município (gemeente) vive?'],
		es: ['¿En qué municipio (gemeente) vive?']
	},
	life: {
		nl: [
			'Hoe tevreden bent u met uw leven? Geef een cijfer van 1 (heel ontevreden) tot 10 (heel tevreden).'
		],
		pl: [
			'Jak bardzo jesteś zadowolony ze swojego życia? Daj ocenę od 1 (bardzo niezadowolony) do 10 (bardzo zadowolony).'
		],
		ro: [
			'Cât de mulțumit sunteți de viața dumneavoastră? Dați o notă de la 1 (foarte nemulțumit) la 10 (foarte mulțumit).',
			'Cât de mulțumit(ă) sunteți de viața dumneavoastră? Dați o notă de la 1 (foarte nemulțumit/ă) la 10 (foarte mulțumit/ă).'
		],
		bg: [
			'Колко сте доволни от живота си? Дайте оценка от 1 (много недоволен) до 10 (много доволен).'
		],
		uk: [
			'Наскільки ви задоволені своїм життям? Поставте оцінку від 1 (дуже незадоволений) до 10 (дуже задоволений).'
		],
		lt: [
			'Kiek esate patenkinti savo gyvenimu? Įvertinkite nuo 1 (labai nepatenkintas) iki 10 (labai patenkintas).'
		],
		lv: [
			'Cik apmierināts esat ar savu dzīvi? Novērtējiet no 1 (ļoti neapmierināts) līdz 10 (ļoti apmierināts).'
		],
		hu: [
			'Mennyire elégedett az életével? Adjon egy pontszámot 1-től (nagyon elégedetlen) 10-ig (nagyon elégedett).'
		],
		sk: [
			'Aký ste spokojný so svojím životom? Dajte známku od 1 (veľmi nespokojný) do 10 (veľmi spokojný).'
		],
		cs: [
			'Jak jste spokojený se svým životem? Dejte známku od 1 (velmi nespokojený) do 10 (velmi spokojený).'
		],
		pt: [
			'Quão satisfeito está com a sua vida? Dê uma nota de 1 (muito insatisfeito) a 10 (muito satisfeito).'
		],
		es: [
			'¿Qué tan satisfecho está con su vida? Dé una nota de 1 (muy insatisfecho) a 10 (muy satisfecho).'
		]
	},
	health: {
		nl: ['Hoe is uw gezondheid?'],
		ro: ['Cum este sănătatea dumneavoastră?'],
		bg: ['Какво е здравето ви?'],
		uk: ['Як ваше здоров’я?'],
		lt: ['Kokia jūsų sveikata?'],
		lv: ['Kāda ir jūsu veselība?'],
		hu: ['Milyen az egészsége?'],
		sk: ['Aké je vaše zdravie?'],
		cs: ['Jaké je vaše zdraví?'],
		pt: ['Como está a sua saúde?'],
		es: ['¿Cómo está su salud?']
	},
	surroundings: {
		nl: ['Hoe tevreden bent u met de buurt waar u woont? Geef een cijfer van 1 tot 10.'],
		pl: ['Jak bardzo jesteś zadowolony z okolicy, w której mieszkasz? Daj ocenę od 1 do 10.'],
		ro: [
			'Cât de mulțumit sunteți de zona în care locuiți? Dați o notă de la 1 la 10.',
			'Cât de mulțumit(ă) sunteți de zona în care locuiți? Dați o notă de la 1 la 10.'
		],
		bg: ['Колко сте доволни от района, в който живеете? Дайте оценка от 1 до 10.'],
		uk: ['Наскільки ви задоволені районом, де живете? Поставте оцінку від 1 до 10.'],
		lt: ['Kiek esate patenkinti vietove, kurioje gyvenate? Įvertinkite nuo 1 iki 10.'],
		lv: ['Cik apmierināts esat ar apkārtni, kurā dzīvojat? Novērtējiet no 1 līdz 10.'],
		hu: ['Mennyire elégedett a környékkel, ahol lakik? Adjon egy pontszámot 1-től 10-ig.'],
		sk: ['Aký ste spokojný s okolím, kde bývate? Dajte známku od 1 do 10.'],
		cs: ['Jak jste spokojený s okolím, kde bydlíte? Dejte známku od 1 do 10.'],
		pt: ['Quão satisfeito está com a zona onde vive? Dê uma nota de 1 a 10.'],
		es: ['¿Qué tan satisfecho está con la zona donde vive? Dé una nota de 1 a 10.']
	},
	housing: {
		nl: ['Wat klopt voor uw woning? Kies alles wat klopt.'],
		ro: ['Ce este adevărat despre locuința dumneavoastră? Alegeți tot ce se potrivește.'],
		bg: ['Кое е вярно за жилището ви? Изберете всичко, което важи.'],
		uk: ['Що правда про ваше житло? Виберіть усе, що підходить.'],
		lt: ['Kas tinka jūsų būstui? Pasirinkite viską, kas tinka.'],
		lv: ['Kas attiecas uz jūsu mājokli? Izvēlieties visu, kas atbilst.'],
		hu: ['Mi igaz a lakására? Válasszon ki mindent, ami igaz.'],
		sk: ['Čo platí o vašom bývaní? Vyberte všetko, čo platí.'],
		cs: ['Co platí o vašem bydlení? Vyberte vše, co platí.'],
		pt: ['O que é verdade sobre a sua casa? Escolha tudo o que se aplica.'],
		es: ['¿Qué es cierto sobre su vivienda? Elija todo lo que corresponda.']
	},
	registration: {
		nl: ['Staat u ingeschreven bij de gemeente?'],
		ro: [
			'Sunteți înregistrat la primărie (gemeente)?',
			'Sunteți înregistrat(ă) la primărie (gemeente)?'
		],
		bg: ['Регистрирани ли сте в общината (gemeente)?'],
		uk: ['Чи ви зареєстровані в муніципалітеті (gemeente)?'],
		lt: ['Ar esate užsiregistravę savivaldybėje (gemeente)?'],
		lv: ['Vai esat reģistrējies pašvaldībā (gemeente)?'],
		hu: ['Be van jelentkezve az önkormányzatnál (gemeente)?'],
		sk: ['Ste zaregistrovaný na obci (gemeente)?'],
		cs: ['Jste zaregistrovaný na obci (gemeente)?'],
		pt: ['Está registado no município (gemeente)?'],
		es: ['¿Está inscrito en el ayuntamiento (gemeente)?']
	},
	registration_help: {
		nl: ['Wilt u hulp bij het inschrijven?'],
		ro: ['Doriți ajutor pentru înregistrare?'],
		bg: ['Искате ли помощ за регистрацията?'],
		uk: ['Чи потрібна вам допомога з реєстрацією?'],
		lt: ['Ar norite pagalbos registruojantis?'],
		lv: ['Vai vēlaties palīdzību reģistrācijā?'],
		hu: ['Szeretne segítséget a bejelentkezéshez?'],
		sk: ['Chcete pomoc s registráciou?'],
		cs: ['Chcete pomoc s registrací?'],
		pt: ['Quer ajuda para se registar?'],
		es: ['¿Quiere ayuda para inscribirse?']
	},
	know_where: {
		nl: ['Weet u waar u heen kunt met een probleem over werk, wonen of gezondheid?'],
		ro: ['Știți unde să mergeți cu o problemă legată de muncă, locuință sau sănătate?'],
		bg: ['Знаете ли къде да отидете с проблем за работа, жилище или здраве?'],
		uk: ['Чи знаєте ви, куди звернутися з проблемою щодо роботи, житла чи здоров’я?'],
		lt: ['Ar žinote, kur kreiptis dėl darbo, būsto ar sveikatos problemos?'],
		lv: ['Vai zināt, kur vērsties ar problēmu par darbu, mājokli vai veselību?'],
		hu: ['Tudja, hová fordulhat egy munkával, lakással vagy egészséggel kapcsolatos problémával?'],
		sk: ['Viete, kam sa obrátiť s problémom v práci, s bývaním alebo so zdravím?'],
		cs: ['Víte, kam se obrátit s problémem v práci, s bydlením nebo se zdravím?'],
		pt: ['Sabe onde ir com um problema de trabalho, casa ou saúde?'],
		es: ['¿Sabe adónde ir con un problema de trabajo, vivienda o salud?']
	},
	needs: {
		nl: ['Over welke onderwerpen wilt u meer informatie of hulp? Kies alles wat klopt.'],
		ro: [
			'Despre ce subiecte doriți mai multe informații sau ajutor? Alegeți tot ce se potrivește.'
		],
		bg: ['По кои теми искате повече информация или помощ? Изберете всичко, което важи.'],
		uk: ['З яких тем ви хочете більше інформації чи допомоги? Виберіть усе, що підходить.'],
		lt: [
			'Kokiomis temomis norėtumėte daugiau informacijos ar pagalbos? Pasirinkite viską, kas tinka.'
		],
		lv: [
			'Par kādām tēmām vēlaties vairāk informācijas vai palīdzības? Izvēlieties visu, kas atbilst.'
		],
		hu: [
			'Milyen témákban szeretne több információt vagy segítséget? Válasszon ki mindent, ami igaz.'
		],
		sk: ['O akých témach chcete viac informácií alebo pomoc? Vyberte všetko, čo platí.'],
		cs: ['O jakých tématech chcete více informací nebo pomoc? Vyberte vše, co platí.'],
		pt: ['Sobre que temas gostaria de mais informação ou ajuda? Escolha tudo o que se aplica.'],
		es: ['¿Sobre qué temas quiere más información o ayuda? Elija todo lo que corresponda.']
	},
	needs_other: {
		nl: ['Wilt u nog iets zeggen? Schrijf geen namen of adressen.'],
		ro: ['Mai doriți să spuneți ceva? Nu scrieți nume sau adrese.'],
		bg: ['Искате ли да кажете още нещо? Не пишете имена или адреси.'],
		uk: ['Хочете ще щось сказати? Не пишіть імен чи адрес.'],
		lt: ['Norite dar ką nors pasakyti? Nerašykite vardų ar adresų.'],
		lv: ['Vai vēlaties vēl ko teikt? Nerakstiet vārdus vai adreses.'],
		hu: ['Szeretne még valamit mondani? Ne írjon neveket vagy címeket.'],
		sk: ['Chcete ešte niečo povedať? Nepíšte mená ani adresy.'],
		cs: ['Chcete ještě něco říct? Nepište jména ani adresy.'],
		pt: ['Quer dizer mais alguma coisa? Não escreva nomes nem moradas.'],
		es: ['¿Quiere decir algo más? No escriba nombres ni direcciones.']
	},
	stay: {
		nl: ['Hoe lang bent u al in Nederland?'],
		ro: ['De cât timp sunteți în Țările de Jos?'],
		bg: ['От колко време сте в Нидерландия?'],
		uk: ['Як довго ви вже в Нідерландах?'],
		lt: ['Kiek laiko jau esate Nyderlanduose?'],
		lv: ['Cik ilgi jau esat Nīderlandē?'],
		hu: ['Mióta van Hollandiában?'],
		sk: ['Ako dlho ste už v Holandsku?'],
		cs: ['Jak dlouho jste už v Nizozemsku?'],
		pt: ['Há quanto tempo está nos Países Baixos?'],
		es: ['¿Cuánto tiempo lleva en los Países Bajos?']
	}
};

/**
 * Welkomstpakket rows per locale, {name} standing for the gemeente's name. The nl and en demo of
 * Tiel (2026-11-22 to 2026-12-05) invented local rules; uk said "громада" for gemeente (issue #16).
 */
export const welcomeTexts: Record<string, Array<Record<Field, string>>> = {
	nl: [
		{
			welcome:
				'Welkom in Tiel! Deze informatie helpt je in je eerste weken. Schrijf je in bij de gemeente als je hier 4 maanden of langer blijft. Heb je vragen? Bel of kom langs bij het stadhuis.\n\n(Voorbeeldtekst: de gemeente vervangt deze tekst.)',
			waste:
				'Zet je afval in de juiste container. Grof afval (meubels, matrassen) zet je niet op straat: maak een afspraak met de gemeente.',
			parking:
				'In het centrum betaal je voor parkeren. Parkeer niet op de stoep of in het gras. Fietsen zet je in een fietsenrek.',
			noise:
				'Tussen 22.00 en 7.00 uur is het rustig in de straat. Houd muziek en gesprekken buiten zacht, ook als je in ploegen werkt.'
		}
	],
	en: [
		{
			welcome:
				'Welcome to Tiel! This information helps you in your first weeks. Register with the gemeente if you stay here 4 months or longer. Any questions? Call or visit the town hall.\n\n(Example text: the gemeente replaces this text.)',
			waste:
				'Put your waste in the right container. Large waste (furniture, mattresses) does not go on the street: make an appointment with the gemeente.',
			parking:
				'In the town centre you pay for parking. Do not park on the pavement or on the grass. Put bicycles in a bicycle rack.',
			noise:
				'Between 22:00 and 7:00 the street is quiet. Keep music and talk outside low, also when you work in shifts.'
		}
	],
	uk: [
		{
			welcome:
				'Ласкаво просимо до {name}! Тут ти знайдеш контакти громади {name} і те, що потрібно в перші тижні. Посібники в цьому застосунку пояснюють реєстрацію (RNI або BRP), DigiD, медичне страхування і твої права. Громада ще не перевірила цю сторінку; контакти нижче взято з публічних джерел, перевірених 5 грудня 2026 року.',
			waste:
				'Громада {name} ще не описала тут своїх правил щодо сміття. Запитай у громаді або подивись на її сайті.',
			parking:
				'Громада {name} ще не описала тут своїх правил паркування. Запитай у громаді або подивись на її сайті.',
			noise:
				'Громада {name} ще не описала тут своїх правил щодо шуму й тиші. Запитай у громаді або подивись на її сайті.'
		}
	]
};

/** Contact lists per gemeente: Tiel's demo named an address, phone and hours never confirmed. */
export const welcomeContacts: Record<string, WelcomeContact[][]> = {
	tiel: [
		[
			{
				kind: 'gemeente',
				name: 'Gemeente Tiel — stadhuis',
				address: 'Teisterbantplein 1, Tiel',
				phone: '14 0344',
				hours: 'ma–vr / Mon–Fri 8:30–16:30',
				website: 'https://www.tiel.nl'
			},
			{
				kind: 'police',
				name: 'Politie',
				address: '',
				phone: '0900-8844',
				hours: '24/7',
				website: 'https://www.politie.nl'
			},
			{
				kind: 'meldpunt',
				name: 'Meldpunt Wegwijs',
				address: '',
				phone: '',
				hours: '',
				website: ''
			}
		],
		[
			{
				kind: 'gemeente',
				name: 'Gemeente Tiel — stadhuis',
				address: '',
				phone: '',
				hours: '',
				website: 'https://www.tiel.nl/regelen/inwoners/verhuizen_en_emigratie'
			},
			{
				kind: 'police',
				name: 'Politie',
				address: '',
				phone: '0900-8844',
				hours: '24/7',
				website: 'https://www.politie.nl'
			},
			{
				kind: 'meldpunt',
				name: 'Meldpunt Wegwijs',
				address: '',
				phone: '',
				hours: '',
				website: ''
			}
		]
	]
};

/** Demo facilities by key: Tiel's stadhuis had an address no official source confirmed. */
export const facilities: Record<string, Partial<Record<'address' | 'postcode', string[]>>> = {
	'tiel-gemeentehuis': { address: ['Kellenseweg 4'], postcode: ['4004 JK'] }
};
