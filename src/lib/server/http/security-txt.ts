// /.well-known/security.txt (RFC 9116): whom a researcher tells about a vulnerability, in which
// languages, and until when this file holds. Built from the settings; no contact, no file.
import type { Config } from '../platform/config.ts';

const DAY = 86_400_000;
/** RFC 9116 §2.5.5: Expires SHOULD be less than a year ahead; half a year keeps it honest. */
const DEFAULT_DAYS = 180;

/** RFC 9116 §2.5.3: a Contact is a URI; only mail and https make sense for a gemeente. */
export function validContact(c: string): boolean {
	return /^mailto:[^\s@]+@[^\s@]+$/.test(c) || /^https:\/\/\S+$/.test(c);
}

export function render(
	settings: Pick<Config, 'origin' | 'securityContacts' | 'securityExpires'>,
	now = new Date()
): string | undefined {
	const contacts = settings.securityContacts.filter(validContact);
	if (contacts.length === 0) return undefined;
	const fixed = settings.securityExpires ? new Date(settings.securityExpires) : undefined;
	const expires =
		fixed && !Number.isNaN(fixed.getTime()) ? fixed : new Date(now.getTime() + DEFAULT_DAYS * DAY);
	return [
		...contacts.map((c) => `Contact: ${c}`),
		// RFC 9116 §2.5.5: the date and time in the Internet format of RFC 3339.
		`Expires: ${expires.toISOString().replace(/\.\d{3}Z$/, 'Z')}`,
		'Preferred-Languages: nl, en',
		`Canonical: ${settings.origin}/.well-known/security.txt`,
		''
	].join('\n');
}
