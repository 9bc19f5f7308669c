import { error, type RequestHandler } from '@sveltejs/kit';
import { config } from '$lib/server/platform/config';
import * as securityTxt from '$lib/server/http/security-txt';

export const GET: RequestHandler = () => {
	const body = securityTxt.render(config);
	if (!body) error(404, 'Not found');
	// RFC 9116 §3: text/plain with a charset.
	return new Response(body, { headers: { 'content-type': 'text/plain; charset=utf-8' } });
};
