// Icon paths (24×24) for the guides. They travel as page data, so a page carries the one path it
// shows instead of a component holding all of them.
export const icons: Record<string, string> = {
	id: 'M3 5h18v14H3V5Zm2 2v10h14V7H5Zm2 2h4v4H7V9Zm6 0h4v1.5h-4V9Zm0 3h4v1.5h-4V12Zm-6 3h10v1.5H7V15Z',
	key: 'M7 14a2 2 0 1 1 0-4 2 2 0 0 1 0 4Zm5.6-4A6 6 0 1 0 12.6 14H16v3h3v-3h2v-4h-8.4Z',
	card: 'M2 6a2 2 0 0 1 2-2h16a2 2 0 0 1 2 2v12a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V6Zm2 2v2h16V8H4Zm0 5v5h16v-5H4Zm2 1h5v2H6v-2Z',
	health: 'M10 3h4v7h7v4h-7v7h-4v-7H3v-4h7V3Z',
	work: 'M9 4h6a2 2 0 0 1 2 2v1h3a2 2 0 0 1 2 2v9a2 2 0 0 1-2 2H4a2 2 0 0 1-2-2V9a2 2 0 0 1 2-2h3V6a2 2 0 0 1 2-2Zm0 3h6V6H9v1Z',
	home: 'M12 3 2 12h3v8h5v-6h4v6h5v-8h3L12 3Z',
	language: 'M4 4h16v11H8l-4 4V4Zm4 4v2h8V8H8Zm0 3v1.5h5V11H8Z',
	words: 'M5 3h11l3 3v15H5V3Zm3 6v1.5h8V9H8Zm0 3.5V14h8v-1.5H8Zm0 3.5v1.5h5V16H8Z',
	welcome: 'M12 2 3 7v2h18V7l-9-5ZM5 11v7H3v3h18v-3h-2v-7h-3v7h-2.5v-7h-3v7H8v-7H5Z'
};
