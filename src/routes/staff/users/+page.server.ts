import { error, fail } from '@sveltejs/kit';
import * as accounts from '$lib/server/staff/accounts';
import { requireStaff } from '$lib/server/staff/auth';
import { isUuid } from '$lib/shell/uuid';
import * as database from '$lib/server/platform/db';
import * as mail from '$lib/server/mail/mail';
import * as regions from '$lib/server/regions/regions';
import * as users from '$lib/server/staff/users';
import { toStaffLocale } from '$lib/i18n/staff';
import type { Actions, PageServerLoad } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async () => {
	const admin = requireStaff('users');
	const { db } = database.get();
	const partners = (await regions.partners(db, admin.regionId)).map((p) => ({
		id: p.id,
		name: p.name
	}));
	const partnerName = new Map(partners.map((p) => [p.id, p.name]));
	return {
		users: (await users.list(db, admin.regionId)).map((u) => ({
			id: u.id,
			email: u.email,
			name: u.name,
			role: u.role,
			gemeenten: u.gemeenten,
			was: accounts.stamp(u),
			partner: u.partner_id ? (partnerName.get(u.partner_id) ?? u.partner_id) : null,
			disabled: u.disabled_at !== null,
			active: (u.has_password && u.has_totp) || u.oidc_provider !== null,
			lastSignIn: u.last_sign_in_at ? new Date(u.last_sign_in_at).toISOString() : null,
			method: u.last_sign_in_method
		})),
		gemeenten: (await regions.gemeenten(db, admin.regionId)).map((g) => ({
			id: g.id,
			name: g.name
		})),
		partners,
		mailOn: mail.enabled(),
		mailFailures: await mail.failures(db, admin.regionId)
	};
};

export const actions: Actions = { add, change, link, disable, enable, endSessions, remail };

async function add(event: import('./$types').RequestEvent) {
	const admin = requireStaff('users');
	const form = await bodies.formOrError(event.request);
	const input = {
		email: String(form.get('email') ?? '').slice(0, 254),
		name: String(form.get('name') ?? '').slice(0, 200),
		role: String(form.get('role') ?? ''),
		gemeenten: form.getAll('gemeenten').map(String),
		partner: String(form.get('partner') ?? '').slice(0, 100),
		regionId: admin.regionId,
		locale: toStaffLocale(form.get('locale'))
	};
	const { db } = database.get();
	const result = await accounts.add(db, admin.id, input);
	if (!result.ok) return fail(400, { add: { ...input, error: result.error } });
	const mailed = await accounts.mailLink(db, result.userId, result.token);
	return { added: { email: input.email, url: accounts.setupUrl(result.token), mailed } };
}

async function change(event: import('./$types').RequestEvent) {
	const admin = requireStaff('users');
	const form = await bodies.formOrError(event.request);
	const input = {
		userId: String(form.get('id') ?? ''),
		role: String(form.get('role') ?? ''),
		gemeenten: form.getAll('gemeenten').map(String),
		was: String(form.get('was') ?? '').slice(0, 2_000)
	};
	if (!isUuid(input.userId)) error(404, 'Not found');
	const problem = await accounts.change(database.get().db, admin, input);
	if (problem === 'not_found') error(404, 'Not found');
	// What was chosen comes back with the message, so a stale or refused form loses nothing.
	if (problem) return fail(400, { change: { ...input, error: problem } });
	return { change: { userId: input.userId, done: true } };
}

async function link(event: import('./$types').RequestEvent) {
	const admin = requireStaff('users');
	const id = await userInRegion(event, admin.regionId);
	const { db } = database.get();
	const issued = await accounts.issueLink(db, admin.id, id);
	if (!issued) error(404, 'Not found');
	const mailed = await accounts.mailLink(db, id, issued.token);
	const email = (await users.read(db, id))?.email ?? '';
	return { linked: { id, email, url: accounts.setupUrl(issued.token), mailed } };
}

async function disable(event: import('./$types').RequestEvent) {
	const admin = requireStaff('users');
	const id = await userInRegion(event, admin.regionId);
	if (id === admin.id) return fail(400, { toggle: { error: 'self' } });
	await accounts.setDisabled(database.get().db, admin.id, id, true);
	return {};
}

async function enable(event: import('./$types').RequestEvent) {
	const admin = requireStaff('users');
	const id = await userInRegion(event, admin.regionId);
	await accounts.setDisabled(database.get().db, admin.id, id, false);
	return {};
}

// Sends a failed mail again, once the admin has fixed what the server's answer pointed at.
async function remail(event: import('./$types').RequestEvent) {
	const admin = requireStaff('users');
	const form = await bodies.formOrError(event.request);
	const id = String(form.get('mail') ?? '');
	if (!isUuid(id)) error(404, 'Not found');
	if (!(await mail.retryFailed(database.get().db, admin.regionId, id))) error(404, 'Not found');
	return { remailed: true };
}

async function endSessions(event: import('./$types').RequestEvent) {
	const admin = requireStaff('users');
	const id = await userInRegion(event, admin.regionId);
	const user = await users.read(database.get().db, id);
	await accounts.endSessions(database.get().db, admin.id, id);
	return { ended: { email: user!.email } };
}

/** The posted user id, if that user belongs to the admin's region; otherwise 404. */
async function userInRegion(
	event: import('./$types').RequestEvent,
	regionId: string
): Promise<string> {
	const form = await bodies.formOrError(event.request);
	const id = String(form.get('id') ?? '');
	const user = isUuid(id) ? await users.read(database.get().db, id) : undefined;
	if (!user || user.region_id !== regionId) error(404, 'Not found');
	return id;
}
