// What happens once per process before the first request: migrate, seed, and — on an empty
// database — print the first admin's one-time setup link. Shared by `npm start` and the CLI.
import { config } from '../platform/config.ts';
import * as database from '../platform/db/index.ts';
import * as migrate from '../platform/db/migrate.ts';
import * as roles from '../platform/db/roles.ts';
import { log } from '../platform/log.ts';
import * as secrets from '../platform/secrets.ts';
import * as keys from './keys.ts';
import * as seed from './seed/index.ts';
import * as setupLinks from '../staff/setup-links.ts';
import * as users from '../staff/users.ts';

/** Migrates (as the owner role when one is configured, see roles.ts) and seeds. */
export async function prepare(
	db: database.Db,
	ownerUrl = config.databaseOwnerUrl
): Promise<number> {
	let applied: number;
	if (ownerUrl) {
		const owner = database.create({ url: ownerUrl, poolSize: 1 }).db;
		try {
			applied = await migrate.latest(owner);
			await roles.grantApp(owner, await roles.currentRole(db));
		} finally {
			await owner.destroy();
		}
	} else {
		applied = await migrate.latest(db);
	}
	await keys.verify(db, secrets.get());
	await seed.run(db);
	return applied;
}

/** Issues the bootstrap link when no staff user exists yet; returns the URL or null. */
export async function bootstrapLink(
	db: database.Db,
	origin = config.origin
): Promise<string | null> {
	if ((await users.count(db)) > 0) return null;
	const { token } = await setupLinks.issue(db, { userId: null, regionId: config.region });
	return `${origin}/staff/setup/${token}`;
}

let started: Promise<void> | undefined;

export function start(): Promise<void> {
	started ??= (async () => {
		secrets.get();
		const { db, kind } = database.get();
		const applied = await prepare(db);
		log.info({ database: kind, migrations: applied }, 'database ready');
		const link = await bootstrapLink(db);
		if (link) {
			// Printed, not logged: this is the one place a secret is meant to be seen, once.
			process.stdout.write(
				`\n  No staff account exists yet. Create the first admin within 24 hours at:\n\n  ${link}\n\n`
			);
		}
	})();
	return started;
}
