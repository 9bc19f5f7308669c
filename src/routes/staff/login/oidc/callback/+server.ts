import { redirect } from '@sveltejs/kit';
import * as auth from '$lib/server/staff/auth';
import { config } from '$lib/server/platform/config';
import * as database from '$lib/server/platform/db';
import * as oidc from '$lib/server/staff/oidc';
import type { RequestHandler } from './$types';

export const GET: RequestHandler = async (event) => {
	const browserState = auth.takeOidcStateCookie(event);
	const result = await oidc.complete(database.get().db, {
		regionId: config.region,
		callbackUrl: event.url,
		browserState
	});
	if (!result.ok) redirect(303, `/staff/login?refused=oidc_${result.error}`);
	auth.setCookie(event, result.token);
	if (result.needsTotpSetup) redirect(303, '/staff/totp/setup');
	if (result.needsTotp) redirect(303, `/staff/totp?next=${encodeURIComponent(result.next)}`);
	redirect(303, result.next);
};
