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
	'Hoe gaat het met je?',
	'How are you doing?',
	'Jak się masz?',
	'Cum îți merge?',
	'Как си?',
	'Як у тебе справи?',
	'Kaip tau sekasi?',
	'Kā tev klājas?',
	'Hogy vagy?',
	'Ako sa máš?',
	'Jak se máš?',
	'Como estás?',
	'¿Cómo te va?'
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
			'Hoe tevreden ben je met je leven? Geef een cijfer van 1 (heel ontevreden) tot 10 (heel tevreden).',
			'How satisfied are you with your life? Give a mark from 1 (very unhappy) to 10 (very happy).',
			'Jak bardzo jesteś zadowolony lub zadowolona ze swojego życia? Daj ocenę od 1 (bardzo niezadowolony/-a) do 10 (bardzo zadowolony/-a).',
			'Cât de mulțumit(ă) ești de viața ta? Dă o notă de la 1 (foarte nemulțumit/ă) la 10 (foarte mulțumit/ă).',
			'Колко си доволен или доволна от живота си? Дай оценка от 1 (много недоволен/недоволна) до 10 (много доволен/доволна).',
			'Наскільки ти задоволений чи задоволена своїм життям? Постав оцінку від 1 (дуже незадоволений/-а) до 10 (дуже задоволений/-а).',
			'Kiek esi patenkintas ar patenkinta savo gyvenimu? Įvertink nuo 1 (labai nepatenkintas/-a) iki 10 (labai patenkintas/-a).',
			'Cik apmierināts vai apmierināta tu esi ar savu dzīvi? Novērtē no 1 (ļoti neapmierināts/-a) līdz 10 (ļoti apmierināts/-a).',
			'Mennyire vagy elégedett az életeddel? Adj egy pontszámot 1-től (nagyon elégedetlen) 10-ig (nagyon elégedett).',
			'Aký spokojný alebo aká spokojná si so svojím životom? Daj známku od 1 (veľmi nespokojný/-á) do 10 (veľmi spokojný/-á).',
			'Jak spokojený nebo spokojená jsi se svým životem? Dej známku od 1 (velmi nespokojený/-á) do 10 (velmi spokojený/-á).',
			'Quão satisfeito ou satisfeita estás com a tua vida? Dá uma nota de 1 (muito insatisfeito/a) a 10 (muito satisfeito/a).',
			'¿Qué tan satisfecho o satisfecha estás con tu vida? Da una nota de 1 (muy insatisfecho/a) a 10 (muy satisfecho/a).'
		)
	},
	{
		key: 'health',
		kind: 'single',
		texts: t(
			'Hoe is je gezondheid?',
			'How is your health?',
			'Jak oceniasz swoje zdrowie?',
			'Cum este sănătatea ta?',
			'Какво е здравето ти?',
			'Як твоє здоров’я?',
			'Kokia tavo sveikata?',
			'Kāda ir tava veselība?',
			'Milyen az egészséged?',
			'Aké je tvoje zdravie?',
			'Jaké je tvoje zdraví?',
			'Como está a tua saúde?',
			'¿Cómo está tu salud?'
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
			'Hoe tevreden ben je met de buurt waar je woont? Geef een cijfer van 1 tot 10.',
			'How satisfied are you with the area where you live? Give a mark from 1 to 10.',
			'Jak bardzo jesteś zadowolony lub zadowolona z okolicy, w której mieszkasz? Daj ocenę od 1 do 10.',
			'Cât de mulțumit(ă) ești de zona în care locuiești? Dă o notă de la 1 la 10.',
			'Колко си доволен или доволна от района, в който живееш? Дай оценка от 1 до 10.',
			'Наскільки ти задоволений чи задоволена районом, де живеш? Постав оцінку від 1 до 10.',
			'Kiek esi patenkintas ar patenkinta vietove, kurioje gyveni? Įvertink nuo 1 iki 10.',
			'Cik apmierināts vai apmierināta tu esi ar apkārtni, kurā dzīvo? Novērtē no 1 līdz 10.',
			'Mennyire vagy elégedett a környékkel, ahol laksz? Adj egy pontszámot 1-től 10-ig.',
			'Aký spokojný alebo aká spokojná si s okolím, kde bývaš? Daj známku od 1 do 10.',
			'Jak spokojený nebo spokojená jsi s okolím, kde bydlíš? Dej známku od 1 do 10.',
			'Quão satisfeito ou satisfeita estás com a zona onde vives? Dá uma nota de 1 a 10.',
			'¿Qué tan satisfecho o satisfecha estás con la zona donde vives? Da una nota de 1 a 10.'
		)
	},
	{
		key: 'housing',
		kind: 'multiple',
		texts: t(
			'Wat klopt voor je woning? Kies alles wat klopt.',
			'What is true for your housing? Choose all that apply.',
			'Co jest prawdą o twoim mieszkaniu? Wybierz wszystko, co pasuje.',
			'Ce este adevărat despre locuința ta? Alege tot ce se potrivește.',
			'Кое е вярно за жилището ти? Избери всичко, което важи.',
			'Що правда про твоє житло? Вибери все, що підходить.',
			'Kas tinka tavo būstui? Pasirink viską, kas tinka.',
			'Kas attiecas uz tavu mājokli? Izvēlies visu, kas atbilst.',
			'Mi igaz a lakásodra? Válassz ki mindent, ami igaz.',
			'Čo platí o tvojom bývaní? Vyber všetko, čo platí.',
			'Co platí o tvém bydlení? Vyber vše, co platí.',
			'O que é verdade sobre a tua casa? Escolhe tudo o que se aplica.',
			'¿Qué es cierto sobre tu vivienda? Elige todo lo que corresponda.'
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
			'Sta je ingeschreven bij de gemeente?',
			'Are you registered with the gemeente (municipality)?',
			'Czy jesteś zameldowany w gminie (gemeente)?',
			'Ești înregistrat(ă) la primărie (gemeente)?',
			'Регистриран или регистрирана ли си в общината (gemeente)?',
			'Чи ти зареєстрований чи зареєстрована в муніципалітеті (gemeente)?',
			'Ar esi užsiregistravęs ar užsiregistravusi savivaldybėje (gemeente)?',
			'Vai tu esi reģistrējies vai reģistrējusies pašvaldībā (gemeente)?',
			'Be vagy jelentkezve az önkormányzatnál (gemeente)?',
			'Si zaregistrovaný alebo zaregistrovaná na obci (gemeente)?',
			'Jsi zaregistrovaný nebo zaregistrovaná na obci (gemeente)?',
			'Estás registado ou registada no município (gemeente)?',
			'¿Estás inscrito o inscrita en el ayuntamiento (gemeente)?'
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
			'Wil je hulp bij het inschrijven?',
			'Would you like help with registering?',
			'Czy chcesz pomocy przy meldunku?',
			'Vrei ajutor pentru înregistrare?',
			'Искаш ли помощ за регистрацията?',
			'Чи потрібна тобі допомога з реєстрацією?',
			'Ar nori pagalbos registruojantis?',
			'Vai vēlies palīdzību reģistrācijā?',
			'Szeretnél segítséget a bejelentkezéshez?',
			'Chceš pomoc s registráciou?',
			'Chceš pomoc s registrací?',
			'Queres ajuda para te registares?',
			'¿Quieres ayuda para inscribirte?'
		)
	},
	{
		key: 'know_where',
		kind: 'yesno',
		texts: t(
			'Weet je waar je heen kunt met een probleem over werk, wonen of gezondheid?',
			'Do you know where to go with a problem about work, housing or health?',
			'Czy wiesz, gdzie się zwrócić z problemem dotyczącym pracy, mieszkania lub zdrowia?',
			'Știi unde să mergi cu o problemă legată de muncă, locuință sau sănătate?',
			'Знаеш ли къде да отидеш с проблем за работа, жилище или здраве?',
			'Чи знаєш ти, куди звернутися з проблемою щодо роботи, житла чи здоров’я?',
			'Ar žinai, kur kreiptis dėl darbo, būsto ar sveikatos problemos?',
			'Vai tu zini, kur vērsties ar problēmu par darbu, mājokli vai veselību?',
			'Tudod, hová fordulhatsz egy munkával, lakással vagy egészséggel kapcsolatos problémával?',
			'Vieš, kam sa obrátiť s problémom v práci, s bývaním alebo so zdravím?',
			'Víš, kam se obrátit s problémem v práci, s bydlením nebo se zdravím?',
			'Sabes onde ir com um problema de trabalho, casa ou saúde?',
			'¿Sabes adónde ir con un problema de trabajo, vivienda o salud?'
		)
	},
	{
		key: 'needs',
		kind: 'multiple',
		texts: t(
			'Over welke onderwerpen wil je meer informatie of hulp? Kies alles wat klopt.',
			'On which topics would you like more information or help? Choose all that apply.',
			'Na jakie tematy chcesz więcej informacji lub pomocy? Wybierz wszystko, co pasuje.',
			'Despre ce subiecte vrei mai multe informații sau ajutor? Alege tot ce se potrivește.',
			'По кои теми искаш повече информация или помощ? Избери всичко, което важи.',
			'З яких тем ти хочеш більше інформації чи допомоги? Вибери все, що підходить.',
			'Kokiomis temomis norėtum daugiau informacijos ar pagalbos? Pasirink viską, kas tinka.',
			'Par kādām tēmām tu vēlies vairāk informācijas vai palīdzības? Izvēlies visu, kas atbilst.',
			'Milyen témákban szeretnél több információt vagy segítséget? Válassz ki mindent, ami igaz.',
			'O akých témach chceš viac informácií alebo pomoc? Vyber všetko, čo platí.',
			'O jakých tématech chceš více informací nebo pomoc? Vyber vše, co platí.',
			'Sobre que temas gostavas de ter mais informação ou ajuda? Escolhe tudo o que se aplica.',
			'¿Sobre qué temas quieres más información o ayuda? Elige todo lo que corresponda.'
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
			'Wil je nog iets zeggen? Schrijf geen namen of adressen.',
			'Anything else you want to say? Do not write names or addresses.',
			'Chcesz coś jeszcze powiedzieć? Nie pisz imion, nazwisk ani adresów.',
			'Mai vrei să spui ceva? Nu scrie nume sau adrese.',
			'Искаш ли да кажеш още нещо? Не пиши имена или адреси.',
			'Хочеш ще щось сказати? Не пиши імен чи адрес.',
			'Nori dar ką nors pasakyti? Nerašyk vardų ar adresų.',
			'Vai vēlies vēl ko teikt? Neraksti vārdus vai adreses.',
			'Szeretnél még valamit mondani? Ne írj neveket vagy címeket.',
			'Chceš ešte niečo povedať? Nepíš mená ani adresy.',
			'Chceš ještě něco říct? Nepiš jména ani adresy.',
			'Queres dizer mais alguma coisa? Não escrevas nomes nem moradas.',
			'¿Quieres decir algo más? No escribas nombres ni direcciones.'
		)
	},
	{
		key: 'stay',
		kind: 'single',
		background: 'stay',
		texts: t(
			'Hoe lang ben je al in Nederland?',
			'How long have you been in the Netherlands?',
			'Jak długo jesteś już w Holandii?',
			'De cât timp ești în Țările de Jos?',
			'От колко време си в Нидерландия?',
			'Як довго ти вже в Нідерландах?',
			'Kiek laiko jau esi Nyderlanduose?',
			'Cik ilgi tu jau esi Nīderlandē?',
			'Mióta vagy Hollandiában?',
			'Ako dlho si už v Holandsku?',
			'Jak dlouho jsi už v Nizozemsku?',
			'Há quanto tempo estás nos Países Baixos?',
			'¿Cuánto tiempo llevas en los Países Bajos?'
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
	'In welke gemeente woon je?',
	'In which gemeente (municipality) do you live?',
	'W jakiej gminie (gemeente) mieszkasz?',
	'În ce comună (gemeente) locuiești?',
	'В коя община (gemeente) живееш?',
	'У якому муніципалітеті (gemeente) ти живеш?',
	'Kurioje savivaldybėje (gemeente) gyveni?',
	'Kurā pašvaldībā (gemeente) tu dzīvo?',
	'Melyik településen (gemeente) laksz?',
	'V ktorej obci (gemeente) bývaš?',
	'Ve které obci (gemeente) bydlíš?',
	'Em que município (gemeente) vives?',
	'¿En qué municipio (gemeente) vives?'
);

/** Every text of the starter survey a worker reads, per locale (the voice test reads them). */
export function texts(): Record<string, string[]> {
	const all = [
		title,
		gemeenteQuestion,
		...questions.flatMap((q) => [q.texts, ...(q.options ?? []).map(([, o]) => o)])
	];
	return Object.fromEntries(LOCALES.map((l) => [l, all.map((x) => x[l])]));
}

/** Today's title and question texts by question key ('gemeente' for the background question). */
export function wording(): { title: T; questions: Record<string, T> } {
	const byKey = questions.map((q): [string, T] => [q.key, q.texts]);
	return { title, questions: Object.fromEntries([...byKey, ['gemeente', gemeenteQuestion]]) };
}

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
