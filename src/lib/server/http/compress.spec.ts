import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { gzipPublic } from './compress.ts';

const page = '<!doctype html><p>' + 'Huisarts Tiel · open '.repeat(200) + '</p>';
const html = () => new Response(page, { headers: { 'content-type': 'text/html', vary: 'cookie' } });
const get = (path: string, encoding = 'gzip, br') =>
	[
		new Request(`http://x${path}`, { headers: { 'accept-encoding': encoding } }),
		new URL(`http://x${path}`)
	] as const;

describe('gzipPublic', () => {
	it('gzips a public worker page for a client that accepts it, and says so', async () => {
		const r = await gzipPublic(...get('/pl/map'), html());
		expect(r.headers.get('content-encoding')).toBe('gzip');
		expect(r.headers.get('vary')).toBe('cookie, accept-encoding');
		const body = Buffer.from(await r.arrayBuffer());
		expect(body.length).toBeLessThan(page.length / 5);
		expect(gunzipSync(body).toString()).toBe(page);
	});

	it('leaves private routes, staff pages and the API alone: nothing there to compress beside', async () => {
		for (const path of [
			'/pl/report/follow-up',
			'/pl/report/follow-up/answer',
			'/pl/survey/x',
			'/staff/inbox',
			'/pl/report/__data.json'
		]) {
			const r = await gzipPublic(...get(path), html());
			expect(r.headers.get('content-encoding'), path).toBeNull();
			expect(await r.text()).toBe(page);
		}
	});

	it('gzips the empty report form (fresh keys only), never what a POST to it answers', async () => {
		for (const path of ['/pl/report', '/bg/%72eport']) {
			const r = await gzipPublic(...get(path), html());
			expect(r.headers.get('content-encoding'), path).toBe('gzip');
		}
		const [request, url] = get('/pl/report');
		const post = new Request(request, { method: 'POST', body: 'x' });
		expect((await gzipPublic(post, url, html())).headers.get('content-encoding')).toBeNull();
	});

	it('sends plain text to a client without gzip, and small or non-HTML answers as they are', async () => {
		expect(
			(await gzipPublic(...get('/pl/map', 'identity'), html())).headers.get('content-encoding')
		).toBeNull();
		const small = await gzipPublic(
			...get('/pl'),
			new Response('<p>hi</p>', { headers: { 'content-type': 'text/html' } })
		);
		expect(small.headers.get('content-encoding')).toBeNull();
		expect(await small.text()).toBe('<p>hi</p>');
		const png = new Response(new Uint8Array(4096), { headers: { 'content-type': 'image/png' } });
		expect(await gzipPublic(...get('/tiles/1/1/1.png'), png)).toBe(png);
	});
});
