// The kinds of places workers look for (issue #5), each with a glyph and a colour for the map.
// Names live in messages as `facility_category_<id>` in all 13 languages.
// Plain erasable TypeScript: Node loads it with type stripping.

export const CATEGORIES = [
	'huisarts',
	'huisartsenpost',
	'tandarts',
	'apotheek',
	'ziekenhuis',
	'ggd',
	'taalcursus',
	'bibliotheek',
	'gemeentehuis',
	'rni_loket',
	'informatiepunt',
	'politie',
	'juridisch_advies',
	'vakbond',
	'opvang',
	'supermarkt',
	'sport',
	'gebedshuis',
	'vereniging',
	'vervoer'
] as const;

export type Category = (typeof CATEGORIES)[number];

export function isCategory(value: unknown): value is Category {
	return typeof value === 'string' && (CATEGORIES as readonly string[]).includes(value);
}

/** 24×24 SVG paths; categories that belong together share a shape and differ in colour. */
export const GLYPHS = {
	health: 'M10 3h4v7h7v4h-7v7h-4v-7H3v-4h7V3Z',
	book: 'M4 4h7a3 3 0 0 1 3 3v13a2 2 0 0 0-2-2H4V4Zm16 0h-4a3 3 0 0 0-2 .8V20a2 2 0 0 1 2-2h4V4Z',
	building:
		'M12 2 2 7v2h20V7L12 2ZM4 11v7h3v-7H4Zm6.5 0v7h3v-7h-3ZM17 11v7h3v-7h-3ZM2 20v2h20v-2H2Z',
	info: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm1 15h-2v-6h2v6Zm0-8h-2V7h2v2Z',
	shield: 'M12 2 4 5v6c0 5 3.4 9.7 8 11 4.6-1.3 8-6 8-11V5l-8-3Z',
	people:
		'M9 11a4 4 0 1 0 0-8 4 4 0 0 0 0 8Zm7 0a3 3 0 1 0 0-6 3 3 0 0 0 0 6ZM2 20c0-3.3 3.1-6 7-6s7 2.7 7 6H2Zm15.5 0c0-2-.8-3.8-2.2-5.1l1.7-.2c3 0 5 2.3 5 5.3h-4.5Z',
	home: 'M12 3 2 12h3v8h5v-6h4v6h5v-8h3L12 3Z',
	cart: 'M7 18a2 2 0 1 0 0 4 2 2 0 0 0 0-4Zm10 0a2 2 0 1 0 0 4 2 2 0 0 0 0-4ZM1 2v2h2l3.6 7.6L5.2 14A2 2 0 0 0 7 17h12v-2H7.4l1.1-2h7.4a2 2 0 0 0 1.7-1l3.6-6.5A1 1 0 0 0 20.4 4H5.2l-.9-2H1Z',
	ball: 'M12 2a10 10 0 1 0 0 20 10 10 0 0 0 0-20Zm0 3 3 2.2-1.1 3.6h-3.8L9 7.2 12 5Z',
	worship: 'M11 2h2v3h3v2h-3v3l6 4v8h-5v-4h-4v4H5v-8l6-4V7H8V5h3V2Z',
	bus: 'M4 16c0 .9.4 1.7 1 2.2V20a1 1 0 0 0 1 1h1a1 1 0 0 0 1-1v-1h8v1a1 1 0 0 0 1 1h1a1 1 0 0 0 1-1v-1.8c.6-.5 1-1.3 1-2.2V6c0-3.5-3.6-4-8-4S4 2.5 4 6v10Zm3.5 1a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3Zm9 0a1.5 1.5 0 1 1 0-3 1.5 1.5 0 0 1 0 3ZM18 11H6V6h12v5Z'
} as const;

// Colours reach 4.5:1 against white text (WCAG 1.4.3), so a marker's glyph stays readable.
export const STYLE: Record<Category, { glyph: keyof typeof GLYPHS; color: string }> = {
	huisarts: { glyph: 'health', color: '#b3261e' },
	huisartsenpost: { glyph: 'health', color: '#7a1a14' },
	tandarts: { glyph: 'health', color: '#9c2f6b' },
	apotheek: { glyph: 'health', color: '#1d6b35' },
	ziekenhuis: { glyph: 'health', color: '#8a1538' },
	ggd: { glyph: 'health', color: '#5b4a9e' },
	taalcursus: { glyph: 'book', color: '#0b5394' },
	bibliotheek: { glyph: 'book', color: '#35607f' },
	gemeentehuis: { glyph: 'building', color: '#073763' },
	rni_loket: { glyph: 'building', color: '#4b3b8f' },
	informatiepunt: { glyph: 'info', color: '#0b6b78' },
	politie: { glyph: 'shield', color: '#1f3a93' },
	juridisch_advies: { glyph: 'shield', color: '#5a4632' },
	vakbond: { glyph: 'people', color: '#8a4500' },
	opvang: { glyph: 'home', color: '#6b3e75' },
	supermarkt: { glyph: 'cart', color: '#3f5f1c' },
	sport: { glyph: 'ball', color: '#2f6b4f' },
	gebedshuis: { glyph: 'worship', color: '#5e4b3c' },
	vereniging: { glyph: 'people', color: '#6a5000' },
	vervoer: { glyph: 'bus', color: '#444f5a' }
};
