// Starts and stops a private PostgreSQL server (Debian's `postgresql` package) for the tests.
// No systemd, no shared state: a fresh cluster in a temp dir on a free loopback port.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

export interface PgServer {
	url: string;
	port: number;
	dir: string;
	bin: string;
	stop(mode?: 'fast' | 'immediate'): void;
	start(): void;
}

export function findBin(): string {
	const root = '/usr/lib/postgresql';
	const versions = fs.existsSync(root)
		? fs.readdirSync(root).filter((v) => fs.existsSync(path.join(root, v, 'bin', 'initdb')))
		: [];
	if (versions.length === 0) {
		throw new Error(
			'PostgreSQL server binaries not found. Integration tests run on a real PostgreSQL server too.\n' +
				'Install it with:  sudo apt-get update && sudo apt-get install -y postgresql\n' +
				'(.ci/run does this on CI.)'
		);
	}
	versions.sort((a, b) => Number(b) - Number(a));
	return path.join(root, versions[0], 'bin');
}

export function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const srv = net.createServer();
		srv.listen(0, '127.0.0.1', () => {
			const { port } = srv.address() as net.AddressInfo;
			srv.close(() => resolve(port));
		});
		srv.on('error', reject);
	});
}

const isRoot = process.getuid?.() === 0;

function run(bin: string, args: string[]): void {
	const cmd = isRoot ? 'runuser' : bin;
	const full = isRoot ? ['-u', 'postgres', '--', bin, ...args] : args;
	const r = spawnSync(cmd, full, { encoding: 'utf8' });
	if (r.status !== 0) throw new Error(`${bin} ${args.join(' ')} failed:\n${r.stdout}\n${r.stderr}`);
}

/**
 * `durable: true` keeps PostgreSQL's defaults (fsync, synchronous_commit, full_page_writes on);
 * otherwise fsync is off, which is fine for unit speed.
 */
export async function start(opts: { durable?: boolean } = {}): Promise<PgServer> {
	const bin = findBin();
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijs-pg-'));
	if (isRoot) execFileSync('chown', ['postgres:postgres', dir]);
	fs.chmodSync(dir, 0o700);
	const port = await freePort();
	const data = path.join(dir, 'data');
	run(path.join(bin, 'initdb'), [
		'-D',
		data,
		'-U',
		'postgres',
		'-A',
		'trust',
		'-E',
		'UTF8',
		'--locale=C.UTF-8',
		'--no-sync'
	]);
	const options = [
		`-c listen_addresses=127.0.0.1`,
		`-p ${port}`,
		`-k ${dir}`,
		'-c max_connections=200'
	];
	if (!opts.durable)
		options.push('-c fsync=off', '-c synchronous_commit=off', '-c full_page_writes=off');
	const ctl = path.join(bin, 'pg_ctl');
	const server: PgServer = {
		url: `postgres://postgres@127.0.0.1:${port}/postgres`,
		port,
		dir,
		bin,
		start() {
			run(ctl, [
				'-D',
				data,
				'-l',
				path.join(dir, 'log'),
				'-w',
				'-t',
				'60',
				'start',
				'-o',
				options.join(' ')
			]);
		},
		stop(mode = 'fast') {
			run(ctl, ['-D', data, '-m', mode, '-w', 'stop']);
		}
	};
	server.start();
	return server;
}

export function destroy(server: PgServer): void {
	try {
		server.stop('fast');
	} finally {
		fs.rmSync(server.dir, { recursive: true, force: true });
	}
}
