import { describe, expect, it } from 'vitest';
import type { Db } from '../platform/db/index.ts';
import { RULES } from './route-access.ts';
import { UNKNOWN_PAGE, ruleFor, substitute } from './route-resolution.ts';

const ID = '00000000-0000-4000-8000-000000000000';
// Anonymous questions never reach the database; one that did would fail here.
const noDb = new Proxy(
	{},
	{
		get() {
			throw new Error('the database was asked');
		}
	}
) as Db;

const ask = (path: string, extra: { cookie?: string; dest?: string } = {}) =>
	substitute(noDb, {
		url: new URL(`http://localhost:3000${path}`),
		cookie: extra.cookie,
		dest: extra.dest
	});

describe('ruleFor', () => {
	it('finds the rule of every staff route from an address of it', () => {
		for (const [id, rule] of Object.entries(RULES).filter(([id]) => id.startsWith('/staff'))) {
			const path = id.replace(/\[\w+=uuid\]/g, ID).replace(/\[\w+\]/g, 'abc');
			expect(ruleFor(path), id).toBe(rule);
		}
	});

	it('finds nothing where no route is, as the router does', () => {
		expect(ruleFor('/staff/reports/not-a-uuid')).toBeUndefined();
		expect(ruleFor('/staff/no-such-page')).toBeUndefined();
		expect(ruleFor('/staff/users/more')).toBeUndefined();
		expect(ruleFor('/staff/desk')).toBeUndefined();
	});
});

describe('substitute', () => {
	it('answers the unknown page instead of naming a staff page to a caller without a session', async () => {
		for (const path of [
			'/staff/__route.js',
			'/staff/users/__route.js',
			'/%73taff/users/__route.js',
			'/staff/%75sers/__route.js',
			`/staff/reports/${ID}/__route.js`,
			'/staff/no-such-page/__route.js'
		]) {
			expect(await ask(path), path).toBe(UNKNOWN_PAGE);
		}
	});

	it('gives the app’s own import() the empty answer of an address without a route', async () => {
		expect(await ask('/staff/users/__route.js', { dest: 'script' })).toBe(
			`${UNKNOWN_PAGE}/__route.js`
		);
	});

	it('refuses a session cookie the database cannot confirm', async () => {
		const down = {
			selectFrom() {
				throw Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:5432'), {
					code: 'ECONNREFUSED'
				});
			}
		} as unknown as Db;
		const asked = {
			url: new URL('http://localhost:3000/staff/users/__route.js'),
			cookie: 'lang=pl; wegwijs_session=abc.def',
			dest: undefined
		};
		expect(await substitute(down, asked)).toBe(UNKNOWN_PAGE);
	});

	it('names the sign-in steps, the partner desk and every worker route to anyone', async () => {
		for (const path of [
			'/staff/login/__route.js',
			'/staff/totp/__route.js',
			'/staff/setup/abc/__route.js',
			'/staff/desk/abc/__route.js',
			'/pl/report/__route.js',
			'/__route.js',
			'/staffing/__route.js'
		]) {
			expect(await ask(path), path).toBeNull();
		}
	});

	it('leaves every other request alone', async () => {
		expect(await ask('/staff/users')).toBeNull();
		expect(await ask('/staff/users/__data.json')).toBeNull();
	});
});
