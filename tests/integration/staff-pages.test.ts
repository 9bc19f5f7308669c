import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import * as sla from '../../src/lib/server/casework/sla.ts';
import * as news from '../../src/lib/server/content/news.ts';
import * as accounts from '../../src/lib/server/staff/accounts.ts';
import * as users from '../../src/lib/server/staff/users.ts';
import { ACTIONS, OBJECTS } from '../../src/lib/components/staff/audit.ts';
import { locales } from '../../src/lib/i18n/locales.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import { actor } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const REGION = 'rivierenland';

function auditRows(db: Db, action: string, objectId: string) {
	return db
		.selectFrom('audit_log')
		.selectAll()
		.where('action', '=', action)
		.where('object_id', '=', objectId)
		.execute();
}

onBothDatabases('staff pages without traps', (ctx) => {
	it('refuses a service-level term of 0, keeps 7 in force and records nothing', async () => {
		const coordinator = await actor(ctx.db, 'coordinator');
		const levels = sla.defaults();
		levels.housing.ackDays = 0;
		expect(await sla.save(ctx.db, coordinator, levels)).toBe('sla_range');
		expect((await sla.read(ctx.db, REGION)).housing.ackDays).toBe(7);
		expect(await auditRows(ctx.db, 'settings.sla', REGION)).toHaveLength(0);

		levels.housing.ackDays = 5;
		expect(await sla.save(ctx.db, coordinator, levels)).toBeNull();
		expect((await sla.read(ctx.db, REGION)).housing.ackDays).toBe(5);
		expect(await auditRows(ctx.db, 'settings.sla', REGION)).toHaveLength(1);
	});

	it('changes an existing user’s role and gemeenten and audits from what to what', async () => {
		const admin = await actor(ctx.db, 'admin');
		const editor = await actor(ctx.db, 'editor');
		const was = accounts.stamp({ role: 'editor', gemeenten: [] });
		const input = { userId: editor.id, role: 'handler', gemeenten: ['tiel', 'buren'], was };
		expect(await accounts.change(ctx.db, admin, input)).toBeNull();
		const after = await users.read(ctx.db, editor.id);
		expect(after?.role).toBe('handler');
		expect(await users.gemeenten(ctx.db, editor.id)).toEqual(['buren', 'tiel']);
		const [entry] = await auditRows(ctx.db, 'user.change', editor.id);
		expect(entry.actor_id).toBe(admin.id);
		expect(entry.detail).toEqual({
			from: { role: 'editor', gemeenten: [] },
			to: { role: 'handler', gemeenten: ['buren', 'tiel'] }
		});
	});

	it('refuses a handler without a gemeente, a stale form and an admin removing their own admin role', async () => {
		const admin = await actor(ctx.db, 'admin');
		const handler = await actor(ctx.db, 'handler', ['tiel']);
		const was = accounts.stamp({ role: 'handler', gemeenten: ['tiel'] });
		const change = (input: Partial<Parameters<typeof accounts.change>[2]>) =>
			accounts.change(ctx.db, admin, {
				userId: handler.id,
				role: 'handler',
				gemeenten: [],
				was,
				...input
			});
		expect(await change({ gemeenten: [] })).toBe('gemeente_invalid');
		expect(await change({ gemeenten: ['amsterdam'] })).toBe('gemeente_invalid');
		expect(await change({ role: 'superuser', gemeenten: ['tiel'] })).toBe('role_invalid');
		expect(await change({ gemeenten: ['culemborg'], was: 'editor' })).toBe('stale');
		expect(await users.gemeenten(ctx.db, handler.id)).toEqual(['tiel']);
		expect(
			await accounts.change(ctx.db, admin, {
				userId: admin.id,
				role: 'coordinator',
				gemeenten: [],
				was: accounts.stamp({ role: 'admin', gemeenten: [] })
			})
		).toBe('self_admin');
		expect((await users.read(ctx.db, admin.id))?.role).toBe('admin');
		expect(await auditRows(ctx.db, 'user.change', handler.id)).toHaveLength(0);
	});

	it('posts a news story in several languages, edits it and removes it in every language', async () => {
		const editor = await actor(ctx.db, 'editor', ['tiel']);
		const posted = await news.save(
			ctx.db,
			editor,
			{
				gemeente: 'tiel',
				texts: {
					nl: { title: 'Spreekuur op woensdag', body: 'Hulp bij uw contract in het gemeentehuis.' },
					pl: { title: 'Dyżur w środę', body: 'Pomoc z umową w urzędzie gminy.' },
					ro: { title: '', body: '' }
				}
			},
			locales
		);
		if (!posted.ok) throw new Error(posted.error);
		expect((await news.latest(ctx.db, REGION, 'pl'))[0].title).toBe('Dyżur w środę');
		const story = (await news.story(ctx.db, REGION, posted.id))!;
		expect(Object.keys(story.texts).sort()).toEqual(['nl', 'pl']);

		const edited = await news.save(
			ctx.db,
			editor,
			{
				story: story.id,
				version: story.version,
				gemeente: 'tiel',
				texts: {
					nl: {
						title: 'Spreekuur op donderdag',
						body: 'Hulp bij uw contract in het gemeentehuis.'
					},
					bg: { title: 'Консултации в четвъртък', body: 'Помощ с договора в общината.' }
				}
			},
			locales
		);
		expect(edited).toEqual({ ok: true, id: story.id });
		const after = (await news.story(ctx.db, REGION, story.id))!;
		expect(Object.keys(after.texts).sort()).toEqual(['bg', 'nl']);
		expect(after.texts.nl.title).toBe('Spreekuur op donderdag');
		expect(await news.latest(ctx.db, REGION, 'pl')).toHaveLength(0);
		expect(await auditRows(ctx.db, 'news.edit', story.id)).toHaveLength(1);

		// The form filled in before that edit is stale now: refused, nothing changed.
		const stale = await news.save(
			ctx.db,
			editor,
			{ story: story.id, version: story.version, gemeente: 'tiel', texts: story.texts },
			locales
		);
		expect(stale).toEqual({ ok: false, error: 'stale' });
		expect((await news.story(ctx.db, REGION, story.id))!.texts.nl.title).toBe(
			'Spreekuur op donderdag'
		);

		expect(await news.remove(ctx.db, editor, story.id)).toBe(true);
		expect(await news.story(ctx.db, REGION, story.id)).toBeUndefined();
		expect(await news.latest(ctx.db, REGION, 'bg')).toHaveLength(0);
		expect(await news.remove(ctx.db, editor, story.id)).toBe(false);
		expect(await auditRows(ctx.db, 'news.remove', story.id)).toHaveLength(1);
	});

	it('refuses a half-written language, an empty story and a gemeente outside the editor’s own', async () => {
		const editor = await actor(ctx.db, 'editor', ['tiel']);
		const save = (gemeente: string, texts: news.StoryInput['texts']) =>
			news.save(ctx.db, editor, { gemeente, texts }, locales);
		expect(await save('tiel', { lt: { title: 'Naujienos', body: '' } })).toEqual({
			ok: false,
			error: 'body',
			locale: 'lt'
		});
		expect(await save('tiel', { nl: { title: ' ', body: '' } })).toEqual({
			ok: false,
			error: 'empty'
		});
		expect(await save('buren', { nl: { title: 'Nieuws', body: 'Tekst.' } })).toEqual({
			ok: false,
			error: 'gemeente'
		});
	});

	it('has words in Dutch and English for every audit action and object the code records', async () => {
		const source = files(path.resolve('src')).map((f) => readFileSync(f, 'utf8'));
		const literal = (re: RegExp) =>
			new Set(source.flatMap((s) => [...s.matchAll(re)].map((m) => m[1])));
		const actions = literal(/action: (?:[^'\n]*\? )?'([a-z_]+(?:\.[a-z_]+)?)'/g);
		for (const s of source)
			for (const m of s.matchAll(/action: [a-z]+ \? '([a-z_.]+)' : '([a-z_.]+)'/g)) {
				actions.add(m[1]);
				actions.add(m[2]);
			}
		const objects = literal(/objectType: '([a-z_]+)'/g);
		expect(actions.size).toBeGreaterThan(40);
		expect(actions).toContain('user.change');
		const nl = JSON.parse(readFileSync('messages/staff/nl.json', 'utf8'));
		const en = JSON.parse(readFileSync('messages/staff/en.json', 'utf8'));
		for (const a of actions) {
			expect(ACTIONS, a).toHaveProperty([a]);
			const key = `staff_audit_do_${a.replaceAll('.', '_')}`;
			expect([nl[key], en[key]], a).not.toContain(undefined);
		}
		for (const o of objects) expect(OBJECTS, o).toHaveProperty([o]);
		// Whatever this database recorded during the tests above reads as words too.
		const recorded = await ctx.db.selectFrom('audit_log').select('action').distinct().execute();
		for (const r of recorded) expect(ACTIONS, r.action).toHaveProperty([r.action]);
	});
});

function files(dir: string): string[] {
	return readdirSync(dir).flatMap((name) => {
		const p = path.join(dir, name);
		if (statSync(p).isDirectory()) return name === 'paraglide' ? [] : files(p);
		return /\.(ts|svelte)$/.test(p) && !p.endsWith('.spec.ts') ? [p] : [];
	});
}
