// Completing a one-time setup link: the first admin of an empty database, or a new/reset password.
import type { Db } from '../platform/db/index.ts';
import * as audit from '../platform/audit.ts';
import * as password from './password.ts';
import * as setupLinks from './setup-links.ts';
import * as signInSettings from './sign-in-settings.ts';
import * as users from './users.ts';

export type SetupError =
	| 'link_invalid'
	| 'link_expired'
	| 'link_used'
	| 'name_required'
	| 'email_invalid'
	| 'email_taken'
	| 'too_short'
	| 'too_long'
	| 'mismatch';

export interface SetupInput {
	token: string;
	name?: string;
	email?: string;
	password: string;
	confirm: string;
}

export async function complete(
	db: Db,
	input: SetupInput
): Promise<{ ok: true; userId: string } | { ok: false; error: SetupError }> {
	const checked = await setupLinks.check(db, input.token);
	if (!checked.ok) return { ok: false, error: `link_${checked.reason}` };
	const { link } = checked;
	if (link.userId !== null) {
		// Issue #21: an account linked to the gemeente's provider gets no password of its own, so
		// leaving the gemeente closes the only way in; the region's break-glass accounts excepted.
		const user = await users.read(db, link.userId);
		const region = user ? await signInSettings.read(db, user.region_id) : null;
		if (user?.oidc_subject && region && !signInSettings.isBreakGlass(region, user.email))
			return { ok: false, error: 'link_invalid' };
	}

	const bootstrap = link.userId === null;
	const name = (input.name ?? '').trim();
	const email = users.normaliseEmail(input.email ?? '');
	if (bootstrap) {
		if (!name || name.length > 200) return { ok: false, error: 'name_required' };
		if (!users.isEmail(email)) return { ok: false, error: 'email_invalid' };
	}
	const problem = password.check(input.password);
	if (problem) return { ok: false, error: problem };
	if (input.password !== input.confirm) return { ok: false, error: 'mismatch' };
	const hashed = await password.hash(input.password);

	return db.transaction().execute(async (trx) => {
		// Consuming first makes a double submit or a second tab lose cleanly.
		if (!(await setupLinks.consume(trx, link.id)))
			return { ok: false, error: 'link_used' as const };
		let userId = link.userId;
		if (userId === null) {
			// The bootstrap link only works while there is no staff account at all.
			if ((await users.count(trx)) > 0) return { ok: false, error: 'link_used' as const };
			const user = await users.create(trx, { email, name, role: 'admin', regionId: link.regionId });
			userId = user.id;
		}
		await users.setPassword(trx, userId, hashed);
		await trx.deleteFrom('staff_session').where('user_id', '=', userId).execute();
		await audit.record(trx, {
			actorId: userId,
			action: bootstrap ? 'setup.first_admin' : 'setup.password',
			objectType: 'staff_user',
			objectId: userId
		});
		return { ok: true as const, userId };
	});
}
