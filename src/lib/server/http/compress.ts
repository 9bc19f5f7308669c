// Public worker pages go out gzipped. The map's list page is about 60 KB of HTML and a fifth of
// that gzipped: on a slow mobile link, the difference people notice. Only public pages, with
// nothing secret in them (no submission key, no session, no follow-up thread: the private
// routes are left alone), so a compression side channel such as BREACH has nothing to find.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { decodedPath, isPrivate } from '../../shell/private-routes.ts';

const gzipAsync = promisify(gzip);
const MIN_BYTES = 1024;

// The empty report form is private (never stored anywhere) but holds no secret worth a side
// channel: BREACH needs a secret that stays the same across many responses beside text the
// attacker chooses, and this page's only secrets, the submission and feedback keys, are new in
// every response. It is the first page a worker on a slow link waits for (about 40 KB of HTML),
// so it is gzipped; what the form answers to a POST (the typed text echoed back, the receipt)
// and the follow-up pages are never compressed.
const EMPTY_REPORT_FORM = /^\/[a-z]{2}\/report$/;

function compressible(request: Request, url: URL, response: Response): boolean {
	if (request.method !== 'GET' || response.status !== 200 || !response.body) return false;
	if (response.headers.has('content-encoding')) return false;
	if (isPrivate(url.pathname) && !EMPTY_REPORT_FORM.test(decodedPath(url.pathname))) return false;
	if (!/\bgzip\b/.test(request.headers.get('accept-encoding') ?? '')) return false;
	const type = response.headers.get('content-type') ?? '';
	return (
		type.startsWith('text/html') ||
		(type.startsWith('application/json') && url.pathname.endsWith('/__data.json'))
	);
}

export async function gzipPublic(
	request: Request,
	url: URL,
	response: Response
): Promise<Response> {
	if (!compressible(request, url, response)) return response;
	const body = new Uint8Array(await response.arrayBuffer());
	const headers = new Headers(response.headers);
	if (body.length < MIN_BYTES) return new Response(body, { status: 200, headers });
	headers.set('content-encoding', 'gzip');
	headers.delete('content-length');
	const vary = headers.get('vary');
	headers.set('vary', vary ? `${vary}, accept-encoding` : 'accept-encoding');
	return new Response(new Uint8Array(await gzipAsync(body, { level: 6 })), {
		status: 200,
		headers
	});
}
