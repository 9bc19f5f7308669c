// The shape of a gemeente's welkomstpakket, shared by the worker pages that show it and the server
// that stores it: its contacts, its text fields, and what a worker receives.

export const FIELDS = ['welcome', 'waste', 'parking', 'noise'] as const;
export type Field = (typeof FIELDS)[number];

export const CONTACT_KINDS = ['gemeente', 'rni', 'huisartsenpost', 'police', 'meldpunt'] as const;

export interface WelcomeContact {
	kind: (typeof CONTACT_KINDS)[number];
	name: string;
	address: string;
	phone: string;
	hours: string;
	website: string;
}

/** Shown, in this order, when the gemeente has not written the reader's locale yet. */
export const FALLBACKS = ['en', 'nl'] as const;

export interface WorkerText {
	text: string;
	/** The locale shown instead of the reader's, when the gemeente has not written theirs yet. */
	fallback: (typeof FALLBACKS)[number] | null;
}

export interface WorkerPack {
	gemeente: { id: string; name: string };
	published: boolean;
	contacts: WelcomeContact[];
	texts: Record<Field, WorkerText | null>;
}
