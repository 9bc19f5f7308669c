// The rectangle around the Netherlands (WGS 84 degrees, coastal waters included) that report pins
// and facility coordinates must fall in. It takes in strips of Belgium and Germany: it catches
// swapped or foreign coordinates, it does not trace the border.
export const NL = { south: 50.7, north: 53.7, west: 3.2, east: 7.3 } as const;

export function insideNl(lat: number, lng: number): boolean {
	return lat >= NL.south && lat <= NL.north && lng >= NL.west && lng <= NL.east;
}
