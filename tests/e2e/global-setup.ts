import fs from 'node:fs';
import path from 'node:path';
import * as server from './server';

export const STATE_FILE = path.join(import.meta.dirname, '.output', 'state.json');

export default async function globalSetup() {
	if (process.env.E2E_BASE_URL) return;
	const s = await server.start({ port: Number(process.env.E2E_PORT) });
	fs.mkdirSync(path.dirname(STATE_FILE), { recursive: true });
	fs.writeFileSync(
		STATE_FILE,
		JSON.stringify({ logFile: s.logFile, dataDir: s.dataDir, url: s.url })
	);
	return async () => {
		await s.stop();
	};
}
