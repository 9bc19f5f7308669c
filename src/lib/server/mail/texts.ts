// The texts of e-mail, in the recipient's language (staff: nl or en), read from the message files
// themselves so the job worker renders them outside SvelteKit too. A mail says only what the
// recipient needs to open Wegwijs: never what a report says, its category or its gemeente.
import { staffText } from '../i18n/messages.ts';

export const KINDS = [
	'setup',
	'overdue',
	'new_reports',
	'replies',
	'referral_answered',
	'referral_reminder',
	'partner_referral',
	'partner_reminder'
] as const;
export type Kind = (typeof KINDS)[number];

export interface Params {
	setup: { url: string; hours: number };
	overdue: { count: number; url: string };
	new_reports: { count: number; url: string };
	replies: { count: number; url: string };
	referral_answered: { url: string };
	referral_reminder: { days: number; url: string };
	/** Partners: the desk link; the code comes by phone from the handler. */
	partner_referral: { url: string; hours: number };
	partner_reminder: { days: number };
}

export interface Rendered {
	subject: string;
	text: string;
}

export function render<K extends Kind>(kind: K, locale: string, params: Params[K]): Rendered {
	const values = Object.fromEntries(Object.entries(params).map(([k, v]) => [k, String(v)]));
	// Template-literal keys: a kind without its two texts is a type error here.
	const kindOf: Kind = kind;
	return {
		subject: staffText(locale, `staff_mail_${kindOf}_subject` as const),
		text: `${staffText(locale, `staff_mail_${kindOf}_body` as const, values)}\n\n-- \n${staffText(locale, 'staff_mail_footer')}\n`
	};
}
