// The statements a gemeente's procurement asks for agree with the code: one licence in LICENSE,
// package.json and publiccode.yml, and publiccode.yml lists exactly the languages the app speaks.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { locales } from '../../i18n/locales';

const root = path.resolve(import.meta.dirname, '../../../..');
const read = (f: string) => fs.readFileSync(path.join(root, f), 'utf8');

describe('public-sector statements in the repository', () => {
	it('license the code under the EUPL 1.2, the same in LICENSE, package.json and publiccode.yml', () => {
		expect(read('LICENSE')).toMatch(/^\s*EUROPEAN UNION PUBLIC LICENCE v\. 1\.2/);
		expect(read('LICENSE')).toContain('15. Applicable Law');
		expect(JSON.parse(read('package.json')).license).toBe('EUPL-1.2');
		expect(read('publiccode.yml')).toMatch(/^ {2}license: EUPL-1\.2$/m);
	});

	it('give publiccode.yml the URL the standard requires, a placeholder until the code is public', () => {
		// publiccode.yml 0.4, key `url`: mandatory, a URL of the source code repository.
		const url = /^url: '([^']*)'$/m.exec(read('publiccode.yml'))?.[1] ?? '';
		expect(new URL(url).protocol).toBe('https:');
		if (new URL(url).hostname.endsWith('example.org'))
			expect(read('README.md')).toContain('no public repository yet');
	});

	it('list in publiccode.yml exactly the languages workers can read', () => {
		const yml = read('publiccode.yml');
		const block = yml.slice(yml.indexOf('availableLanguages:')).split('\n').slice(1);
		const listed = block.map((l) => /^ {4}- ([a-z]{2})$/.exec(l)?.[1]).filter(Boolean);
		expect(listed.length).toBeGreaterThan(0);
		expect(listed.sort()).toEqual([...locales].sort());
	});
});
