// The production server (`npm start`): adapter-node's handler behind one check of the app's own,
// in adapter-node's documented custom-server form. SvelteKit answers `…/__route.js` (which code a
// link leads to) before any `handle` hook runs, so the route-access guard never sees it (issue #17);
// the app registers the check at init (src/lib/server/staff/route-resolution.ts), and this entry
// asks it before handing the request on. Otherwise it does what build/index.js does.
import http from 'node:http';
import { handler } from './build/handler.js';

// Importing the handler ran the app's `init` hook, which registered the check.
const check = globalThis[Symbol.for('wegwijs.routeResolution')];
if (typeof check !== 'function') throw new Error('The app registered no route resolution check.');

const origin = process.env.ORIGIN ?? 'http://localhost';
const host = process.env.HOST ?? '0.0.0.0';
const port = Number(process.env.PORT ?? 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT ?? 30);

const server = http.createServer((req, res) => {
	const next = () => {
		res.statusCode = 404;
		res.end();
	};
	// The URL as SvelteKit builds it (its getRequest): the origin followed by the raw target, so
	// `/%73taff/…`, `/x/../staff/…` and backslashes reach the check as they reach the router.
	let url;
	try {
		url = new URL(origin + req.url);
	} catch {
		return handler(req, res, next);
	}
	if (!url.pathname.endsWith('/__route.js')) return handler(req, res, next);
	check({ url, cookie: req.headers.cookie, dest: req.headers['sec-fetch-dest'] }).then(
		(instead) => {
			if (instead) req.url = instead;
			handler(req, res, next);
		},
		(err) => {
			console.error('route resolution check failed', err);
			res.statusCode = 500;
			res.end();
		}
	);
});

// A keep-alive connection would hold the shutdown open: closed once its request is done.
server.on('request', (req) => req.on('close', () => stopping && server.closeIdleConnections()));

server.listen({ host, port }, () => console.log(`Listening on http://${host}:${port}`));

// As adapter-node: finish open requests, then let the app close its database ('sveltekit:shutdown').
let stopping = false;
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	server.close(() => process.emit('sveltekit:shutdown', reason));
	setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000).unref();
}
process.on('SIGTERM', shutdown);
process.on('SIGINT', shutdown);
