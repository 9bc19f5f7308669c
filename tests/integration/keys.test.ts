import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as intake from '../../src/lib/server/meldpunt/intake.ts';
import * as keys from '../../src/lib/server/app/keys.ts';
import * as secrets from '../../src/lib/server/platform/secrets.ts';
import { rawReport } from '../factories/reports.ts';
import { onBothDatabases } from './databases.ts';

const key = () => new Uint8Array(randomBytes(32));

onBothDatabases('key fingerprints', (ctx) => {
	const first: secrets.Secrets = { masterKey: key(), previousMasterKey: null, hmacPepper: key() };

	it('are recorded on first start and accept the same keys again', async () => {
		await ctx.db.deleteFrom('key_fingerprint').execute();
		await keys.verify(ctx.db, first);
		const rows = await ctx.db.selectFrom('key_fingerprint').selectAll().orderBy('name').execute();
		expect(rows.map((r) => r.name)).toEqual(['master', 'pepper']);
		expect(rows.map((r) => r.fingerprint)).not.toContain(
			Buffer.from(first.masterKey).toString('base64')
		);
		await expect(keys.verify(ctx.db, first)).resolves.toBeUndefined();
	});

	it('refuse a start with a freshly generated key while the database holds a report, and remove that key', async () => {
		await keys.verify(ctx.db, first);
		const r = await intake.submit(ctx.db, rawReport(), [], {
			regionId: 'rivierenland',
			locale: 'pl',
			channel: 'web',
			client: '198.51.100.7'
		});
		expect(r.ok).toBe(true);
		// A restore without DATA_DIR/secrets: the server generates new key files.
		const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'wegwijs-keys-'));
		const lost = secrets.load(dataDir, {});
		const generated = path.join(dataDir, 'secrets', 'master.key');
		expect(secrets.generated.has(generated)).toBe(true);
		const refused = keys.verify(ctx.db, lost, dataDir, {});
		await expect(refused).rejects.toThrow(keys.KeyMismatch);
		await expect(refused).rejects.toThrow(/WEGWIJS_MASTER_KEY \/ master\.key.*just generated/);
		await expect(refused).rejects.toThrow(/WEGWIJS_HMAC_PEPPER \/ hmac-pepper\.key/);
		await expect(refused).rejects.toThrow(/Restore the key files from the backup/);
		expect(fs.existsSync(generated)).toBe(false);
		// Nothing was overwritten: the right keys still start.
		await expect(keys.verify(ctx.db, first)).resolves.toBeUndefined();
		fs.rmSync(dataDir, { recursive: true, force: true });
	});

	it('accept a rotation (the recorded key as the previous one) and record the new key', async () => {
		const rotated = { ...first, masterKey: key(), previousMasterKey: first.masterKey };
		await keys.verify(ctx.db, rotated);
		const master = await ctx.db
			.selectFrom('key_fingerprint')
			.select('fingerprint')
			.where('name', '=', 'master')
			.executeTakeFirstOrThrow();
		expect(master.fingerprint).toBe(keys.fingerprint(rotated.masterKey));
		await expect(keys.verify(ctx.db, first)).rejects.toThrow(/WEGWIJS_MASTER_KEY/);
	});
});
