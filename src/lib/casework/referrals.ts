// How a referral reaches a partner, shared by the staff report page's form and the server that
// records it.

export const CHANNELS = ['email', 'phone', 'portal', 'letter', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

/**
 * Where it happened, as one line for a partner: the address, then the gemeente unless the address
 * already names it ("Stationsstraat 12, Tiel" and Tiel stays "Stationsstraat 12, Tiel").
 */
export function place(address: string, gemeente: string | null): string {
	const names = (s: string) => s.toLocaleLowerCase('nl').split(/[^\p{L}\p{N}'-]+/u);
	const town = gemeente?.trim() ?? '';
	const words = names(address);
	const townWords = names(town).filter(Boolean);
	const named =
		townWords.length > 0 && words.some((_, i) => townWords.every((w, j) => words[i + j] === w));
	return [address.trim(), named ? '' : town].filter(Boolean).join(', ');
}

/** The parts of a report a referral package can carry, in the words the report form uses. */
export const SHARED = [
	'what',
	'where',
	'when',
	'affected',
	'who',
	'text',
	'photos',
	'contact'
] as const;
export type Shared = (typeof SHARED)[number];

/**
 * What a referral passes on at each consent level: the promise the report form makes when the
 * reporter chooses, and the rule the referral code applies (AVG art. 5(1)(b), purpose limitation:
 * nothing beyond what the reporter agreed to). Level 1: nothing leaves the meldpunt. Level 2: the
 * report without anything meant to identify the reporter; the text only as a handler redacted it.
 * Level 3: also the contact details.
 */
export const PASSES_ON: Readonly<Record<1 | 2 | 3, readonly Shared[]>> = {
	1: [],
	2: ['what', 'where', 'when', 'affected', 'who', 'text', 'photos'],
	3: ['what', 'where', 'when', 'affected', 'who', 'text', 'photos', 'contact']
};

export function passesOn(level: number): readonly Shared[] {
	return PASSES_ON[level as 1 | 2 | 3] ?? [];
}

/** A referral package as stored (sealed) and shown to the partner: what the consent allowed. */
export interface Package {
	partner: string;
	referredOn: string;
	consentLevel: number;
	group: string;
	situations: string[];
	gemeente: string | null;
	address: string;
	occurred: string | null;
	affected: string | null;
	subjectType: string | null;
	subjectName: string;
	/** Reviewed and redacted by the handler; null when left out. */
	text: string | null;
	/** Only at consent level 3 and only when the handler includes it. */
	contact: string | null;
	photoIds: string[];
}
