// The texts of e-mail, in the recipient's language (staff: nl or en), read from the message files
// themselves so the job worker renders them outside SvelteKit too. A mail says only what the
// recipient needs to open Wegwijs: never what a report says, its category or its gemeente.
import staffEn from '../../../../messages/staff/en.json' with { type: 'json' };
import staffNl from '../../../../messages/staff/nl.json' with { type: 'json' };

type Messages = Record<string, string>;
const STAFF: Record<string, Messages> = { en: staffEn, nl: staffNl };

export const KINDS = ['setup', 'overdue', 'new_reports', 'replies'] as const;
export type Kind = (typeof KINDS)[number];

export interface Params {
	setup: { url: string; hours: number };
	overdue: { count: number; url: string };
	new_reports: { count: number; url: string };
	replies: { count: number; url: string };
}

export interface Rendered {
	subject: string;
	text: string;
}

function fill(template: string, params: Record<string, string | number>): string {
	return template.replace(/\{(\w+)\}/g, (_, key: string) => String(params[key] ?? ''));
}

export function render<K extends Kind>(kind: K, locale: string, params: Params[K]): Rendered {
	const t = STAFF[locale] ?? STAFF.nl;
	const values = params as unknown as Record<string, string | number>;
	return {
		subject: t[`staff_mail_${kind}_subject`],
		text: `${fill(t[`staff_mail_${kind}_body`], values)}\n\n-- \n${t.staff_mail_footer}\n`
	};
}
