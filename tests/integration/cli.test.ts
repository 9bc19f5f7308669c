import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as cli from '../../src/lib/server/app/cli.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';
import { helpPartner } from '../factories/regions.ts';
import { fresh, onBothDatabases } from './databases.ts';

async function run(db: Parameters<typeof cli.run>[1], ...argv: string[]) {
	const out: string[] = [];
	const code = await cli.run(argv, db, (l) => out.push(l));
	return { code, out: out.join('\n') };
}

onBothDatabases('admin CLI', (ctx) => {
	it('adds a handler with gemeenten and prints a one-time setup link', async () => {
		const r = await run(
			ctx.db,
			'user',
			'add',
			'--email',
			'cli@example.test',
			'--name',
			'Cli User',
			'--role',
			'handler',
			'--gemeente',
			'tiel',
			'--gemeente',
			'buren'
		);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/\/staff\/setup\/[a-z2-7]+\.[a-z2-7]+$/);
		const list = await run(ctx.db, 'user', 'list');
		expect(list.out).toContain('cli@example.test\tCli User\thandler\tburen,tiel\tpending');
	});

	it('refuses bad input with a message and a non-zero exit code', async () => {
		expect(
			(await run(ctx.db, 'user', 'add', '--email', 'x', '--name', 'X', '--role', 'handler')).code
		).toBe(1);
		expect((await run(ctx.db, 'user', 'disable', '--email', 'nobody@example.test')).out).toContain(
			'no user'
		);
		expect((await run(ctx.db, 'frobnicate')).code).toBe(2);
	});

	it('imports a second region from a JSON file and adds a gemeente', async () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'region-')), 'r.json');
		fs.writeFileSync(
			file,
			JSON.stringify({
				slug: 'westland',
				name: 'Regio Westland',
				gemeenten: [{ slug: 'westland', name: 'Westland', cbsCode: 'GM1783' }],
				partners: [helpPartner()]
			})
		);
		fs.writeFileSync(
			file,
			JSON.stringify({
				slug: 'westland',
				name: 'Regio Westland',
				gemeenten: [{ slug: 'westland', name: 'Westland', cbsCode: 'GM1783' }],
				partners: [
					{
						slug: 'nla',
						name: 'Nederlandse Arbeidsinspectie',
						kind: 'inspection',
						handles: { nl: 'Controleert werkgevers.', en: 'Checks employers.' },
						acceptsAnonymous: true,
						website: null,
						phone: null,
						categoryGroups: ['work']
					}
				]
			})
		);
		expect((await run(ctx.db, 'region', 'import', file)).code).toBe(0);
		expect(
			(
				await run(
					ctx.db,
					'gemeente',
					'add',
					'--region',
					'westland',
					'--id',
					'maassluis',
					'--name',
					'Maassluis'
				)
			).code
		).toBe(0);
		expect((await regions.gemeenten(ctx.db, 'westland')).map((g) => g.id)).toEqual([
			'maassluis',
			'westland'
		]);
		fs.writeFileSync(
			file,
			JSON.stringify({ slug: 'Bad Slug!', name: 'x', gemeenten: [], partners: [] })
		);
		expect((await run(ctx.db, 'region', 'import', file)).code).toBe(1);
	});
});

// The `admin` script exactly as package.json runs it, so the test runs what `npm run admin` runs.
const script = (
	JSON.parse(fs.readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> }
).scripts.admin.split(' ');

/**
 * The admin CLI as a process (through npm, or the script's node command directly, which starts
 * faster). A command still running after `timeoutMs` is killed: generous, because a first
 * PGlite start with migrations takes 20 s on two busy cores, while a hung command never ends.
 */
function admin(
	env: NodeJS.ProcessEnv,
	argv: string[],
	{ viaNpm = false, timeoutMs = 90_000 } = {}
): Promise<{ code: number | null; timedOut: boolean; out: string }> {
	return new Promise((resolve, reject) => {
		const [cmd, ...args] = viaNpm
			? ['npm', 'run', '-s', 'admin', '--', ...argv]
			: [process.execPath, ...script.slice(1), ...argv];
		const child = spawn(cmd, args, {
			env: { ...process.env, ...env },
			stdio: ['ignore', 'pipe', 'pipe']
		});
		let out = '';
		child.stdout.on('data', (b: Buffer) => (out += b.toString()));
		child.stderr.on('data', (b: Buffer) => (out += b.toString()));
		let timedOut = false;
		const timer = setTimeout(() => {
			timedOut = true;
			child.kill('SIGKILL');
		}, timeoutMs);
		child.on('error', reject);
		child.on('close', (code) => {
			clearTimeout(timer);
			resolve({ code, timedOut, out });
		});
	});
}

describe('admin CLI help', () => {
	for (const argv of [[], ['help'], ['--help'], ['-h'], ['user', 'add', '--help']]) {
		it(`prints the usage for \`${argv.join(' ') || '(no command)'}\` without opening a database, and exits 0`, async () => {
			const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-help-'));
			const r = await admin({ DATA_DIR: dataDir, DATABASE_URL: '' }, argv, { viaNpm: true });
			expect(r).toMatchObject({ code: 0, timedOut: false });
			expect(r.out).toContain('Usage: npm run admin -- <command>');
			expect(fs.readdirSync(dataDir)).toEqual([]);
		});
	}

	it('prints the usage for an unknown command without opening a database, and exits 2', async () => {
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-help-'));
		const r = await admin({ DATA_DIR: dataDir, DATABASE_URL: '' }, ['frobnicate']);
		expect(r).toMatchObject({ code: 2, timedOut: false });
		expect(r.out).toContain('Usage:');
		expect(fs.readdirSync(dataDir)).toEqual([]);
	});
});

// Every command, as a process, on an existing database: each must end by itself (help on an
// existing embedded database once printed the usage and never exited).
for (const kind of ['pglite', 'postgres'] as const) {
	describe(`admin CLI commands exit (${kind})`, () => {
		const env: NodeJS.ProcessEnv = {};
		let drop = async () => undefined as void;
		beforeAll(async () => {
			env.DATA_DIR = fs.mkdtempSync(path.join(os.tmpdir(), 'cli-exit-'));
			env.DATABASE_URL = '';
			if (kind === 'postgres') {
				const made = await fresh('postgres');
				env.DATABASE_URL = made.url;
				await made.db.destroy();
				drop = made.drop;
			}
		});
		afterAll(() => drop());

		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'region-')), 'r.json');
		fs.writeFileSync(
			file,
			JSON.stringify({
				slug: 'westland',
				name: 'Regio Westland',
				gemeenten: [{ slug: 'westland', name: 'Westland', cbsCode: 'GM1783' }],
				partners: [helpPartner()]
			})
		);
		const email = `exit-${kind}@example.test`;
		const commands: [command: string, argv: string[], code: number][] = [
			['migrate', ['migrate'], 0],
			['setup-link', ['setup-link'], 0],
			['user add', ['user', 'add', '--email', email, '--name', 'E', '--role', 'panel'], 0],
			['user link', ['user', 'link', '--email', email], 0],
			['user list', ['user', 'list'], 0],
			['user disable', ['user', 'disable', '--email', email], 0],
			['user enable', ['user', 'enable', '--email', email], 0],
			['region list', ['region', 'list'], 0],
			['region import', ['region', 'import', file], 0],
			[
				'gemeente add',
				['gemeente', 'add', '--region', 'westland', '--id', 'vlaardingen', '--name', 'Vlaardingen'],
				0
			],
			['stats', ['stats', '--gemeente', 'tiel'], 0],
			['rewrap-keys', ['rewrap-keys'], 0],
			['user end-sessions', ['user', 'end-sessions', '--email', email], 0],
			['user inactive', ['user', 'inactive', '--days', '30'], 0],
			['region sign-in', ['region', 'sign-in', path.join(path.dirname(file), 'none.json')], 1],
			['backup', ['backup', '--out', path.join(path.dirname(file), `backup-${kind}`)], 0],
			['restore', ['restore'], 1],
			['user link', ['user', 'link', '--email', 'nobody@example.test'], 1],
			['region import', ['region', 'import'], 2]
		];

		it('has a case here for every command the CLI knows', () => {
			expect(new Set(commands.map(([c]) => c))).toEqual(cli.COMMANDS);
		});

		for (const [, argv, code] of commands) {
			it(`\`${argv.join(' ')}\` exits by itself with code ${code}`, async () => {
				const r = await admin(env, argv);
				expect(r.timedOut, r.out).toBe(false);
				expect(r.code, r.out).toBe(code);
			}, 120_000);
		}
	});
}
