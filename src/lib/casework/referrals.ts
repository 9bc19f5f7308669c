// How a referral reaches a partner, shared by the staff report page's form and the server that
// records it.

export const CHANNELS = ['email', 'phone', 'portal', 'letter', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];

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
