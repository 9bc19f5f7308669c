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
