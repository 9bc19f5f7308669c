import fs from 'node:fs';
import path from 'node:path';

export interface State {
	logFile: string;
	dataDir: string;
	url: string;
}

export function read(): State {
	return JSON.parse(
		fs.readFileSync(path.join(import.meta.dirname, '.output', 'state.json'), 'utf8')
	) as State;
}

export function log(): string {
	return fs.readFileSync(read().logFile, 'utf8');
}
