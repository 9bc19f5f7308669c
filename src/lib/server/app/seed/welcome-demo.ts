// Demo welkomstpakket for Tiel, so a fresh install shows the feature. Written in Dutch and English
// only, on purpose: the other languages show the "not yet translated" fallback an editor will see
// in real use. Contacts are limited to numbers that hold nationally or are Tiel's public ones.
import type { WelcomeContact } from '../../../guides/welcome.ts';

export const gemeente = 'tiel';

export const contacts: WelcomeContact[] = [
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
];

export const texts = {
	nl: {
		welcome:
			'Welkom in Tiel! Deze informatie helpt je in je eerste weken. Schrijf je in bij de gemeente als je hier 4 maanden of langer blijft. Heb je vragen? Bel of kom langs bij het stadhuis.\n\n(Voorbeeldtekst: de gemeente vervangt deze tekst.)',
		waste:
			'Zet je afval in de juiste container. Grof afval (meubels, matrassen) zet je niet op straat: maak een afspraak met de gemeente.',
		parking:
			'In het centrum betaal je voor parkeren. Parkeer niet op de stoep of in het gras. Fietsen zet je in een fietsenrek.',
		noise:
			'Tussen 22.00 en 7.00 uur is het rustig in de straat. Houd muziek en gesprekken buiten zacht, ook als je in ploegen werkt.'
	},
	en: {
		welcome:
			'Welcome to Tiel! This information helps you in your first weeks. Register with the gemeente if you stay here 4 months or longer. Any questions? Call or visit the town hall.\n\n(Example text: the gemeente replaces this text.)',
		waste:
			'Put your waste in the right container. Large waste (furniture, mattresses) does not go on the street: make an appointment with the gemeente.',
		parking:
			'In the town centre you pay for parking. Do not park on the pavement or on the grass. Put bicycles in a bicycle rack.',
		noise:
			'Between 22:00 and 7:00 the street is quiet. Keep music and talk outside low, also when you work in shifts.'
	}
};
