import { describe, expect, it } from 'vitest';
import { download } from './photos.ts';

describe('a referral photo download', () => {
	const id = '3f2b8c1e-0000-4000-8000-000000000000';
	const bytes = Buffer.from([0xff, 0xd8, 0xff, 0xe0]);

	it('carries the bytes with their type as an attachment named by the server, not the uploader', async () => {
		const r = download({ mime: 'image/jpeg', bytes }, id);
		expect(r.status).toBe(200);
		expect(new Uint8Array(await r.arrayBuffer())).toEqual(new Uint8Array(bytes));
		expect(r.headers.get('content-type')).toBe('image/jpeg');
		expect(r.headers.get('content-disposition')).toBe(
			'attachment; filename="doorverwijzing-foto-3f2b8c1e.jpg"'
		);
	});

	it('is never cached, never sniffed and runs nothing', () => {
		const r = download({ mime: 'image/webp', bytes }, id);
		expect(r.headers.get('cache-control')).toBe('no-store');
		expect(r.headers.get('x-content-type-options')).toBe('nosniff');
		expect(r.headers.get('content-security-policy')).toBe(
			"default-src 'none'; img-src 'self'; sandbox"
		);
	});
});
