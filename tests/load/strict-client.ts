// An HTTP client that reads every answer to its last byte and refuses a malformed one: a body
// shorter than its Content-Length, or a connection dropped mid-answer, fails instead of passing
// as "some status came back".
import http from 'node:http';

export interface Answer {
	status: number;
	headers: http.IncomingHttpHeaders;
	body: string;
	ms: number;
}

/** Thrown when the connection failed before any answer: no status line at all. */
export class NoAnswer extends Error {}

/** Thrown when a status line came but the rest of the answer did not. */
export class Malformed extends Error {}

export function request(
	url: string,
	init: { method?: string; headers?: Record<string, string>; body?: string | Buffer } = {},
	timeoutMs = 30_000
): Promise<Answer> {
	const started = performance.now();
	return new Promise((resolve, reject) => {
		const req = http.request(url, { method: init.method ?? 'GET', headers: init.headers });
		req.setTimeout(timeoutMs, () => req.destroy(new Error('timeout')));
		let answered = false;
		req.on('error', (err) => {
			if (!answered) reject(new NoAnswer(err.message, { cause: err }));
		});
		req.on('response', (res) => {
			answered = true;
			const chunks: Buffer[] = [];
			res.on('data', (c: Buffer) => chunks.push(c));
			res.on('error', (err) => reject(new Malformed(`body: ${err.message}`, { cause: err })));
			res.on('close', () => {
				const body = Buffer.concat(chunks);
				const declared = res.headers['content-length'];
				if (!res.complete) {
					return reject(new Malformed(`${res.statusCode}: connection closed mid-answer`));
				}
				if (declared !== undefined && Number(declared) !== body.length) {
					return reject(
						new Malformed(`${res.statusCode}: content-length ${declared}, body ${body.length}`)
					);
				}
				resolve({
					status: res.statusCode ?? 0,
					headers: res.headers,
					body: body.toString('utf8'),
					ms: performance.now() - started
				});
			});
		});
		req.end(init.body);
	});
}
