// What the request log says about a request. Reporter routes get no line of their own: its time
// and latency would join a report to a proxy or network log (issue #17); they are counted and
// written once an hour, as totals per route and status, without the time of any request.
export interface RequestLine {
	method: string;
	route: string;
	status: number;
	ms: number;
}

const REPORTER_ROUTES = ['/[locale=locale]/report', '/api/v1/reports'];

export function isReporterRoute(route: string): boolean {
	return REPORTER_ROUTES.some((r) => route === r || route.startsWith(`${r}/`));
}

const counts = new Map<string, number>();

/** The line to log for a request, or null when it is only counted. */
export function line(request: RequestLine): RequestLine | null {
	if (!isReporterRoute(request.route)) return request;
	const key = `${request.method} ${request.route} ${request.status}`;
	counts.set(key, (counts.get(key) ?? 0) + 1);
	return null;
}

/** The counted reporter requests since the last call, and a fresh count. */
export function takeCounts(): { request: string; count: number }[] {
	const out = [...counts].map(([request, count]) => ({ request, count }));
	counts.clear();
	return out;
}
