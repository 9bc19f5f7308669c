// A unix socket through which `npm run admin` reaches a running app that owns an embedded PGlite
// database (PGlite allows one process). File mode 0600: only the app's own OS user can connect.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { config } from '../platform/config.ts';
import type { Db } from '../platform/db/index.ts';

export function socketPath(dataDir = config.dataDir): string {
	return path.join(dataDir, 'admin.sock');
}

type Runner = (argv: string[], db: Db, print: (line: string) => void) => Promise<number>;

export function listen(db: Db, run: Runner, file = socketPath()): net.Server {
	try {
		fs.unlinkSync(file);
	} catch {
		// no stale socket
	}
	const server = net.createServer((conn) => {
		let buf = '';
		conn.setEncoding('utf8');
		conn.on('data', (chunk: string) => {
			buf += chunk;
			if (buf.length > 64_000) conn.destroy();
			if (!buf.includes('\n')) return;
			let argv: string[];
			try {
				argv = JSON.parse(buf.slice(0, buf.indexOf('\n'))) as string[];
				if (!Array.isArray(argv) || argv.some((a) => typeof a !== 'string')) throw new Error('bad');
			} catch {
				conn.end(JSON.stringify({ code: 2, output: 'error: bad request\n' }) + '\n');
				return;
			}
			let output = '';
			run(argv, db, (line) => (output += line + '\n'))
				.then((code) => conn.end(JSON.stringify({ code, output }) + '\n'))
				.catch((err: unknown) =>
					conn.end(JSON.stringify({ code: 1, output: `error: ${(err as Error).message}\n` }) + '\n')
				);
		});
		conn.on('error', () => undefined);
	});
	// The socket is made 0600 as it is bound (umask 177 around the synchronous bind), so there is
	// no moment in which another local user could connect (ASVS 13.2; a chmod after listen races).
	const umask = process.umask(0o177);
	try {
		server.listen(file);
	} finally {
		process.umask(umask);
	}
	server.unref();
	return server;
}

/** Sends a command to a running app; null when no app is listening. */
export function send(
	argv: string[],
	file = socketPath()
): Promise<{ code: number; output: string } | null> {
	if (!fs.existsSync(file)) return Promise.resolve(null);
	return new Promise((resolve) => {
		const conn = net.createConnection(file);
		let buf = '';
		conn.setEncoding('utf8');
		conn.on('connect', () => conn.write(JSON.stringify(argv) + '\n'));
		conn.on('data', (chunk: string) => (buf += chunk));
		conn.on('end', () => {
			try {
				resolve(JSON.parse(buf) as { code: number; output: string });
			} catch {
				resolve(null);
			}
		});
		conn.on('error', () => resolve(null));
	});
}
