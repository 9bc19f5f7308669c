import { describe, expect, it } from 'vitest';
import { place } from './referrals.ts';

describe('place', () => {
	it('names the town once when the address already holds it', () => {
		expect(place('Stationsstraat 12, Tiel', 'Tiel')).toBe('Stationsstraat 12, Tiel');
		expect(place('Markt 1 TIEL', 'Tiel')).toBe('Markt 1 TIEL');
		expect(place('Dorpsstraat 3, Neder-Betuwe', 'Neder-Betuwe')).toBe(
			'Dorpsstraat 3, Neder-Betuwe'
		);
		expect(place('Kerkweg 2, West Maas en Waal', 'West Maas en Waal')).toBe(
			'Kerkweg 2, West Maas en Waal'
		);
	});

	it('adds the gemeente when the address does not name it', () => {
		expect(place('Stationsstraat 12', 'Tiel')).toBe('Stationsstraat 12, Tiel');
		// A street named after a town is not the town.
		expect(place('Tielseweg 4', 'Tiel')).toBe('Tielseweg 4, Tiel');
		expect(place('Waalstraat 3', 'West Maas en Waal')).toBe('Waalstraat 3, West Maas en Waal');
	});

	it('gives whichever part there is', () => {
		expect(place('', 'Tiel')).toBe('Tiel');
		expect(place('Stationsstraat 12', null)).toBe('Stationsstraat 12');
		expect(place('  ', null)).toBe('');
	});
});
