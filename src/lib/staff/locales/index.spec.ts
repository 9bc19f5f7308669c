import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { STAFF_LOCALES } from '$lib/i18n/staff';
import * as staffLocales from './index';

const root = path.resolve(__dirname, '../../../..');

describe('staff texts by language', () => {
	it('gives every staff text of the file, in its own language, Dutch for anything else', () => {
		for (const locale of STAFF_LOCALES) {
			const file = JSON.parse(
				fs.readFileSync(path.join(root, 'messages', 'staff', `${locale}.json`), 'utf8')
			) as Record<string, string>;
			expect(staffLocales.textsOf(locale)).toEqual(file);
		}
		expect(staffLocales.textsOf('en').staff_logout).toBe('Log out');
		expect(staffLocales.textsOf('nl').staff_logout).toBe('Uitloggen');
		expect(staffLocales.textsOf('de' as 'nl').staff_logout).toBe('Uitloggen');
	});
});
