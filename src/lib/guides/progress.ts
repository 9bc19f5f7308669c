// What a worker has ticked in the guides and the checklist. It lives in this browser's
// localStorage only and is never sent to the server (issue #6): nothing about a person's
// situation — registered or not, insured or not — leaves the phone. static/js/guide.js reads and
// writes the same key in the same format on guide pages, and static/js/reading.js reads it on the
// home page: pages that ship no framework JavaScript.
const KEY = 'wegwijs.progress';

export function load(): Set<string> {
	try {
		const value: unknown = JSON.parse(localStorage.getItem(KEY) ?? '[]');
		return new Set(Array.isArray(value) ? value.filter((v) => typeof v === 'string') : []);
	} catch {
		return new Set();
	}
}

export function save(done: Set<string>): void {
	try {
		localStorage.setItem(KEY, JSON.stringify([...done]));
	} catch {
		// Private mode or full storage: the ticks last for this visit only.
	}
}

// The gemeente whose welcome information the worker opened last, for the home page link and the
// survey; written by /js/reading.js on a welkomstpakket page.
const GEMEENTE = 'wegwijs.gemeente';

export function gemeente(): { id: string; name: string } | null {
	try {
		const v = JSON.parse(localStorage.getItem(GEMEENTE) ?? 'null') as unknown;
		if (v && typeof v === 'object' && 'id' in v && 'name' in v)
			return { id: String(v.id), name: String(v.name) };
	} catch {
		// Ignore a damaged value.
	}
	return null;
}
