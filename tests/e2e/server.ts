// Starts the production build (`node server.js`) the way `npm start` does, on its own port and data
// directory, and collects everything it prints so tests can read the setup link and check logs.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../integration/pg-server.ts';

export interface RunningServer {
	url: string;
	dataDir: string;
	logFile: string;
	process: ChildProcess;
	stop(): Promise<void>;
}

const root = path.resolve(import.meta.dirname, '../..');

export async function start(
	opts: {
		port?: number;
		env?: Record<string, string>;
		dataDir?: string;
		timeoutMs?: number;
		/** Another copy of the project whose build to run (the bench's update measurement). */
		root?: string;
	} = {}
): Promise<RunningServer> {
	const port = opts.port ?? (await freePort());
	const cwd = opts.root ?? root;
	if (!fs.existsSync(path.join(cwd, 'build', 'handler.js'))) {
		throw new Error('No production build: run `npm run build` first (npm test does).');
	}
	const dataDir = opts.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijs-e2e-'));
	const logFile = path.join(dataDir, 'server.log');
	const url = `http://127.0.0.1:${port}`;
	const out = fs.openSync(logFile, 'a');
	const child = spawn(
		process.execPath,
		['--experimental-strip-types', '--disable-warning=ExperimentalWarning', 'server.js'],
		{
			cwd,
			env: {
				...process.env,
				PORT: String(port),
				HOST: '127.0.0.1',
				ORIGIN: url,
				DATA_DIR: dataDir,
				BODY_SIZE_LIMIT: '60M',
				// Every e2e request comes from 127.0.0.1; the production limits would throttle the suite.
				INTAKE_LIMIT_PER_HOUR: '100000',
				FOLLOWUP_LIMIT_PER_15_MIN: '100000',
				TILE_LIMIT_PER_MIN: '100000',
				SURVEY_LIMIT_PER_HOUR: '100000',
				FEEDBACK_LIMIT_PER_HOUR: '100000',
				REPLY_LIMIT_PER_HOUR: '100000',
				// Nothing listens on port 9 of the loopback: the tile source is unreachable, as on a
				// closed network, and the map must work without it.
				TILE_SOURCE: 'http://127.0.0.1:9/{z}/{x}/{y}.png',
				...opts.env
			},
			stdio: ['ignore', out, out]
		}
	);
	// A server that dies mid-suite leaves its reason in the log, even when it printed nothing.
	child.once('exit', (code, signal) =>
		fs.appendFileSync(logFile, `\n[server exited: code ${code}, signal ${signal}]\n`)
	);
	// First start (PGlite init, migrations, seed) takes 10–50 s on a busy shared machine.
	const deadline = Date.now() + (opts.timeoutMs ?? 180_000);
	const failed = (why: string) => {
		child.kill('SIGKILL');
		return new Error(`${why}:\n${fs.readFileSync(logFile, 'utf8')}`);
	};
	for (;;) {
		if (child.exitCode !== null) throw failed('server exited');
		try {
			const r = await fetch(`${url}/api/health`);
			if (r.ok) break;
		} catch {
			// not listening yet
		}
		if (Date.now() > deadline) throw failed('server did not start');
		await new Promise((r) => setTimeout(r, 200));
	}
	return {
		url,
		dataDir,
		logFile,
		process: child,
		stop: () =>
			new Promise((resolve) => {
				if (child.exitCode !== null) return resolve();
				child.once('exit', () => resolve());
				child.kill('SIGTERM');
			})
	};
}

export function setupLink(logFile: string): string | null {
	const m = fs.readFileSync(logFile, 'utf8').match(/https?:\/\/\S+\/staff\/setup\/\S+/);
	return m ? m[0] : null;
}
