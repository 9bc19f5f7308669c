import { describe, expect, it } from 'vitest';
import * as bodies from './body.ts';

const FORM = 'application/x-www-form-urlencoded';

/** A request whose body arrives in the given chunks and then, if `hang`, never ends. */
function streamed(type: string, chunks: (string | Uint8Array)[], hang = false): Request {
	let i = 0;
	const body = new ReadableStream<Uint8Array>({
		pull(controller) {
			if (i < chunks.length) {
				const c = chunks[i++];
				controller.enqueue(typeof c === 'string' ? new TextEncoder().encode(c) : c);
			} else if (!hang) {
				controller.close();
			}
			// hang: never enqueue or close, like a client still sending
		}
	});
	return new Request('http://x/', {
		method: 'POST',
		headers: { 'content-type': type },
		body,
		duplex: 'half'
	} as RequestInit);
}

function multipart(boundary: string, parts: [string, string][]): string {
	return (
		parts
			.map(
				([n, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${n}"\r\n\r\n${v}\r\n`
			)
			.join('') + `--${boundary}--\r\n`
	);
}

describe('reading form bodies', () => {
	it('refuses a flood of repeated fields while the body is still arriving', async () => {
		const flood = 'situations=unpaid_wages&'.repeat(200_000);
		// The first 64 KB already hold more fields than the cap; the rest never arrives.
		const request = streamed(FORM, [flood.slice(0, 64 * 1024)], true);
		const started = performance.now();
		const r = await bodies.readForm(request, bodies.PHOTOS);
		expect(r).toEqual({ ok: false, status: 413, error: 'body_too_many_fields' });
		expect(performance.now() - started).toBeLessThan(1_000);
	});

	it('counts multipart fields by their delimiters, also when one is split across chunks', async () => {
		const text = multipart('b0undary', [
			['a', '1'],
			['b', '2'],
			['c', '3']
		]);
		const at = text.indexOf('--b0undary', 5) + 4; // split inside the second delimiter
		const limits = { bytes: 10_000, fields: 3 };
		const r = await bodies.readForm(
			streamed('multipart/form-data; boundary=b0undary', [text.slice(0, at), text.slice(at)]),
			limits
		);
		expect(r).toEqual({ ok: false, status: 413, error: 'body_too_many_fields' });
		const ok = await bodies.readForm(
			streamed('multipart/form-data; boundary=b0undary', [text.slice(0, at), text.slice(at)]),
			{ bytes: 10_000, fields: 4 }
		);
		expect(ok.ok && ok.value.fields).toEqual({ a: '1', b: '2', c: '3' });
	});

	it('gathers repeated names in order', async () => {
		const r = await bodies.readForm(streamed(FORM, ['s=a&s=b&t=x&s=c']), bodies.DEFAULT);
		expect(r.ok && r.value.fields).toEqual({ s: ['a', 'b', 'c'], t: 'x' });
	});

	it('refuses a body over the byte cap without a declared length', async () => {
		const r = await bodies.readForm(streamed(FORM, ['a='.padEnd(600, 'x'), 'y'.repeat(600)]), {
			bytes: 1_000,
			fields: 10
		});
		expect(r).toEqual({ ok: false, status: 413, error: 'body_too_large' });
	});

	it('refuses a declared length over the cap before reading a byte', async () => {
		const body = new ReadableStream({
			pull() {
				throw new Error('read');
			}
		});
		const request = new Request('http://x/', {
			method: 'POST',
			headers: { 'content-type': FORM, 'content-length': String(2 * 1024 * 1024) },
			body,
			duplex: 'half'
		} as RequestInit);
		expect(await bodies.readForm(request, bodies.DEFAULT)).toEqual({
			ok: false,
			status: 413,
			error: 'body_too_large'
		});
	});

	it.each([
		['text/plain', 'a=1'],
		['', 'a=1'],
		['multipart/form-data', multipart('x', [['a', '1']])],
		['multipart/form-data; boundary=x', '--x\r\nContent-Disposition: form-data; name="a"\r\n\r\n1'],
		['multipart/form-data; boundary=x', 'garbage without any delimiter']
	])('calls a %s body that is not a whole form malformed', async (type, text) => {
		expect(await bodies.readForm(streamed(type, [text]), bodies.DEFAULT)).toEqual({
			ok: false,
			status: 400,
			error: 'body_malformed'
		});
	});

	it('tells an upload the client aborted apart from a malformed body', async () => {
		const body = new ReadableStream({
			start(controller) {
				controller.enqueue(new TextEncoder().encode('a=1&b='));
			},
			pull(controller) {
				controller.error(Object.assign(new Error('aborted'), { code: 'ECONNRESET' }));
			}
		});
		const request = new Request('http://x/', {
			method: 'POST',
			headers: { 'content-type': FORM },
			body,
			duplex: 'half'
		} as RequestInit);
		expect(await bodies.readForm(request, bodies.DEFAULT)).toEqual({
			ok: false,
			status: 400,
			error: 'body_aborted'
		});
	});

	it('takes large bodies only on the routes that take photos or imports', () => {
		expect(bodies.limitsFor('/[locale=locale]/report')).toBe(bodies.PHOTOS);
		expect(bodies.limitsFor('/api/v1/reports')).toBe(bodies.PHOTOS);
		expect(bodies.limitsFor('/[locale=locale]/feedback')).toBe(bodies.DEFAULT);
		expect(bodies.limitsFor('/staff/login')).toBe(bodies.DEFAULT);
		expect(bodies.limitsFor(null)).toBe(bodies.DEFAULT);
		expect(bodies.DEFAULT.bytes).toBeLessThanOrEqual(1024 * 1024);
	});
});
