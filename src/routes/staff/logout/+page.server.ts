import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/staff/auth';
import * as audit from '$lib/server/platform/audit';
import * as database from '$lib/server/platform/db';
import * as sessions from '$lib/server/staff/session';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = () => redirect(303, '/staff');

export const actions: Actions = { default: logout };

async function logout(event: RequestEvent) {
	const { session, user } = event.locals;
	if (session && user) {
		const { db } = database.get();
		await sessions.invalidate(db, session.id);
		await audit.record(db, {
			actorId: user.id,
			action: 'logout',
			objectType: 'staff_user',
			objectId: user.id
		});
	}
	auth.deleteCookie(event);
	// Signed in through a provider: the login page offers to end that session too.
	const provider = session?.method.startsWith('oidc:') ? session.method.slice(5) : null;
	redirect(
		303,
		provider ? `/staff/login?signed_out=${encodeURIComponent(provider)}` : '/staff/login'
	);
}
