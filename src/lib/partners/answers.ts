// What a partner can answer to a referral, and which answers the reporter is told (in their own
// language, never the partner's words). Shared by the staff page and the server.
export const ANSWERS = ['taken_up', 'not_ours', 'need_info', 'action_taken', 'closed'] as const;
export type Answer = (typeof ANSWERS)[number];

export function isAnswer(value: string): value is Answer {
	return (ANSWERS as readonly string[]).includes(value);
}

/** The thread template that tells the reporter, or null when the answer stays internal. */
export function reporterTemplate(answer: Answer): 'partner_taken_up' | 'partner_finished' | null {
	if (answer === 'taken_up') return 'partner_taken_up';
	if (answer === 'action_taken' || answer === 'closed') return 'partner_finished';
	return null;
}
