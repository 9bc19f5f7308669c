// Public worker pages go out gzipped. The map's list page is about 60 KB of HTML and a fifth of
// that gzipped: on a slow mobile link, the difference people notice. Only public pages, with
// nothing secret in them (no submission key, no session, no follow-up thread: the private
// routes are left alone), so a compression side channel such as BREACH has nothing to find.
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';
import { isPrivate } from '../../shell/private-routes.ts';

const gzipAsync = promisify(gzip);
const MIN_BYTES = 1024;

function compressible(request: Request, url: URL, response: Response): boolean {
	if (request.method !== 'GET' || response.status !== 200 || !response.body) return false;
	if (response.headers.has('content-encoding') || isPrivate(url.pathname)) return false;
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
