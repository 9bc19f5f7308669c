// The starter enquête, from the indicators of the regional policy (shared/domain/
// regional-policy-brief.md §3): satisfaction with one's own life (rapportcijfer), experienced
// health, satisfaction with the living environment, housing conditions, registration status,
// knowing where to go with a problem, information and support needs. Every text in all 13
// worker languages; seeded once per region, open from the start.
import { randomUUID } from 'node:crypto';
import type { Db } from '../../platform/db/index.ts';
import type { QuestionOption, ShowIf } from '../../platform/db/schema.ts';
import type { Background, QuestionKind } from '../../../surveys/survey.ts';
import * as regions from '../../regions/regions.ts';

type T = Record<string, string>;
const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];
const t = (...v: string[]): T => Object.fromEntries(LOCALES.map((l, i) => [l, v[i]]));

export const SERIES = 'starter';

const title = t(
	'Hoe gaat het met u?',
	'How are you doing?',
	'Jak się masz?',
	'Cum vă merge?',
	'Как сте?',
	'Як у вас справи?',
	'Kaip jums sekasi?',
	'Kā jums klājas?',
	'Hogy van?',
	'Ako sa máte?',
	'Jak se máte?',
	'Como está?',
	'¿Cómo le va?'
);

interface Q {
	key: string;
	kind: QuestionKind;
	texts: T;
	options?: Array<[string, T]>;
	showIf?: ShowIf;
	background?: Background;
}

const questions: Q[] = [
	{
		key: 'life',
		kind: 'scale',
		texts: t(
			'Hoe tevreden bent u met uw leven? Geef een cijfer van 1 (heel ontevreden) tot 10 (heel tevreden).',
			'How satisfied are you with your life? Give a mark from 1 (very unhappy) to 10 (very happy).',
			'Jak bardzo jesteś zadowolony lub zadowolona ze swojego życia? Daj ocenę od 1 (bardzo niezadowolony/-a) do 10 (bardzo zadowolony/-a).',
			'Cât de mulțumit(ă) sunteți de viața dumneavoastră? Dați o notă de la 1 (foarte nemulțumit/ă) la 10 (foarte mulțumit/ă).',
			'Колко сте доволни от живота си? Дайте оценка от 1 (много недоволен) до 10 (много доволен).',
			'Наскільки ви задоволені своїм життям? Поставте оцінку від 1 (дуже незадоволений) до 10 (дуже задоволений).',
			'Kiek esate patenkinti savo gyvenimu? Įvertinkite nuo 1 (labai nepatenkintas) iki 10 (labai patenkintas).',
			'Cik apmierināts esat ar savu dzīvi? Novērtējiet no 1 (ļoti neapmierināts) līdz 10 (ļoti apmierināts).',
			'Mennyire elégedett az életével? Adjon egy pontszámot 1-től (nagyon elégedetlen) 10-ig (nagyon elégedett).',
			'Aký ste spokojný so svojím životom? Dajte známku od 1 (veľmi nespokojný) do 10 (veľmi spokojný).',
			'Jak jste spokojený se svým životem? Dejte známku od 1 (velmi nespokojený) do 10 (velmi spokojený).',
			'Quão satisfeito está com a sua vida? Dê uma nota de 1 (muito insatisfeito) a 10 (muito satisfeito).',
			'¿Qué tan satisfecho está con su vida? Dé una nota de 1 (muy insatisfecho) a 10 (muy satisfecho).'
		)
	},
	{
		key: 'health',
		kind: 'single',
		texts: t(
			'Hoe is uw gezondheid?',
			'How is your health?',
			'Jak oceniasz swoje zdrowie?',
			'Cum este sănătatea dumneavoastră?',
			'Какво е здравето ви?',
			'Як ваше здоров’я?',
			'Kokia jūsų sveikata?',
			'Kāda ir jūsu veselība?',
			'Milyen az egészsége?',
			'Aké je vaše zdravie?',
			'Jaké je vaše zdraví?',
			'Como está a sua saúde?',
			'¿Cómo está su salud?'
		),
		options: [
			[
				'very_good',
				t(
					'Heel goed',
					'Very good',
					'Bardzo dobre',
					'Foarte bună',
					'Много добро',
					'Дуже добре',
					'Labai gera',
					'Ļoti laba',
					'Nagyon jó',
					'Veľmi dobré',
					'Velmi dobré',
					'Muito boa',
					'Muy buena'
				)
			],
			[
				'good',
				t(
					'Goed',
					'Good',
					'Dobre',
					'Bună',
					'Добро',
					'Добре',
					'Gera',
					'Laba',
					'Jó',
					'Dobré',
					'Dobré',
					'Boa',
					'Buena'
				)
			],
			[
				'fair',
				t(
					'Gaat wel',
					'Fair',
					'Takie sobie',
					'Așa și așa',
					'Средно',
					'Так собі',
					'Vidutinė',
					'Viduvēja',
					'Elmegy',
					'Ujde',
					'Ujde',
					'Razoável',
					'Regular'
				)
			],
			[
				'bad',
				t(
					'Slecht',
					'Bad',
					'Złe',
					'Rea',
					'Лошо',
					'Погане',
					'Bloga',
					'Slikta',
					'Rossz',
					'Zlé',
					'Špatné',
					'Má',
					'Mala'
				)
			],
			[
				'very_bad',
				t(
					'Heel slecht',
					'Very bad',
					'Bardzo złe',
					'Foarte rea',
					'Много лошо',
					'Дуже погане',
					'Labai bloga',
					'Ļoti slikta',
					'Nagyon rossz',
					'Veľmi zlé',
					'Velmi špatné',
					'Muito má',
					'Muy mala'
				)
			]
		]
	},
	{
		key: 'surroundings',
		kind: 'scale',
		texts: t(
			'Hoe tevreden bent u met de buurt waar u woont? Geef een cijfer van 1 tot 10.',
			'How satisfied are you with the area where you live? Give a mark from 1 to 10.',
			'Jak bardzo jesteś zadowolony lub zadowolona z okolicy, w której mieszkasz? Daj ocenę od 1 do 10.',
			'Cât de mulțumit(ă) sunteți de zona în care locuiți? Dați o notă de la 1 la 10.',
			'Колко сте доволни от района, в който живеете? Дайте оценка от 1 до 10.',
			'Наскільки ви задоволені районом, де живете? Поставте оцінку від 1 до 10.',
			'Kiek esate patenkinti vietove, kurioje gyvenate? Įvertinkite nuo 1 iki 10.',
			'Cik apmierināts esat ar apkārtni, kurā dzīvojat? Novērtējiet no 1 līdz 10.',
			'Mennyire elégedett a környékkel, ahol lakik? Adjon egy pontszámot 1-től 10-ig.',
			'Aký ste spokojný s okolím, kde bývate? Dajte známku od 1 do 10.',
			'Jak jste spokojený s okolím, kde bydlíte? Dejte známku od 1 do 10.',
			'Quão satisfeito está com a zona onde vive? Dê uma nota de 1 a 10.',
			'¿Qué tan satisfecho está con la zona donde vive? Dé una nota de 1 a 10.'
		)
	},
	{
		key: 'housing',
		kind: 'multiple',
		texts: t(
			'Wat klopt voor uw woning? Kies alles wat klopt.',
			'What is true for your housing? Choose all that apply.',
			'Co jest prawdą o twoim mieszkaniu? Wybierz wszystko, co pasuje.',
			'Ce este adevărat despre locuința dumneavoastră? Alegeți tot ce se potrivește.',
			'Кое е вярно за жилището ви? Изберете всичко, което важи.',
			'Що правда про ваше житло? Виберіть усе, що підходить.',
			'Kas tinka jūsų būstui? Pasirinkite viską, kas tinka.',
			'Kas attiecas uz jūsu mājokli? Izvēlieties visu, kas atbilst.',
			'Mi igaz a lakására? Válasszon ki mindent, ami igaz.',
			'Čo platí o vašom bývaní? Vyberte všetko, čo platí.',
			'Co platí o vašem bydlení? Vyberte vše, co platí.',
			'O que é verdade sobre a sua casa? Escolha tudo o que se aplica.',
			'¿Qué es cierto sobre su vivienda? Elija todo lo que corresponda.'
		),
		options: [
			[
				'own_bedroom',
				t(
					'Ik heb een eigen slaapkamer',
					'I have my own bedroom',
					'Mam własną sypialnię',
					'Am dormitorul meu',
					'Имам собствена спалня',
					'У мене є своя спальня',
					'Turiu savo miegamąjį',
					'Man ir sava guļamistaba',
					'Saját hálószobám van',
					'Mám vlastnú spálňu',
					'Mám vlastní ložnici',
					'Tenho o meu próprio quarto',
					'Tengo mi propio dormitorio'
				)
			],
			[
				'separate_contract',
				t(
					'Mijn huurcontract staat los van mijn werkcontract',
					'My rental contract is separate from my work contract',
					'Moja umowa najmu jest oddzielna od umowy o pracę',
					'Contractul de închiriere este separat de contractul de muncă',
					'Договорът ми за наем е отделен от трудовия договор',
					'Мій договір оренди окремий від трудового договору',
					'Mano nuomos sutartis atskira nuo darbo sutarties',
					'Mans īres līgums ir atsevišķi no darba līguma',
					'A bérleti szerződésem külön van a munkaszerződésemtől',
					'Moja nájomná zmluva je oddelená od pracovnej zmluvy',
					'Moje nájemní smlouva je oddělená od pracovní smlouvy',
					'O meu contrato de arrendamento é separado do contrato de trabalho',
					'Mi contrato de alquiler es aparte de mi contrato de trabajo'
				)
			],
			[
				'rules_language',
				t(
					'De huisregels en noodnummers zijn in mijn taal',
					'The house rules and emergency numbers are in my language',
					'Regulamin domu i numery alarmowe są w moim języku',
					'Regulile casei și numerele de urgență sunt în limba mea',
					'Правилата на дома и спешните номера са на моя език',
					'Правила будинку та екстрені номери є моєю мовою',
					'Namo taisyklės ir pagalbos numeriai yra mano kalba',
					'Mājas noteikumi un ārkārtas numuri ir manā valodā',
					'A házirend és a segélyhívó számok az én nyelvemen vannak',
					'Domový poriadok a núdzové čísla sú v mojom jazyku',
					'Domovní řád a nouzová čísla jsou v mém jazyce',
					'As regras da casa e os números de emergência estão na minha língua',
					'Las normas de la casa y los números de emergencia están en mi idioma'
				)
			],
			[
				'contact_known',
				t(
					'Ik weet wie mijn contactpersoon voor de woning is',
					'I know who my contact person for the housing is',
					'Wiem, kto jest moją osobą kontaktową w sprawie mieszkania',
					'Știu cine este persoana de contact pentru locuință',
					'Знам кое е лицето за контакт за жилището',
					'Я знаю, хто моя контактна особа щодо житла',
					'Žinau, kas yra mano būsto kontaktinis asmuo',
					'Es zinu, kas ir mana mājokļa kontaktpersona',
					'Tudom, ki a kapcsolattartóm a lakással kapcsolatban',
					'Viem, kto je moja kontaktná osoba pre bývanie',
					'Vím, kdo je moje kontaktní osoba pro bydlení',
					'Sei quem é a minha pessoa de contacto para a casa',
					'Sé quién es mi persona de contacto para la vivienda'
				)
			]
		]
	},
	{
		key: 'registration',
		kind: 'single',
		texts: t(
			'Staat u ingeschreven bij de gemeente?',
			'Are you registered with the gemeente (municipality)?',
			'Czy jesteś zameldowany w gminie (gemeente)?',
			'Sunteți înregistrat(ă) la primărie (gemeente)?',
			'Регистрирани ли сте в общината (gemeente)?',
			'Чи ви зареєстровані в муніципалітеті (gemeente)?',
			'Ar esate užsiregistravę savivaldybėje (gemeente)?',
			'Vai esat reģistrējies pašvaldībā (gemeente)?',
			'Be van jelentkezve az önkormányzatnál (gemeente)?',
			'Ste zaregistrovaný na obci (gemeente)?',
			'Jste zaregistrovaný na obci (gemeente)?',
			'Está registado no município (gemeente)?',
			'¿Está inscrito en el ayuntamiento (gemeente)?'
		),
		options: [
			[
				'brp',
				t(
					'Ja, met mijn adres hier (BRP)',
					'Yes, with my address here (BRP)',
					'Tak, z moim adresem tutaj (BRP)',
					'Da, cu adresa mea de aici (BRP)',
					'Да, с адреса ми тук (BRP)',
					'Так, з моєю адресою тут (BRP)',
					'Taip, su adresu čia (BRP)',
					'Jā, ar manu adresi šeit (BRP)',
					'Igen, az itteni címemmel (BRP)',
					'Áno, s mojou adresou tu (BRP)',
					'Ano, s mou adresou tady (BRP)',
					'Sim, com a minha morada aqui (BRP)',
					'Sí, con mi dirección aquí (BRP)'
				)
			],
			[
				'rni',
				t(
					'Ja, als kort verblijf (RNI)',
					'Yes, for a short stay (RNI)',
					'Tak, na krótki pobyt (RNI)',
					'Da, pentru o ședere scurtă (RNI)',
					'Да, за кратък престой (RNI)',
					'Так, на короткий час (RNI)',
					'Taip, trumpam buvimui (RNI)',
					'Jā, īsai uzturēšanās reizei (RNI)',
					'Igen, rövid tartózkodásra (RNI)',
					'Áno, na krátky pobyt (RNI)',
					'Ano, na krátký pobyt (RNI)',
					'Sim, para uma estadia curta (RNI)',
					'Sí, para una estancia corta (RNI)'
				)
			],
			[
				'none',
				t('Nee', 'No', 'Nie', 'Nu', 'Не', 'Ні', 'Ne', 'Nē', 'Nem', 'Nie', 'Ne', 'Não', 'No')
			],
			[
				'unknown',
				t(
					'Weet ik niet',
					"I don't know",
					'Nie wiem',
					'Nu știu',
					'Не знам',
					'Не знаю',
					'Nežinau',
					'Nezinu',
					'Nem tudom',
					'Neviem',
					'Nevím',
					'Não sei',
					'No lo sé'
				)
			]
		]
	},
	{
		key: 'registration_help',
		kind: 'yesno',
		showIf: { question: 'registration', choices: ['none', 'unknown'] },
		texts: t(
			'Wilt u hulp bij het inschrijven?',
			'Would you like help with registering?',
			'Czy chcesz pomocy przy meldunku?',
			'Doriți ajutor pentru înregistrare?',
			'Искате ли помощ за регистрацията?',
			'Чи потрібна вам допомога з реєстрацією?',
			'Ar norite pagalbos registruojantis?',
			'Vai vēlaties palīdzību reģistrācijā?',
			'Szeretne segítséget a bejelentkezéshez?',
			'Chcete pomoc s registráciou?',
			'Chcete pomoc s registrací?',
			'Quer ajuda para se registar?',
			'¿Quiere ayuda para inscribirse?'
		)
	},
	{
		key: 'know_where',
		kind: 'yesno',
		texts: t(
			'Weet u waar u heen kunt met een probleem over werk, wonen of gezondheid?',
			'Do you know where to go with a problem about work, housing or health?',
			'Czy wiesz, gdzie się zwrócić z problemem dotyczącym pracy, mieszkania lub zdrowia?',
			'Știți unde să mergeți cu o problemă legată de muncă, locuință sau sănătate?',
			'Знаете ли къде да отидете с проблем за работа, жилище или здраве?',
			'Чи знаєте ви, куди звернутися з проблемою щодо роботи, житла чи здоров’я?',
			'Ar žinote, kur kreiptis dėl darbo, būsto ar sveikatos problemos?',
			'Vai zināt, kur vērsties ar problēmu par darbu, mājokli vai veselību?',
			'Tudja, hová fordulhat egy munkával, lakással vagy egészséggel kapcsolatos problémával?',
			'Viete, kam sa obrátiť s problémom v práci, s bývaním alebo so zdravím?',
			'Víte, kam se obrátit s problémem v práci, s bydlením nebo se zdravím?',
			'Sabe onde ir com um problema de trabalho, casa ou saúde?',
			'¿Sabe adónde ir con un problema de trabajo, vivienda o salud?'
		)
	},
	{
		key: 'needs',
		kind: 'multiple',
		texts: t(
			'Over welke onderwerpen wilt u meer informatie of hulp? Kies alles wat klopt.',
			'On which topics would you like more information or help? Choose all that apply.',
			'Na jakie tematy chcesz więcej informacji lub pomocy? Wybierz wszystko, co pasuje.',
			'Despre ce subiecte doriți mai multe informații sau ajutor? Alegeți tot ce se potrivește.',
			'По кои теми искате повече информация или помощ? Изберете всичко, което важи.',
			'З яких тем ви хочете більше інформації чи допомоги? Виберіть усе, що підходить.',
			'Kokiomis temomis norėtumėte daugiau informacijos ar pagalbos? Pasirinkite viską, kas tinka.',
			'Par kādām tēmām vēlaties vairāk informācijas vai palīdzības? Izvēlieties visu, kas atbilst.',
			'Milyen témákban szeretne több információt vagy segítséget? Válasszon ki mindent, ami igaz.',
			'O akých témach chcete viac informácií alebo pomoc? Vyberte všetko, čo platí.',
			'O jakých tématech chcete více informací nebo pomoc? Vyberte vše, co platí.',
			'Sobre que temas gostaria de mais informação ou ajuda? Escolha tudo o que se aplica.',
			'¿Sobre qué temas quiere más información o ayuda? Elija todo lo que corresponda.'
		),
		options: [
			[
				'registration',
				t(
					'Inschrijven en BSN',
					'Registering and BSN',
					'Meldunek i BSN',
					'Înregistrare și BSN',
					'Регистрация и BSN',
					'Реєстрація та BSN',
					'Registracija ir BSN',
					'Reģistrācija un BSN',
					'Bejelentkezés és BSN',
					'Registrácia a BSN',
					'Registrace a BSN',
					'Registo e BSN',
					'Inscripción y BSN'
				)
			],
			[
				'digid',
				t(
					'DigiD',
					'DigiD',
					'DigiD',
					'DigiD',
					'DigiD',
					'DigiD',
					'DigiD',
					'DigiD',
					'DigiD',
					'DigiD',
					'DigiD',
					'DigiD',
					'DigiD'
				)
			],
			[
				'health',
				t(
					'Zorgverzekering en huisarts',
					'Health insurance and huisarts (GP)',
					'Ubezpieczenie zdrowotne i huisarts (lekarz)',
					'Asigurare de sănătate și huisarts (medic)',
					'Здравна осигуровка и huisarts (личен лекар)',
					'Медичне страхування та huisarts (сімейний лікар)',
					'Sveikatos draudimas ir huisarts (gydytojas)',
					'Veselības apdrošināšana un huisarts (ārsts)',
					'Egészségbiztosítás és huisarts (háziorvos)',
					'Zdravotné poistenie a huisarts (lekár)',
					'Zdravotní pojištění a huisarts (lékař)',
					'Seguro de saúde e huisarts (médico)',
					'Seguro médico y huisarts (médico)'
				)
			],
			[
				'housing',
				t(
					'Rechten bij wonen',
					'Rights in housing',
					'Prawa związane z mieszkaniem',
					'Drepturi legate de locuință',
					'Права при жилището',
					'Права щодо житла',
					'Teisės dėl būsto',
					'Tiesības mājokļa jomā',
					'Jogok a lakhatásban',
					'Práva pri bývaní',
					'Práva při bydlení',
					'Direitos na habitação',
					'Derechos en la vivienda'
				)
			],
			[
				'work',
				t(
					'Werkcontract en loon',
					'Work contract and pay',
					'Umowa o pracę i wynagrodzenie',
					'Contract de muncă și salariu',
					'Трудов договор и заплата',
					'Трудовий договір і зарплата',
					'Darbo sutartis ir atlyginimas',
					'Darba līgums un alga',
					'Munkaszerződés és bér',
					'Pracovná zmluva a mzda',
					'Pracovní smlouva a mzda',
					'Contrato de trabalho e salário',
					'Contrato de trabajo y sueldo'
				)
			],
			[
				'language',
				t(
					'Een cursus Nederlands',
					'A Dutch language course',
					'Kurs języka niderlandzkiego',
					'Un curs de limba neerlandeză',
					'Курс по нидерландски език',
					'Курс нідерландської мови',
					'Nyderlandų kalbos kursai',
					'Nīderlandiešu valodas kursi',
					'Holland nyelvtanfolyam',
					'Kurz holandčiny',
					'Kurz nizozemštiny',
					'Um curso de neerlandês',
					'Un curso de neerlandés'
				)
			],
			[
				'debts',
				t(
					'Boetes en schulden',
					'Fines and debts',
					'Mandaty i długi',
					'Amenzi și datorii',
					'Глоби и дългове',
					'Штрафи та борги',
					'Baudos ir skolos',
					'Sodi un parādi',
					'Bírságok és adósságok',
					'Pokuty a dlhy',
					'Pokuty a dluhy',
					'Multas e dívidas',
					'Multas y deudas'
				)
			]
		]
	},
	{
		key: 'needs_other',
		kind: 'text',
		texts: t(
			'Wilt u nog iets zeggen? Schrijf geen namen of adressen.',
			'Anything else you want to say? Do not write names or addresses.',
			'Chcesz coś jeszcze powiedzieć? Nie pisz imion, nazwisk ani adresów.',
			'Mai doriți să spuneți ceva? Nu scrieți nume sau adrese.',
			'Искате ли да кажете още нещо? Не пишете имена или адреси.',
			'Хочете ще щось сказати? Не пишіть імен чи адрес.',
			'Norite dar ką nors pasakyti? Nerašykite vardų ar adresų.',
			'Vai vēlaties vēl ko teikt? Nerakstiet vārdus vai adreses.',
			'Szeretne még valamit mondani? Ne írjon neveket vagy címeket.',
			'Chcete ešte niečo povedať? Nepíšte mená ani adresy.',
			'Chcete ještě něco říct? Nepište jména ani adresy.',
			'Quer dizer mais alguma coisa? Não escreva nomes nem moradas.',
			'¿Quiere decir algo más? No escriba nombres ni direcciones.'
		)
	},
	{
		key: 'stay',
		kind: 'single',
		background: 'stay',
		texts: t(
			'Hoe lang bent u al in Nederland?',
			'How long have you been in the Netherlands?',
			'Jak długo jesteś już w Holandii?',
			'De cât timp sunteți în Țările de Jos?',
			'От колко време сте в Нидерландия?',
			'Як довго ви вже в Нідерландах?',
			'Kiek laiko jau esate Nyderlanduose?',
			'Cik ilgi jau esat Nīderlandē?',
			'Mióta van Hollandiában?',
			'Ako dlho ste už v Holandsku?',
			'Jak dlouho jste už v Nizozemsku?',
			'Há quanto tempo está nos Países Baixos?',
			'¿Cuánto tiempo lleva en los Países Bajos?'
		),
		options: [
			[
				'short',
				t(
					'Korter dan 3 maanden',
					'Less than 3 months',
					'Krócej niż 3 miesiące',
					'Mai puțin de 3 luni',
					'По-малко от 3 месеца',
					'Менше 3 місяців',
					'Mažiau nei 3 mėnesius',
					'Mazāk nekā 3 mēnešus',
					'Kevesebb mint 3 hónapja',
					'Menej ako 3 mesiace',
					'Méně než 3 měsíce',
					'Menos de 3 meses',
					'Menos de 3 meses'
				)
			],
			[
				'mid',
				t(
					'3 maanden tot 1 jaar',
					'3 months to 1 year',
					'Od 3 miesięcy do 1 roku',
					'Între 3 luni și 1 an',
					'От 3 месеца до 1 година',
					'Від 3 місяців до 1 року',
					'Nuo 3 mėnesių iki 1 metų',
					'No 3 mēnešiem līdz 1 gadam',
					'3 hónaptól 1 évig',
					'3 mesiace až 1 rok',
					'3 měsíce až 1 rok',
					'De 3 meses a 1 ano',
					'De 3 meses a 1 año'
				)
			],
			[
				'long',
				t(
					'Langer dan 1 jaar',
					'More than 1 year',
					'Dłużej niż rok',
					'Mai mult de 1 an',
					'Повече от 1 година',
					'Більше 1 року',
					'Daugiau nei metus',
					'Vairāk nekā gadu',
					'Több mint 1 éve',
					'Viac ako 1 rok',
					'Déle než 1 rok',
					'Mais de 1 ano',
					'Más de 1 año'
				)
			]
		]
	}
];

const gemeenteQuestion = t(
	'In welke gemeente woont u?',
	'In which gemeente (municipality) do you live?',
	'W jakiej gminie (gemeente) mieszkasz?',
	'În ce comună (gemeente) locuiți?',
	'В коя община (gemeente) живеете?',
	'У якому муніципалітеті (gemeente) ви живете?',
	'Kurioje savivaldybėje (gemeente) gyvenate?',
	'Kurā pašvaldībā (gemeente) dzīvojat?',
	'Melyik településen (gemeente) lakik?',
	'V ktorej obci (gemeente) bývate?',
	'Ve které obci (gemeente) bydlíte?',
	'Em que município (gemeente) vive?',
	'¿En qué municipio (gemeente) vive?'
);

const opts = (list: Array<[string, T]>): QuestionOption[] =>
	list.map(([key, texts]) => ({ key, texts }));

/** Creates the starter survey once per region; a second run changes nothing. */
export async function seed(db: Db, regionId: string): Promise<void> {
	const exists = await db
		.selectFrom('survey')
		.select('id')
		.where('region_id', '=', regionId)
		.where('series', '=', SERIES)
		.executeTakeFirst();
	if (exists) return;
	const gemeenten = await regions.gemeenten(db, regionId);
	const id = randomUUID();
	const all: Q[] = [
		...questions,
		{
			key: 'gemeente',
			kind: 'single',
			background: 'gemeente',
			texts: gemeenteQuestion,
			// A gemeente's name is the same in every language; its id is the option key.
			options: gemeenten.map((g) => [g.id, t(...LOCALES.map(() => g.name))])
		}
	];
	await db.transaction().execute(async (tx) => {
		await tx
			.insertInto('survey')
			.values({
				id,
				region_id: regionId,
				title: title.nl,
				series: SERIES,
				titles: JSON.stringify(title),
				locales: LOCALES,
				gemeenten: [],
				state: 'open'
			})
			.execute();
		await tx
			.insertInto('survey_question')
			.values(
				all.map((q, i) => ({
					id: randomUUID(),
					survey_id: id,
					key: q.key,
					position: i + 1,
					kind: q.kind,
					texts: JSON.stringify(q.texts),
					options: JSON.stringify(opts(q.options ?? [])),
					show_if: q.showIf ? JSON.stringify(q.showIf) : null,
					background: q.background ?? null
				}))
			)
			.execute();
	});
}
