import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as cli from '../../src/lib/server/app/cli.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';
import { onBothDatabases } from './databases.ts';

async function run(db: Parameters<typeof cli.run>[1], ...argv: string[]) {
	const out: string[] = [];
	const code = await cli.run(argv, db, (l) => out.push(l));
	return { code, out: out.join('\n') };
}

onBothDatabases('admin CLI', (ctx) => {
	it('adds a handler with gemeenten and prints a one-time setup link', async () => {
		const r = await run(
			ctx.db,
			'user',
			'add',
			'--email',
			'cli@example.test',
			'--name',
			'Cli User',
			'--role',
			'handler',
			'--gemeente',
			'tiel',
			'--gemeente',
			'buren'
		);
		expect(r.code).toBe(0);
		expect(r.out).toMatch(/\/staff\/setup\/[a-z2-7]+\.[a-z2-7]+$/);
		const list = await run(ctx.db, 'user', 'list');
		expect(list.out).toContain('cli@example.test\tCli User\thandler\tburen,tiel\tpending');
	});

	it('refuses bad input with a message and a non-zero exit code', async () => {
		expect(
			(await run(ctx.db, 'user', 'add', '--email', 'x', '--name', 'X', '--role', 'handler')).code
		).toBe(1);
		expect((await run(ctx.db, 'user', 'disable', '--email', 'nobody@example.test')).out).toContain(
			'no user'
		);
		expect((await run(ctx.db, 'frobnicate')).code).toBe(2);
	});

	it('imports a second region from a JSON file and adds a gemeente', async () => {
		const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'region-')), 'r.json');
		fs.writeFileSync(
			file,
			JSON.stringify({
				slug: 'westland',
				name: 'Regio Westland',
				gemeenten: [{ slug: 'westland', name: 'Westland', cbsCode: 'GM1783' }],
				partners: [
					{
						slug: 'nla',
						name: 'Nederlandse Arbeidsinspectie',
						kind: 'inspection',
						handles: { nl: 'Controleert werkgevers.', en: 'Checks employers.' },
						acceptsAnonymous: true,
						website: null,
						phone: null,
						categoryGroups: ['work']
					}
				]
			})
		);
		expect((await run(ctx.db, 'region', 'import', file)).code).toBe(0);
		expect(
			(
				await run(
					ctx.db,
					'gemeente',
					'add',
					'--region',
					'westland',
					'--id',
					'maassluis',
					'--name',
					'Maassluis'
				)
			).code
		).toBe(0);
		expect((await regions.gemeenten(ctx.db, 'westland')).map((g) => g.id)).toEqual([
			'maassluis',
			'westland'
		]);
		fs.writeFileSync(
			file,
			JSON.stringify({ slug: 'Bad Slug!', name: 'x', gemeenten: [], partners: [] })
		);
		expect((await run(ctx.db, 'region', 'import', file)).code).toBe(1);
	});
});
