// How a referral reaches a partner, shared by the staff report page's form and the server that
// records it.

export const CHANNELS = ['email', 'phone', 'portal', 'letter', 'in_person'] as const;
export type Channel = (typeof CHANNELS)[number];
