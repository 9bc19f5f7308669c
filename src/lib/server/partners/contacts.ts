// Partner contacts as data: the addresses referrals are e-mailed to, the languages a partner reads
// them in and whether it acts on anonymous reports. Edited by the region's coordinators, audited.
import * as audit from '../platform/audit.ts';
import type { Db } from '../platform/db/index.ts';
import { STAFF_LOCALES } from '../../i18n/staff.ts';

// A partner reads referrals in a staff language: the mail and the desk page speak only those.
export const LANGUAGES = STAFF_LOCALES;
export const MAX_EMAILS = 5;
// Deliberately plain: one @, no spaces, a dot in the domain (the mail server has the last word).
const EMAIL = /^[^\s@]{1,64}@[^\s@]+\.[^\s@]{2,}$/;

export type ContactError = 'partner_emails' | 'partner_languages';

export interface Contacts {
	referralEmails: string[];
	languages: string[];
	acceptsAnonymous: boolean;
}

/** Splits a typed list of addresses (comma, semicolon, space or new line). */
export function parseEmails(raw: string): string[] {
	return [
		...new Set(
			raw
				.split(/[\s,;]+/)
				.map((e) => e.trim().toLowerCase())
				.filter(Boolean)
		)
	];
}

export function validate(emails: string[], languages: string[]): ContactError | null {
	if (emails.length > MAX_EMAILS || emails.some((e) => e.length > 254 || !EMAIL.test(e))) {
		return 'partner_emails';
	}
	if (
		languages.length === 0 ||
		languages.some((l) => !(LANGUAGES as readonly string[]).includes(l))
	) {
		return 'partner_languages';
	}
	return null;
}

/** Every active partner of the region with its contacts, by name. */
export async function list(db: Db, regionId: string) {
	const rows = await db
		.selectFrom('partner')
		.select(['id', 'name', 'referral_emails', 'languages', 'accepts_anonymous'])
		.where('region_id', '=', regionId)
		.where('active', '=', true)
		.orderBy('name')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		name: r.name,
		referralEmails: r.referral_emails,
		languages: r.languages,
		acceptsAnonymous: r.accepts_anonymous
	}));
}

/** Changes a partner's contacts; 'not_found' for a partner outside the actor's region. */
export async function update(
	db: Db,
	actor: { id: string; regionId: string },
	partnerId: string,
	input: Contacts
): Promise<ContactError | 'not_found' | null> {
	const problem = validate(input.referralEmails, input.languages);
	if (problem) return problem;
	const languages = LANGUAGES.filter((l) => input.languages.includes(l));
	const result = await db
		.updateTable('partner')
		.set({
			referral_emails: input.referralEmails,
			languages,
			accepts_anonymous: input.acceptsAnonymous
		})
		.where('id', '=', partnerId)
		.where('region_id', '=', actor.regionId)
		.executeTakeFirst();
	if (Number(result.numUpdatedRows) !== 1) return 'not_found';
	await audit.record(db, {
		actorId: actor.id,
		action: 'partner.contacts',
		objectType: 'partner',
		objectId: partnerId,
		// Organisation addresses, not a person's: kept so the log shows what changed.
		detail: {
			referralEmails: input.referralEmails,
			languages,
			acceptsAnonymous: input.acceptsAnonymous
		}
	});
	return null;
}
