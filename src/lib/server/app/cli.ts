// `npm run admin -- <command>`: non-interactive administration for scripts. Run with Node's type
// stripping, so this file and what it imports use relative `.ts` imports and no SvelteKit aliases.
//
// With embedded PGlite only one process may open the database. When the app is running, commands
// are handed to it over a unix socket in DATA_DIR (mode 0600); otherwise the CLI opens the database.
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import * as accounts from '../staff/accounts.ts';
import * as adminSocket from './admin-socket.ts';
import * as backups from './backup.ts';
import { config } from '../platform/config.ts';
import * as database from '../platform/db/index.ts';
import * as keys from './keys.ts';
import * as secrets from '../platform/secrets.ts';
import * as regions from '../regions/regions.ts';
import * as rotation from './rotation.ts';
import * as signInSettings from '../staff/sign-in-settings.ts';
import * as startup from './startup.ts';
import * as users from '../staff/users.ts';
import { toStaffLocale } from '../../i18n/staff.ts';
import type { RegionSeed } from '../regions/types.ts';

export const USAGE = `Usage: npm run admin -- <command> [options]

  help, --help, -h                         print this text
  migrate                                  apply pending migrations (also: npm run db:migrate)
  setup-link                               print the first admin's setup link (empty database only)
  user add --email E --name N --role R [--gemeente G]... [--partner P] [--locale nl|en] [--region ID]
                                           add a user; prints a one-time setup link (24 h)
                                           roles: admin, coordinator, handler, editor, panel, partner
                                           (partner: --partner names its organisation, e.g. nla)
  user link --email E                      print a new one-time setup link (password reset)
  user list                                list users (tab-separated)
  user disable --email E | user enable --email E
  user end-sessions --email E              sign a user out everywhere
  user inactive --days N                   active users not signed in for N days (tab-separated)
  region list                              list regions with their gemeenten
  region import FILE.json                  add or update a region, its gemeenten and partners
  region sign-in FILE.json [--region ID]   set how staff sign in: OpenID providers, group
                                           mapping, local login, session hours (README)
  gemeente add --region ID --id SLUG --name NAME [--cbs GM0000]
  stats [--gemeente G]...                  count reports per status (no content)
  rewrap-keys                              after a master-key rotation: rewrap stored keys under
                                           WEGWIJS_MASTER_KEY (WEGWIJS_MASTER_KEY_PREVIOUS still set)
  backup --out FILE                        write the database to FILE while the app runs (no keys:
                                           back up DATA_DIR/secrets apart, see README)
  restore FILE                             restore a backup into an empty DATA_DIR (PGlite) or into
                                           DATABASE_URL; the app must be stopped
`;

export type Print = (line: string) => void;

export const COMMANDS = new Set([
	'migrate',
	'setup-link',
	'user add',
	'user link',
	'user list',
	'user disable',
	'user enable',
	'user end-sessions',
	'user inactive',
	'region list',
	'region import',
	'region sign-in',
	'gemeente add',
	'stats',
	'rewrap-keys',
	'backup',
	'restore'
]);

function parse(argv: string[]) {
	return parseArgs({
		args: argv,
		allowPositionals: true,
		options: {
			help: { type: 'boolean', short: 'h' },
			email: { type: 'string' },
			name: { type: 'string' },
			role: { type: 'string' },
			partner: { type: 'string' },
			gemeente: { type: 'string', multiple: true },
			locale: { type: 'string' },
			out: { type: 'string' },
			region: { type: 'string' },
			id: { type: 'string' },
			cbs: { type: 'string' },
			days: { type: 'string' }
		}
	});
}

/**
 * What `argv` asks for without touching a database: the usage (no command, `help`, `--help`,
 * `-h`; exit 0), the usage for an unknown command (exit 2), or a command to run.
 */
export function intent(argv: string[]): { usage: 0 | 2 } | { command: string } {
	const { values, positionals } = parse(argv);
	const [cmd, sub] = positionals;
	if (values.help || cmd === undefined || cmd === 'help') return { usage: 0 };
	if (COMMANDS.has(cmd)) return { command: cmd };
	if (sub !== undefined && COMMANDS.has(`${cmd} ${sub}`)) return { command: `${cmd} ${sub}` };
	return { usage: 2 };
}

/** Runs one command against `db`. Returns the process exit code. */
export async function run(argv: string[], db: database.Db, print: Print): Promise<number> {
	const wanted = intent(argv);
	if ('usage' in wanted) {
		print(USAGE);
		return wanted.usage;
	}
	const { values, positionals } = parse(argv);
	const [cmd, sub, arg] = positionals;
	const fail = (msg: string) => {
		print(`error: ${msg}`);
		return 1;
	};
	const origin = config.origin;

	if (cmd === 'migrate') {
		print(`migrations applied: ${await startup.prepare(db)}`);
		return 0;
	}
	if (cmd === 'setup-link') {
		await startup.prepare(db);
		const link = await startup.bootstrapLink(db, origin);
		if (!link) return fail('staff users exist already; use `user link --email …` instead');
		print(link);
		return 0;
	}
	if (cmd === 'user') {
		if (sub === 'add') {
			const r = await accounts.add(db, null, {
				email: values.email ?? '',
				name: values.name ?? '',
				role: values.role ?? '',
				gemeenten: (values.gemeente ?? []).flatMap((g) => g.split(',')).filter(Boolean),
				partner: values.partner,
				regionId: values.region ?? config.region,
				locale: toStaffLocale(values.locale)
			});
			if (!r.ok) return fail(r.error);
			print(`${origin}/staff/setup/${r.token}`);
			return 0;
		}
		if (sub === 'list') {
			for (const u of await users.list(db)) {
				const state = u.disabled_at
					? 'disabled'
					: (u.has_password && u.has_totp) || u.oidc_provider
						? 'active'
						: 'pending';
				const role = u.partner_id ? `${u.role}:${u.partner_id}` : u.role;
				print([u.email, u.name, role, u.gemeenten.join(','), state].join('\t'));
			}
			return 0;
		}
		if (sub === 'inactive') {
			const days = Number(values.days);
			if (!Number.isInteger(days) || days < 1) return fail('--days must be a whole number ≥ 1');
			for (const u of await users.inactive(db, days)) {
				const last = u.last_sign_in_at ? new Date(u.last_sign_in_at).toISOString() : 'never';
				print([u.email, u.name, u.role, last, u.last_sign_in_method ?? ''].join('\t'));
			}
			return 0;
		}
		if (sub === 'end-sessions') {
			const user = values.email ? await users.findByEmail(db, values.email) : undefined;
			if (!user) return fail('no user with that --email');
			const ended = await accounts.endSessions(db, null, user.id);
			print(`${user.email}: ${ended} sessions ended`);
			return 0;
		}
		if (sub === 'link' || sub === 'disable' || sub === 'enable') {
			const user = values.email ? await users.findByEmail(db, values.email) : undefined;
			if (!user) return fail('no user with that --email');
			if (sub === 'link') {
				const link = await accounts.issueLink(db, null, user.id);
				print(`${origin}/staff/setup/${link!.token}`);
			} else {
				await accounts.setDisabled(db, null, user.id, sub === 'disable');
				print(`${user.email} ${sub}d`);
			}
			return 0;
		}
	}
	if (cmd === 'region') {
		if (sub === 'list') {
			for (const r of await regions.list(db)) {
				const gs = await regions.gemeenten(db, r.id);
				print(`${r.id}\t${r.name}\t${gs.map((g) => g.id).join(',')}`);
			}
			return 0;
		}
		if (sub === 'import' && arg) {
			let seed: RegionSeed;
			try {
				seed = JSON.parse(fs.readFileSync(arg, 'utf8')) as RegionSeed;
			} catch (err) {
				return fail(`cannot read ${arg}: ${(err as Error).message}`);
			}
			const problem = regions.validateSeed(seed);
			if (problem) return fail(problem);
			await regions.upsert(db, seed);
			print(
				`region ${seed.slug}: ${seed.gemeenten.length} gemeenten, ${seed.partners.length} partners`
			);
			return 0;
		}
	}
	if (cmd === 'region' && sub === 'sign-in' && arg) {
		let raw: unknown;
		try {
			raw = JSON.parse(fs.readFileSync(arg, 'utf8'));
		} catch (err) {
			return fail(`cannot read ${arg}: ${(err as Error).message}`);
		}
		const regionId = values.region ?? config.region;
		if (!(await regions.read(db, regionId))) return fail(`unknown region ${regionId}`);
		const r = await signInSettings.write(db, null, regionId, raw);
		if (!r.ok) return fail(r.problems.join('; '));
		const s = r.settings;
		print(
			`region ${regionId}: providers ${s.providers.map((p) => p.id).join(',') || 'none'}, ` +
				`local login ${s.localLogin ? 'on' : 'off'}, sessions ${s.sessionHours} h`
		);
		for (const p of s.providers) {
			const variable = signInSettings.secretVariable(p.id);
			if (!process.env[variable]) print(`note: ${variable} is not set (public client, no secret)`);
		}
		return 0;
	}
	if (cmd === 'rewrap-keys') {
		const r = await rotation.rewrapAll(db);
		print(`rewrapped: ${r.reports} reports, ${r.users} staff TOTP keys`);
		return 0;
	}
	if (cmd === 'backup') {
		if (!values.out) return fail('--out FILE is required');
		const bytes = await backups.backup(db, values.out);
		const s = secrets.get();
		print(`backup written: ${values.out} (${bytes} bytes)`);
		// Which key backup belongs to this archive, without printing a key.
		print(
			`keys needed: master ${keys.fingerprint(s.masterKey).slice(0, 12)}, pepper ${keys.fingerprint(s.hmacPepper).slice(0, 12)} (fingerprints)`
		);
		print(
			'the archive holds no keys: keep DATA_DIR/secrets (or the key variables) backed up apart'
		);
		return 0;
	}
	if (cmd === 'stats') {
		let q = db.selectFrom('report').select(['status', (eb) => eb.fn.countAll<string>().as('n')]);
		if (values.gemeente?.length) q = q.where('gemeente_id', 'in', values.gemeente);
		const rows = await q.groupBy('status').orderBy('status').execute();
		const total = rows.reduce((sum, r) => sum + Number(r.n), 0);
		print(`reports\t${total}`);
		for (const r of rows) print(`${r.status}\t${r.n}`);
		return 0;
	}
	if (cmd === 'gemeente' && sub === 'add') {
		if (!values.region || !values.id || !values.name)
			return fail('--region, --id and --name are required');
		if (!/^[a-z0-9-]{2,60}$/.test(values.id))
			return fail('--id must be lowercase letters, digits and dashes');
		if (!(await regions.read(db, values.region))) return fail(`unknown region ${values.region}`);
		await regions.addGemeente(db, values.region, {
			slug: values.id,
			name: values.name,
			cbsCode: values.cbs
		});
		print(`gemeente ${values.id} added to ${values.region}`);
		return 0;
	}
	// A known command with a missing argument (`region import` without a file).
	print(USAGE);
	return 2;
}

async function main(): Promise<void> {
	const argv = process.argv.slice(2);
	const wanted = intent(argv);
	// The usage needs no database: opening an embedded one only to close it at once could hang.
	if ('usage' in wanted) {
		process.stdout.write(USAGE);
		process.exitCode = wanted.usage;
		return;
	}
	if (argv[0] === 'restore') {
		// Before anything opens (and so creates) the database it is to restore into.
		const file = argv[1];
		if (!file) throw new Error('usage: restore FILE');
		await backups.restore(
			file,
			config.databaseUrl
				? { url: config.databaseUrl }
				: { pgliteDir: path.join(config.dataDir, 'pglite') }
		);
		process.stdout.write(
			`restored ${file}\nnow put master.key and hmac-pepper.key from the key backup into ` +
				`${path.join(config.dataDir, 'secrets')} (mode 0600), or set WEGWIJS_MASTER_KEY and ` +
				'WEGWIJS_HMAC_PEPPER; the server refuses to start with other keys\n'
		);
		return;
	}
	// The running app resolves paths from its own directory: send it an absolute one.
	const out = argv.indexOf('--out');
	if (out >= 0 && argv[out + 1]) argv[out + 1] = path.resolve(argv[out + 1]);
	if (!config.databaseUrl) {
		const forwarded = await adminSocket.send(argv);
		if (forwarded) {
			process.stdout.write(forwarded.output);
			process.exitCode = forwarded.code;
			return;
		}
	}
	const { db } = database.get();
	try {
		if (wanted.command !== 'migrate') await startup.prepare(db);
		process.exitCode = await run(argv, db, (line) => process.stdout.write(line + '\n'));
	} finally {
		await database.close();
	}
}

if (import.meta.url === `file://${process.argv[1]}`) {
	main().catch((err: unknown) => {
		process.stderr.write(`error: ${err instanceof Error ? err.message : String(err)}\n`);
		process.exitCode = 1;
	});
}
