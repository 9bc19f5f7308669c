import fs from 'node:fs';
import path from 'node:path';
import type { Cookies } from '@sveltejs/kit';
import { describe, expect, it } from 'vitest';
import { toStaffLocale } from '$lib/i18n/staff';
import * as language from './language';

function jar(initial: Record<string, string> = {}) {
	const values = new Map(Object.entries(initial));
	const set: { name: string; value: string; options: Record<string, unknown> }[] = [];
	const cookies = {
		get: (name: string) => values.get(name),
		set: (name: string, value: string, options: Record<string, unknown>) => {
			values.set(name, value);
			set.push({ name, value, options });
		}
	} as unknown as Cookies;
	return { cookies, set };
}

const srcDir = path.resolve(__dirname, '../../..');

function sources(dir: string): string[] {
	return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
		const full = path.join(dir, e.name);
		if (e.isDirectory()) return e.name === 'paraglide' ? [] : sources(full);
		return /\.(ts|svelte)$/.test(e.name) && !e.name.endsWith('.spec.ts') ? [full] : [];
	});
}

describe('the staff language', () => {
	it('reads nl and en as given and anything else as Dutch', () => {
		expect(toStaffLocale('en')).toBe('en');
		expect(toStaffLocale('nl')).toBe('nl');
		for (const other of ['EN', 'pl', '', null, undefined, 1])
			expect(toStaffLocale(other)).toBe('nl');
	});

	it('knows a chosen language from its cookie, and no choice from a missing or foreign value', () => {
		expect(language.chosen(jar({ [language.COOKIE]: 'en' }).cookies)).toBe('en');
		expect(language.chosen(jar({ [language.COOKIE]: 'pl' }).cookies)).toBeUndefined();
		expect(language.chosen(jar().cookies)).toBeUndefined();
	});

	it('remembers a choice for every staff page, out of reach of scripts, secure on https', () => {
		const { cookies, set } = jar();
		language.remember(cookies, new URL('https://wegwijs.example/staff/account'), 'en');
		expect(set).toEqual([
			{
				name: language.COOKIE,
				value: 'en',
				options: { path: '/staff', httpOnly: true, sameSite: 'lax', secure: true }
			}
		]);
		expect(language.chosen(cookies)).toBe('en');
	});

	it('is named and parsed in one place only', () => {
		const offenders = sources(srcDir)
			.filter((f) => !f.endsWith(path.join('server', 'staff', 'language.ts')))
			.filter((f) => {
				const text = fs.readFileSync(f, 'utf8');
				return (
					text.includes(`'${language.COOKIE}'`) || /===\s*'en'\s*\?\s*'en'\s*:\s*'nl'/.test(text)
				);
			})
			.map((f) => path.relative(srcDir, f));
		expect(offenders).toEqual([]);
	});
});
