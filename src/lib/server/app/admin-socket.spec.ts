import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import * as adminSocket from './admin-socket.ts';

describe('admin socket', () => {
	const dirs: string[] = [];
	afterEach(() => {
		for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true });
	});

	it('exists only with mode 0600, from the moment it is bound, and leaves the umask as it was', async () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'admin-sock-'));
		dirs.push(dir);
		const file = path.join(dir, 'admin.sock');
		const before = process.umask(0o022);
		try {
			const server = adminSocket.listen(null as never, async () => 0, file);
			// Synchronously after listen(): no callback has had a chance to chmod yet.
			expect(fs.statSync(file).mode & 0o777).toBe(0o600);
			expect(process.umask()).toBe(0o022);
			await new Promise<void>((resolve) => server.close(() => resolve()));
		} finally {
			process.umask(before);
		}
	});
});
