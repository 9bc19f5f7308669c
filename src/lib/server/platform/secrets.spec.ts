import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import * as secrets from './secrets';

describe('secrets.load', () => {
	it('generates keys once into DATA_DIR/secrets with mode 0600 and reads the same keys later', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
		const a = secrets.load(dir, {});
		const b = secrets.load(dir, {});
		expect(Buffer.from(a.masterKey).equals(Buffer.from(b.masterKey))).toBe(true);
		expect(a.masterKey.length).toBe(32);
		for (const f of ['master.key', 'hmac-pepper.key']) {
			expect(fs.statSync(path.join(dir, 'secrets', f)).mode & 0o777).toBe(0o600);
		}
	});

	it('prefers keys from the environment and refuses malformed ones', () => {
		const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'secrets-'));
		const key = Buffer.alloc(32, 3).toString('base64');
		const s = secrets.load(dir, { WEGWIJS_MASTER_KEY: key, WEGWIJS_HMAC_PEPPER: key });
		expect(Buffer.from(s.masterKey).toString('base64')).toBe(key);
		expect(fs.existsSync(path.join(dir, 'secrets', 'master.key'))).toBe(false);
		expect(() => secrets.load(dir, { WEGWIJS_MASTER_KEY: 'c2hvcnQ=' })).toThrow(/32 bytes/);
	});
});
