// The folder rules, checked over the import graph of every file under src/: a path tells what a
// file may import (README, Architecture).
import fs from 'node:fs';
import { stripTypeScriptTypes } from 'node:module';
import path from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = path.resolve(__dirname);
const LIB = path.join(SRC, 'lib');
const SERVER = path.join(LIB, 'server');

function files(dir: string, out: string[] = []): string[] {
	for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
		const file = path.join(dir, entry.name);
		// Generated message modules import only each other.
		if (entry.isDirectory() && !entry.name.startsWith('paraglide')) files(file, out);
		else if (/\.(ts|js|svelte)$/.test(entry.name) && !entry.name.endsWith('.d.ts')) out.push(file);
	}
	return out;
}

function scripts(file: string): string {
	const text = fs.readFileSync(file, 'utf8');
	if (!file.endsWith('.svelte')) return text;
	return [...text.matchAll(/<script\b[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]).join('\n');
}

/** Every import of `file` that points into src/, as an absolute path (without extension). */
function imports(file: string): string[] {
	const found = ts.preProcessFile(scripts(file), true, true).importedFiles.map((f) => f.fileName);
	const resolved: string[] = [];
	for (const spec of found) {
		if (spec.startsWith('$lib/')) resolved.push(path.join(LIB, spec.slice(5)));
		else if (spec === '$lib') resolved.push(LIB);
		else if (spec.startsWith('.')) resolved.push(path.resolve(path.dirname(file), spec));
	}
	return resolved;
}

const inside = (file: string, dir: string) => file === dir || file.startsWith(dir + path.sep);
const rel = (file: string) => path.relative(SRC, file).split(path.sep).join('/');

const graph = files(SRC).map((file) => ({ file, imports: imports(file) }));

function violations(applies: (file: string) => boolean, forbidden: (target: string) => boolean) {
	return graph
		.filter(({ file }) => applies(file))
		.flatMap(({ file, imports }) =>
			imports.filter(forbidden).map((target) => `${rel(file)} → ${rel(target)}`)
		);
}

describe('import graph', () => {
	it('sees the imports of TypeScript and Svelte files (the scan itself works)', () => {
		const layout = graph.find((g) => rel(g.file) === 'routes/staff/+layout.svelte');
		expect(layout?.imports.map(rel)).toContain('lib/staff/nav');
		const cli = graph.find((g) => rel(g.file) === 'lib/server/app/cli.ts');
		expect(cli?.imports.map(rel)).toContain('lib/server/platform/config.ts');
	});

	it('keeps the platform free of features: platform imports no other server folder', () => {
		const platform = path.join(SERVER, 'platform');
		expect(
			violations(
				(f) => inside(f, platform),
				(t) => inside(t, SERVER) && !inside(t, platform)
			)
		).toEqual([]);
	});

	it('keeps shared code shared: nothing in src/lib outside server imports src/lib/server', () => {
		expect(
			violations(
				// A spec is not shipped: a test of a shared module may read server modules.
				(f) => inside(f, LIB) && !inside(f, SERVER) && !f.endsWith('.spec.ts'),
				(t) => inside(t, SERVER)
			)
		).toEqual([]);
	});

	it('never imports routes from src/lib', () => {
		expect(
			violations(
				(f) => inside(f, LIB),
				(t) => inside(t, path.join(SRC, 'routes'))
			)
		).toEqual([]);
	});

	it('keeps features from importing the app (startup, jobs, CLI)', () => {
		const app = path.join(SERVER, 'app');
		expect(
			violations(
				(f) => inside(f, SERVER) && !inside(f, app),
				(t) => inside(t, app)
			)
		).toEqual([]);
	});

	it('keeps in src/lib/components only what more than one file uses (one user: beside it)', () => {
		const components = path.join(LIB, 'components');
		const lonely = graph
			.filter(({ file }) => inside(file, components))
			.map(({ file }) => {
				const bare = file.replace(/\.(ts|js)$/, '');
				const users = graph.filter(
					(g) => g.file !== file && (g.imports.includes(file) || g.imports.includes(bare))
				);
				return { file, users: users.length };
			})
			.filter((c) => c.users < 2)
			.map((c) => rel(c.file));
		expect(lonely).toEqual([]);
	});
});

describe('the README architecture picture', () => {
	const readme = fs.readFileSync(path.join(SRC, '..', 'README.md'), 'utf8');
	const picture = readme.slice(readme.indexOf('## Architecture')).split('```')[1];
	const rows = picture
		.split('\n')
		.filter((l) => l.startsWith(' │ '))
		.map((l) => l.slice(3).trimEnd().replace(/│$/, ''));

	/** Folders the picture names, relative to src/: a row's first word at indent 0 or 2 (under the
	 * last indent-0 folder), and folders named inside a row's text (under that row's folder). */
	function pictured(): Set<string> {
		const named = new Set<string>();
		let parent = '';
		let current = '';
		for (const row of rows) {
			const head = row.match(/^( {2})?((?:[a-z0-9-]+\/)+)\s/);
			if (head) {
				const folder = head[2].replace(/\/$/, '');
				current = head[1] ? `${parent}/${folder}` : folder;
				if (!head[1]) parent = folder;
				named.add(current);
			}
			const text = head ? row.slice(head[0].length) : row;
			for (const m of text.matchAll(/(?<![\w$/.])([a-z0-9-]+)\/(?=[\s)·,]|$)/g)) {
				named.add(`${current}/${m[1]}`);
			}
		}
		return named;
	}

	function dirs(dir: string, out: string[] = []): string[] {
		for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
			if (!entry.isDirectory() || entry.name.startsWith('paraglide')) continue;
			out.push(rel(path.join(dir, entry.name)));
			dirs(path.join(dir, entry.name), out);
		}
		return out;
	}

	it('names only folders that exist', () => {
		const named = [...pictured()];
		expect(named).toContain('lib/server/meldpunt');
		expect(named).toContain('lib/server/platform/db');
		expect(named.filter((d) => !fs.existsSync(path.join(SRC, d)))).toEqual([]);
	});

	it('names every folder under src/lib/server and every feature folder of src/lib', () => {
		const named = pictured();
		const expected = [
			'routes',
			'params',
			...dirs(LIB).filter((d) => d.split('/').length === 2 || d.startsWith('lib/server/'))
		];
		expect(expected.filter((d) => !named.has(d))).toEqual([]);
	});
});

describe('one definition per fact', () => {
	const sources = graph
		.map((g) => g.file)
		.filter((f) => !f.endsWith('.spec.ts'))
		.map((file) => ({ file, text: fs.readFileSync(file, 'utf8') }));
	const writers = (pattern: RegExp) =>
		sources.filter(({ text }) => pattern.test(text)).map(({ file }) => rel(file));

	it('tests a UUID in one place', () => {
		expect(writers(/\[0-9a-f-?\]\{(8|36)\}/i)).toEqual(['lib/shell/uuid.ts']);
	});

	it('writes CSV and escapes spreadsheet formulas in one place', () => {
		expect(writers(/csv-stringify|\[=\+\\-@/)).toEqual(['lib/server/platform/csv.ts']);
	});

	it('draws the box around the Netherlands in one place', () => {
		expect(writers(/50\.7\b/)).toEqual(['lib/shell/nl.ts']);
	});
});

describe('server modules under Node type stripping', () => {
	// The CLI (`npm run admin`) and the bench load src/lib/server with Node's --experimental-strip-types,
	// which refuses TypeScript that emits code (parameter properties, enums, namespaces).
	it('use only TypeScript that Node can strip', () => {
		const refused = graph
			.map((g) => g.file)
			.filter((f) => inside(f, SERVER) && f.endsWith('.ts') && !f.endsWith('.spec.ts'))
			.filter((f) => {
				try {
					stripTypeScriptTypes(fs.readFileSync(f, 'utf8'));
					return false;
				} catch {
					return true;
				}
			})
			.map(rel);
		expect(refused).toEqual([]);
	});
});
