// Liveness and database reachability for load balancers and monitoring.
import * as database from '../platform/db/index.ts';
import * as disk from '../platform/disk.ts';
import * as migrate from '../platform/db/migrate.ts';

export interface Health {
	/** degraded: reads work, writes are refused (see `reason`) */
	status: 'ok' | 'degraded' | 'error';
	reason?: 'disk_low';
	database: database.DatabaseKind;
	migrations: number;
}

const TIMEOUT_MS = 2_000;

export async function check(): Promise<Health> {
	const { db, kind } = database.get();
	let timer: NodeJS.Timeout | undefined;
	try {
		const migrations = await Promise.race([
			migrate.applied(db),
			new Promise<never>((_, reject) => {
				timer = setTimeout(() => reject(new Error('timeout')), TIMEOUT_MS);
			})
		]);
		if (kind === 'pglite' && disk.space().low) {
			return { status: 'degraded', reason: 'disk_low', database: kind, migrations };
		}
		return { status: 'ok', database: kind, migrations };
	} catch {
		return { status: 'error', database: kind, migrations: 0 };
	} finally {
		clearTimeout(timer);
	}
}
