import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/staff/auth';
import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as oidc from '$lib/server/staff/oidc';
import type { RequestHandler } from './$types';

// The sign-in page's provider links lead here, and the answer sends the browser on to the
// provider. A link, not a form: CSP form-action 'self' (rightly) stops a form's redirect to
// another origin. Starting a flow is harmless to forge: the state only works in this browser.
export const GET: RequestHandler = async (event) => {
	const result = await oidc.begin(database.get().db, {
		regionId: config.region,
		providerId: (event.url.searchParams.get('provider') ?? '').slice(0, 40),
		redirectUri: new URL(oidc.CALLBACK_PATH, event.url).href,
		next: auth.safeNext(event.url.searchParams.get('next'))
	});
	if (!result.ok) redirect(303, `/staff/login?refused=oidc_${result.error}`);
	auth.setOidcStateCookie(event, result.state);
	redirect(303, result.url.href);
};
