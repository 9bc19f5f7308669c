// User administration shared by the admin page and the CLI: validate, create, link, disable.
import type { Db } from '../platform/db/index.ts';
import type { StaffLocale } from '../../i18n/staff.ts';
import { belongsToPartner, can, isRole, linksGemeenten, type Role } from '../../staff/roles.ts';
import * as audit from '../platform/audit.ts';
import * as database from '../platform/db/index.ts';
import { config } from '../platform/config.ts';
import * as mail from '../mail/mail.ts';
import * as regions from '../regions/regions.ts';
import * as sessions from './session.ts';
import * as setupLinks from './setup-links.ts';
import * as users from './users.ts';

export type AddError =
	| 'name_required'
	| 'email_invalid'
	| 'email_taken'
	| 'role_invalid'
	| 'gemeente_invalid'
	| 'partner_invalid';

export interface AddInput {
	email: string;
	name: string;
	role: string;
	gemeenten: string[];
	regionId: string;
	locale?: StaffLocale;
	/** The partner organisation (its id) of a 'partner' user; other roles must leave it empty. */
	partner?: string;
}

/** Handlers need at least one gemeente; other roles see the whole region or no reports at all. */
export async function validate(db: Db, input: AddInput): Promise<AddError | null> {
	if (!input.name.trim() || input.name.length > 200) return 'name_required';
	if (!users.isEmail(users.normaliseEmail(input.email))) return 'email_invalid';
	if (!isRole(input.role)) return 'role_invalid';
	const known = new Set((await regions.gemeenten(db, input.regionId)).map((g) => g.id));
	if (input.gemeenten.some((g) => !known.has(g))) return 'gemeente_invalid';
	if (linksGemeenten(input.role).required && input.gemeenten.length === 0)
		return 'gemeente_invalid';
	// A partner user belongs to one active partner of the region, and only a partner user does.
	const partner = input.partner?.trim() ?? '';
	if (belongsToPartner(input.role) !== (partner !== '')) return 'partner_invalid';
	if (partner) {
		const found = await db
			.selectFrom('partner')
			.select('id')
			.where('id', '=', partner)
			.where('region_id', '=', input.regionId)
			.where('active', '=', true)
			.executeTakeFirst();
		if (!found) return 'partner_invalid';
	}
	if (await users.findByEmail(db, input.email)) return 'email_taken';
	return null;
}

export async function add(
	db: Db,
	actorId: string | null,
	input: AddInput
): Promise<
	{ ok: true; userId: string; token: string; expiresAt: Date } | { ok: false; error: AddError }
> {
	const error = await validate(db, input);
	if (error) return { ok: false, error };
	const user = await users.create(db, {
		email: input.email,
		name: input.name,
		role: input.role as Role,
		regionId: input.regionId,
		// Handlers work the reports of their gemeenten; an editor linked to gemeenten edits only
		// theirs (an editor without any edits the whole region's content).
		gemeenten: linksGemeenten(input.role as Role).keeps ? input.gemeenten : [],
		locale: input.locale,
		partnerId: belongsToPartner(input.role as Role) ? input.partner!.trim() : null
	});
	const link = await setupLinks.issue(db, { userId: user.id, regionId: input.regionId });
	await audit.record(db, {
		actorId,
		action: 'user.add',
		objectType: 'staff_user',
		objectId: user.id,
		detail: { role: input.role, ...(input.partner ? { partner: input.partner.trim() } : {}) }
	});
	return { ok: true, userId: user.id, ...link };
}

export type ChangeError =
	'role_invalid' | 'gemeente_invalid' | 'self_admin' | 'stale' | 'not_found';

/** What the change form showed: the role and gemeenten the admin changed from. */
export function stamp(user: { role: string; gemeenten: string[] }): string {
	return [user.role, ...[...user.gemeenten].sort()].join(' ');
}

/**
 * Changes an existing user's role and gemeenten, with the same rules as adding one. An admin
 * cannot take away their own admin role, so a region never locks itself out by accident; a
 * form filled in before someone else changed the user is refused as stale, not applied on top.
 */
export async function change(
	db: Db,
	actor: { id: string; regionId: string },
	input: { userId: string; role: string; gemeenten: string[]; was: string }
): Promise<ChangeError | null> {
	const user = await users.read(db, input.userId);
	if (!user || user.region_id !== actor.regionId) return 'not_found';
	if (!isRole(input.role)) return 'role_invalid';
	const known = new Set((await regions.gemeenten(db, actor.regionId)).map((g) => g.id));
	if (input.gemeenten.some((g) => !known.has(g))) return 'gemeente_invalid';
	const rule = linksGemeenten(input.role);
	if (rule.required && input.gemeenten.length === 0) return 'gemeente_invalid';
	if (user.id === actor.id && can(user.role, 'users') && !can(input.role, 'users'))
		return 'self_admin';
	const before = { role: user.role, gemeenten: await users.gemeenten(db, user.id) };
	if (stamp(before) !== input.was) return 'stale';
	const after = {
		role: input.role,
		gemeenten: rule.keeps ? [...new Set(input.gemeenten)].sort() : []
	};
	await database.transaction(db, async (trx) => {
		await users.setRole(trx, user.id, after.role, after.gemeenten);
		await audit.record(trx, {
			actorId: actor.id,
			action: 'user.change',
			objectType: 'staff_user',
			objectId: user.id,
			detail: { from: { role: before.role, gemeenten: [...before.gemeenten].sort() }, to: after }
		});
	});
	return null;
}

export async function issueLink(
	db: Db,
	actorId: string | null,
	userId: string
): Promise<{ token: string; expiresAt: Date } | null> {
	const user = await users.read(db, userId);
	if (!user) return null;
	const link = await setupLinks.issue(db, { userId, regionId: user.region_id });
	await audit.record(db, {
		actorId,
		action: 'user.setup_link',
		objectType: 'staff_user',
		objectId: userId
	});
	return link;
}

export async function setDisabled(
	db: Db,
	actorId: string | null,
	userId: string,
	disabled: boolean
): Promise<boolean> {
	const ok = await users.setDisabled(db, userId, disabled);
	if (ok) {
		await audit.record(db, {
			actorId,
			action: disabled ? 'user.disable' : 'user.enable',
			objectType: 'staff_user',
			objectId: userId
		});
	}
	return ok;
}

export function setupUrl(token: string): string {
	return `${config.origin}/staff/setup/${token}`;
}

/** Mails a freshly issued setup link to its user, in their language; 'off' without SMTP. */
export async function mailLink(
	db: Db,
	userId: string,
	token: string
): Promise<'queued' | 'off' | null> {
	const user = await users.read(db, userId);
	if (!user) return null;
	return mail.enqueue(db, {
		regionId: user.region_id,
		kind: 'setup',
		recipient: user.email,
		locale: user.locale,
		params: { url: setupUrl(token), hours: setupLinks.TTL_MS / 3_600_000 }
	});
}

/** Signs a user out everywhere (a lost laptop, a leaver the provider has not caught up with). */
export async function endSessions(db: Db, actorId: string | null, userId: string): Promise<number> {
	const ended = await sessions.invalidateAll(db, userId);
	await audit.record(db, {
		actorId,
		action: 'user.end_sessions',
		objectType: 'staff_user',
		objectId: userId,
		detail: { ended }
	});
	return ended;
}
