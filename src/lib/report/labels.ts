// Labels for the catalogue's codes, read from a text pack in the reader's language (staff pages
// get theirs in nl or en from the server). A pack, not Paraglide's message functions: those carry
// every locale's text, and a staff page would download all 13 languages for two.
import { template, type Texts } from './texts';

/** The message prefixes a page's label pack needs (see `pack` in $lib/server/i18n/texts). */
export const LABELS = [
	'report_group_',
	'report_situation_',
	'report_subject_',
	'report_when_',
	'report_affected_',
	'report_status_',
	'report_template_',
	'followup_question_'
] as const;

export type Kind = 'group' | 'situation' | 'subject' | 'when' | 'affected' | 'status';

/** The label of a catalogue code; the code itself when the pack has no text for it. */
export function label(t: Texts, kind: Kind, code: string | null | undefined): string {
	if (!code) return '';
	return t[`report_${kind}_${code}`] ?? code;
}

/** A standard reply in the pack's language. */
export function templateText(
	t: Texts,
	key: string,
	params: Record<string, string>,
	locale: string
): string {
	return template(t, key, params, locale);
}
