import { fail, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/staff/auth';
import * as database from '$lib/server/platform/db';
import * as login from '$lib/server/staff/login';
import * as totp from '$lib/server/staff/totp';
import type { Actions, PageServerLoad } from './$types';
import * as bodies from '$lib/server/http/body';

// Enrolment at first login, or re-enrolment from the account page (then TOTP must be done first).
function allowed(locals: App.Locals): void {
	const { user } = auth.requirePasswordSession();
	if (user.hasTotp && !locals.session?.twoFactorVerified) redirect(303, '/staff/totp');
}

/** What the page shows for a key: the key itself (hidden field), a QR code and the typed form. */
async function enrolment(key: Uint8Array, email: string) {
	const svg = await totp.qrSvg(totp.keyUri('Wegwijs', email, key));
	return {
		key: Buffer.from(key).toString('base64'),
		manualKey: totp.manualKey(key),
		qr: `data:image/svg+xml;base64,${Buffer.from(svg).toString('base64')}`
	};
}

export const load: PageServerLoad = async ({ locals }) => {
	allowed(locals);
	return enrolment(totp.newKey(), locals.user!.email);
};

export const actions: Actions = { default: enrol };

async function enrol(event: import('./$types').RequestEvent) {
	allowed(event.locals);
	const { user, sessionId } = auth.requirePasswordSession();
	const form = await bodies.formOrError(event.request);
	const key = new Uint8Array(Buffer.from(String(form.get('key') ?? ''), 'base64'));
	const code = String(form.get('code') ?? '').slice(0, 20);
	if (key.length !== 20) return fail(400, { enrol: { error: 'invalid_code', shown: null } });
	const result = await login.enrolTotp(database.get().db, {
		userId: user.id,
		sessionId,
		key,
		code
	});
	if (!result.ok) {
		// The same key again: the authenticator app already holds it.
		return fail(result.error === 'throttled' ? 429 : 400, {
			enrol: {
				error: result.error === 'throttled' ? 'throttled' : 'invalid_code',
				shown: await enrolment(key, user.email)
			}
		});
	}
	auth.setCookie(event, result.token);
	redirect(303, '/staff');
}
