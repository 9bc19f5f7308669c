import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAV, navFor } from '$lib/staff/nav';
import { PERMISSIONS, ROLES, can } from '$lib/staff/roles';
import { RULES, decide } from './route-access';

const routesDir = path.resolve(__dirname, '../../../routes');

interface Found {
	id: string;
	page: boolean;
	actions: string[];
	methods: string[];
}

function walk(dir: string, out: Found[] = []): Found[] {
	const files = fs.readdirSync(dir);
	const rel = path.relative(routesDir, dir).split(path.sep).join('/');
	const id = '/' + rel;
	const found: Found = {
		id: id === '/' ? '/' : id.replace(/\/$/, ''),
		page: false,
		actions: [],
		methods: []
	};
	if (files.some((f) => f === '+page.svelte' || f === '+page.server.ts')) found.page = true;
	if (files.includes('+page.server.ts')) {
		const src = fs.readFileSync(path.join(dir, '+page.server.ts'), 'utf8');
		const m = src.match(/export const actions[^=]*=\s*\{([^}]*)\}/);
		if (m)
			found.actions = m[1]
				.split(',')
				.map((a) => a.split(':')[0].trim())
				.filter(Boolean);
	}
	if (files.includes('+server.ts')) {
		const src = fs.readFileSync(path.join(dir, '+server.ts'), 'utf8');
		found.methods = [...src.matchAll(/export const (GET|POST|PUT|PATCH|DELETE)\b/g)].map(
			(x) => x[1]
		);
	}
	if (found.page || found.methods.length) out.push(found);
	for (const f of files) {
		if (fs.statSync(path.join(dir, f)).isDirectory()) walk(path.join(dir, f), out);
	}
	return out;
}

describe('route inventory', () => {
	const routes = walk(routesDir);

	it('finds the routes (the scan itself works)', () => {
		expect(routes.map((r) => r.id)).toContain('/staff/reports/[id=uuid]');
		expect(routes.find((r) => r.id === '/staff/reports/[id=uuid]')?.actions).toContain('refer');
		expect(routes.find((r) => r.id === '/api/v1/reports')?.methods).toEqual(['POST']);
	});

	it('declares who may call every page, action and endpoint', () => {
		const missing: string[] = [];
		for (const r of routes) {
			const rule = RULES[r.id];
			if (!rule) {
				missing.push(`${r.id}: no rule`);
				continue;
			}
			if (r.page && !rule.page) missing.push(`${r.id}: page`);
			for (const a of r.actions) if (!rule.actions?.[a]) missing.push(`${r.id}?/${a}`);
			for (const m of r.methods) if (!rule.methods?.[m as 'GET']) missing.push(`${m} ${r.id}`);
		}
		expect(missing).toEqual([]);
	});

	it('has no rule for a route that does not exist', () => {
		const ids = new Set(routes.map((r) => r.id));
		expect(Object.keys(RULES).filter((id) => !ids.has(id))).toEqual([]);
	});

	it('keeps every staff route behind a staff rule, except the sign-in steps', () => {
		for (const r of routes.filter((x) => x.id.startsWith('/staff'))) {
			const rule = RULES[r.id];
			const all = [
				rule.page,
				...Object.values(rule.actions ?? {}),
				...Object.values(rule.methods ?? {})
			];
			for (const who of all) expect(who === 'public' || who === 'reporter', r.id).toBe(false);
		}
	});
});

describe('the partner desk', () => {
	it('is the only place that lets a partner without an account in; the route checks the link', () => {
		for (const [id, rule] of Object.entries(RULES)) {
			const all = [
				rule.page,
				...Object.values(rule.actions ?? {}),
				...Object.values(rule.methods ?? {})
			];
			const desk = id.startsWith('/staff/desk/');
			for (const who of all.filter(Boolean)) expect(who === 'desk', id).toBe(desk);
		}
		const page = { method: 'GET', action: null, isPage: true };
		expect(decide(RULES['/staff/desk/[token]'], page, null)).toBe('allow');
	});
});

describe('decide', () => {
	const rule = RULES['/staff/reports/[id=uuid]'];
	const handler = { role: 'handler' as const, verified: true };
	it('lets allowed roles in, sends others to sign in or to 404', () => {
		expect(decide(rule, { method: 'GET', action: null, isPage: true }, handler)).toBe('allow');
		expect(decide(rule, { method: 'POST', action: 'refer', isPage: true }, handler)).toBe('allow');
		expect(decide(rule, { method: 'GET', action: null, isPage: true }, null)).toBe('login');
		expect(
			decide(
				rule,
				{ method: 'GET', action: null, isPage: true },
				{ role: 'handler', verified: false }
			)
		).toBe('login');
		expect(
			decide(rule, { method: 'GET', action: null, isPage: true }, { role: 'panel', verified: true })
		).toBe('not_found');
		expect(decide(rule, { method: 'POST', action: 'unknown', isPage: true }, handler)).toBe(
			'not_found'
		);
		expect(decide(undefined, { method: 'GET', action: null, isPage: true }, handler)).toBe(
			'not_found'
		);
	});
});

describe('the roles table', () => {
	const page = { method: 'GET', action: null, isPage: true };

	it('offers every role exactly the navigation entries whose pages it may open', () => {
		const wrong: string[] = [];
		for (const role of ROLES) {
			const shown = new Set(navFor(role).map((e) => e.href));
			for (const entry of NAV) {
				const rule = RULES[entry.href];
				if (!rule) wrong.push(`${entry.href}: no route rule`);
				const opens = decide(rule, page, { role, verified: true }) === 'allow';
				if (opens !== shown.has(entry.href))
					wrong.push(`${role} ${shown.has(entry.href) ? 'sees' : 'misses'} ${entry.href}`);
			}
		}
		expect(wrong).toEqual([]);
		expect(navFor('panel').map((e) => e.href)).toEqual([
			'/staff',
			'/staff/results',
			'/staff/account'
		]);
	});

	it('gives a partner user its inbox and its account, and no other staff route', () => {
		const partner = { role: 'partner' as const, verified: true };
		const opens: string[] = [];
		for (const [id, rule] of Object.entries(RULES)) {
			if (!id.startsWith('/staff') || id.startsWith('/staff/desk/')) continue;
			const whos = [
				['page', rule.page],
				...Object.entries(rule.actions ?? {}),
				...Object.entries(rule.methods ?? {})
			] as const;
			for (const [key, who] of whos) {
				if (!who || who === 'signin') continue;
				const request =
					key === 'page'
						? page
						: rule.methods && key in rule.methods
							? { method: key, action: null, isPage: false }
							: { method: 'POST', action: key, isPage: true };
				if (decide(rule, request, partner) === 'allow') opens.push(`${id} ${key}`);
			}
		}
		expect(opens.sort()).toEqual(
			[
				'/staff page',
				'/staff/account page',
				'/staff/account password',
				'/staff/account language',
				'/staff/account unpush',
				'/staff/partner page',
				'/staff/partner/[referral=uuid] page',
				'/staff/partner/[referral=uuid] acknowledge',
				'/staff/partner/[referral=uuid] answer',
				'/staff/partner/[referral=uuid]/photos/[photo=uuid] GET'
			].sort()
		);
		// And no other role opens the partner inbox.
		for (const role of ROLES.filter((r) => r !== 'partner'))
			expect(decide(RULES['/staff/partner'], page, { role, verified: true }), role).toBe(
				'not_found'
			);
		expect(navFor('partner').map((e) => e.href)).toEqual([
			'/staff',
			'/staff/partner',
			'/staff/account'
		]);
	});

	it('gives every permission to at least one role, and every role to at least one page', () => {
		for (const p of PERMISSIONS)
			expect(
				ROLES.some((r) => can(r, p)),
				p
			).toBe(true);
		for (const role of ROLES) expect(navFor(role).length, role).toBeGreaterThan(2);
	});

	it('has requireStaff in a route ask only for permissions that route’s rule names', () => {
		const wrong: string[] = [];
		for (const r of walk(routesDir)) {
			const rule = RULES[r.id];
			const named = new Set([
				rule?.page,
				...Object.values(rule?.actions ?? {}),
				...Object.values(rule?.methods ?? {})
			]);
			const dir = path.join(routesDir, r.id);
			for (const file of ['+page.server.ts', '+server.ts', '+layout.server.ts']) {
				if (!fs.existsSync(path.join(dir, file))) continue;
				const src = fs.readFileSync(path.join(dir, file), 'utf8');
				for (const [, p] of src.matchAll(/requireStaff\('(\w+)'\)/g)) {
					if (!named.has(p as (typeof PERMISSIONS)[number])) wrong.push(`${r.id}/${file}: ${p}`);
				}
			}
		}
		expect(wrong).toEqual([]);
	});

	it('is the only place that lists roles: no other file writes out a set of them', () => {
		const lists: string[] = [];
		const roleList = new RegExp(
			`\\[\\s*(['"](${ROLES.join('|')})['"]\\s*,\\s*){1,}['"](${ROLES.join('|')})['"]`
		);
		const scan = (dir: string) => {
			for (const f of fs.readdirSync(dir)) {
				const file = path.join(dir, f);
				if (fs.statSync(file).isDirectory()) {
					if (!f.startsWith('paraglide')) scan(file);
				} else if (/\.(ts|svelte)$/.test(f) && !f.endsWith('.spec.ts')) {
					if (roleList.test(fs.readFileSync(file, 'utf8'))) lists.push(file);
				}
			}
		};
		scan(path.resolve(routesDir, '..'));
		expect(lists.map((f) => path.relative(path.resolve(routesDir, '..'), f))).toEqual([
			'lib/staff/roles.ts'
		]);
	});
});
