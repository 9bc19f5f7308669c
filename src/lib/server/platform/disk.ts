// Free space under DATA_DIR, checked before every write: the embedded database must not fill its disk.
import fs from 'node:fs';
import { config } from './config.ts';
import { log } from './log.ts';

const MB = 1024 * 1024;

export interface Space {
	/** free bytes for this process under DATA_DIR */
	free: number;
	/** below DISK_MIN_FREE_MB: writes wait until space is freed */
	low: boolean;
}

let wasLow = false;

/**
 * PGlite needs room for a new 16 MB WAL segment; with less it spins forever and ignores SIGTERM
 * (found by a fault test). One statfs per write is a few microseconds, so no caching.
 */
export function space(dir = config.dataDir, minFreeMb = config.diskMinFreeMb): Space {
	let free: number;
	try {
		const s = fs.statfsSync(dir);
		free = s.bavail * s.bsize;
	} catch {
		// Cannot tell (the directory is gone or unreadable): the write itself will say.
		return { free: Number.POSITIVE_INFINITY, low: false };
	}
	const low = free < minFreeMb * MB;
	if (low !== wasLow) {
		wasLow = low;
		const fields = { freeMb: Math.floor(free / MB), minFreeMb };
		if (low) log.error(fields, 'disk almost full: refusing writes until space is freed');
		else log.warn(fields, 'disk space is back: accepting writes again');
	}
	return { free, low };
}
