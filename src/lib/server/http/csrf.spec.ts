import { describe, expect, it } from 'vitest';
import { allowed } from './csrf';

const url = new URL('https://wegwijs.example/staff/login');
const req = (method: string, headers: Record<string, string>) =>
	new Request(url, { method, headers });

describe('csrf.allowed', () => {
	it('lets safe methods through', () => {
		expect(allowed(req('GET', {}), url)).toBe(true);
	});
	it('accepts same-origin posts, by Sec-Fetch-Site or by Origin', () => {
		expect(allowed(req('POST', { 'sec-fetch-site': 'same-origin', origin: 'null' }), url)).toBe(
			true
		);
		expect(allowed(req('POST', { origin: 'https://wegwijs.example' }), url)).toBe(true);
	});
	it('refuses cross-site, same-site, missing and null origins', () => {
		expect(
			allowed(
				req('POST', { 'sec-fetch-site': 'cross-site', origin: 'https://wegwijs.example' }),
				url
			)
		).toBe(false);
		expect(allowed(req('POST', { 'sec-fetch-site': 'same-site' }), url)).toBe(false);
		expect(allowed(req('POST', { 'sec-fetch-site': 'none' }), url)).toBe(false);
		expect(allowed(req('POST', { origin: 'null' }), url)).toBe(false);
		expect(allowed(req('POST', { origin: 'https://evil.example' }), url)).toBe(false);
		expect(allowed(req('POST', {}), url)).toBe(false);
		expect(allowed(req('DELETE', {}), url)).toBe(false);
	});
	it('accepts old browsers (no Sec-Fetch-Site, Origin null or absent) only with the same-site marker', () => {
		const mark = { cookie: 'wegwijs_lang=pl; wegwijs_same_site=1' };
		expect(allowed(req('POST', { ...mark, origin: 'null' }), url)).toBe(true);
		expect(allowed(req('POST', mark), url)).toBe(true);
		expect(allowed(req('POST', { cookie: 'wegwijs_same_site=2', origin: 'null' }), url)).toBe(
			false
		);
		expect(allowed(req('POST', { cookie: 'xwegwijs_same_site=1' }), url)).toBe(false);
	});
	it('refuses another origin and cross-site requests even with the marker', () => {
		const mark = { cookie: 'wegwijs_same_site=1' };
		expect(allowed(req('POST', { ...mark, origin: 'https://evil.example' }), url)).toBe(false);
		expect(allowed(req('POST', { ...mark, 'sec-fetch-site': 'cross-site' }), url)).toBe(false);
		expect(allowed(req('POST', { ...mark, 'sec-fetch-site': 'same-site' }), url)).toBe(false);
	});
	it('lets non-browser clients (no Origin, no Sec-Fetch-Site) use the /api/v1 machine API only', () => {
		const apiUrl = new URL('https://wegwijs.example/api/v1/reports');
		const api = (h: Record<string, string>) => new Request(apiUrl, { method: 'POST', headers: h });
		expect(allowed(api({}), apiUrl)).toBe(true);
		expect(allowed(api({ origin: 'null' }), apiUrl)).toBe(false);
		expect(allowed(api({ 'sec-fetch-site': 'cross-site' }), apiUrl)).toBe(false);
		expect(allowed(api({ origin: 'https://evil.example' }), apiUrl)).toBe(false);
	});
});
