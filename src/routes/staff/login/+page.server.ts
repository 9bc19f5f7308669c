import { fail, redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/staff/auth';
import { config } from '$lib/server/platform/config';
import * as bodies from '$lib/server/http/body';
import * as database from '$lib/server/platform/db';
import * as login from '$lib/server/staff/login';
import * as oidc from '$lib/server/staff/oidc';
import * as signInSettings from '$lib/server/staff/sign-in-settings';
import type { Actions, PageServerLoad, RequestEvent } from './$types';

export const load: PageServerLoad = async ({ locals, url }) => {
	if (locals.user && locals.session?.twoFactorVerified)
		redirect(303, auth.safeNext(url.searchParams.get('next')));
	const { db } = database.get();
	const region = await signInSettings.read(db, config.region);
	const signedOut = region.providers.find((p) => p.id === url.searchParams.get('signed_out'));
	const endSession = signedOut
		? await oidc.endSessionUrl(db, {
				regionId: config.region,
				method: `oidc:${signedOut.id}`,
				postLogoutRedirectUri: new URL('/staff/login', url).href
			})
		: null;
	return {
		providers: region.providers.map((p) => ({ id: p.id, name: p.displayName })),
		endSession:
			endSession && signedOut ? { url: endSession.href, name: signedOut.displayName } : null,
		localLogin: region.localLogin,
		refused: url.searchParams.get('refused')?.slice(0, 40) ?? null
	};
};

export const actions: Actions = { default: signIn };

async function signIn(event: RequestEvent) {
	const body = await bodies.formData(event.request, bodies.DEFAULT);
	if (!body.ok) return fail(body.status, { login: { email: '', error: body.error } });
	const form = body.value;
	const email = String(form.get('email') ?? '').slice(0, 254);
	const password = String(form.get('password') ?? '');
	if (!email || !password || password.length > 1024) {
		return fail(400, { login: { email, error: 'invalid' } });
	}
	const result = await login.withPassword(database.get().db, {
		email,
		password,
		client: event.getClientAddress()
	});
	if (!result.ok)
		return fail(result.error === 'throttled' ? 429 : 400, {
			login: { email, error: result.error }
		});
	auth.setCookie(event, result.token);
	const next = auth.safeNext(event.url.searchParams.get('next'));
	redirect(
		303,
		result.needsTotpSetup ? '/staff/totp/setup' : `/staff/totp?next=${encodeURIComponent(next)}`
	);
}
