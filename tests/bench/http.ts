// A small HTTP load generator on node:http with keep-alive: closed-loop clients, every loop bounded
// by a request count and a deadline. Only for the loopback server the bench starts itself.
import http from 'node:http';

export interface Answer {
	status: number;
	body: string;
	ms: number;
}

export interface Client {
	request(
		path: string,
		opts?: { method?: string; headers?: Record<string, string>; body?: string }
	): Promise<Answer>;
	close(): void;
}

export function client(base: string, sockets: number): Client {
	const url = new URL(base);
	if (url.hostname !== '127.0.0.1') throw new Error(`bench traffic stays on 127.0.0.1: ${base}`);
	const agent = new http.Agent({ keepAlive: true, maxSockets: sockets });
	return {
		request(path, opts = {}) {
			const started = performance.now();
			return new Promise((resolve, reject) => {
				const req = http.request(
					{
						host: url.hostname,
						port: url.port,
						path,
						method: opts.method ?? 'GET',
						headers: {
							...opts.headers,
							...(opts.body ? { 'content-length': String(Buffer.byteLength(opts.body)) } : {})
						},
						agent,
						timeout: 30_000
					},
					(res) => {
						const chunks: Buffer[] = [];
						res.on('data', (c: Buffer) => chunks.push(c));
						res.on('end', () =>
							resolve({
								status: res.statusCode ?? 0,
								body: Buffer.concat(chunks).toString('utf8'),
								ms: performance.now() - started
							})
						);
						res.on('error', reject);
					}
				);
				req.on('timeout', () => req.destroy(new Error(`timeout: ${path}`)));
				req.on('error', reject);
				req.end(opts.body);
			});
		},
		close: () => agent.destroy()
	};
}

/** Nearest-rank percentile of a list of milliseconds. */
export function percentile(values: number[], p: number): number {
	if (values.length === 0) return NaN;
	const sorted = [...values].sort((a, b) => a - b);
	return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

export interface LoadResult {
	requests: number;
	seconds: number;
	statuses: Record<string, number>;
	/** latencies of 2xx answers */
	okMs: number[];
	errors: number;
}

/**
 * `concurrency` clients each send one request after another until `seconds` have passed or
 * `maxRequests` were sent in all. `onAnswer` sees every answer (e.g. to collect receipts).
 */
export async function closedLoop(
	c: Client,
	opts: { concurrency: number; seconds: number; maxRequests: number },
	next: () => { path: string; method?: string; headers?: Record<string, string>; body?: string },
	onAnswer: (a: Answer) => void = () => undefined
): Promise<LoadResult> {
	const out: LoadResult = { requests: 0, seconds: 0, statuses: {}, okMs: [], errors: 0 };
	const started = performance.now();
	const deadline = started + opts.seconds * 1000;
	const worker = async () => {
		while (performance.now() < deadline && out.requests < opts.maxRequests) {
			out.requests++;
			const r = next();
			try {
				const a = await c.request(r.path, r);
				out.statuses[a.status] = (out.statuses[a.status] ?? 0) + 1;
				if (a.status >= 200 && a.status < 300) out.okMs.push(a.ms);
				onAnswer(a);
			} catch {
				out.errors++;
			}
		}
	};
	await Promise.all(Array.from({ length: opts.concurrency }, worker));
	out.seconds = (performance.now() - started) / 1000;
	return out;
}

/**
 * `count` sequential GETs after `warmup` unmeasured ones; stops early at the deadline. An answer
 * that is not 200 or lacks `mustContain` (proof the page shows real data) is a failure.
 */
export async function sequential(
	c: Client,
	path: string,
	headers: Record<string, string>,
	opts: { warmup: number; count: number; seconds: number; mustContain: string }
): Promise<{ ms: number[]; failures: number; firstFailure: string | null }> {
	const deadline = performance.now() + opts.seconds * 1000;
	const ms: number[] = [];
	let failures = 0;
	let firstFailure: string | null = null;
	for (let i = 0; i < opts.warmup + opts.count && performance.now() < deadline; i++) {
		const a = await c.request(path, { headers });
		if (a.status !== 200 || !a.body.includes(opts.mustContain)) {
			failures++;
			firstFailure ??= `${a.status} ${a.body.slice(0, 120)}`;
		}
		if (i >= opts.warmup) ms.push(a.ms);
	}
	return { ms, failures, firstFailure };
}
