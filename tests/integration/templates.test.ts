import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import * as casework from '../../src/lib/server/casework/casework.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as templates from '../../src/lib/server/casework/templates.ts';
import { staffUser } from '../factories/staff.ts';
import { report } from '../factories/reports.ts';
import { onBothDatabases } from './databases.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';

/** A coordinator of Rivierenland as the repository functions take one. */
async function coordinatorActor(db: Db) {
	const coordinator = await staffUser(db, { role: 'coordinator' });
	return {
		id: coordinator.id,
		role: 'coordinator' as const,
		regionId: 'rivierenland',
		gemeenten: []
	};
}

const LOCALES = ['nl', 'en', 'pl', 'ro', 'bg', 'uk', 'lt', 'lv', 'hu', 'sk', 'cs', 'pt', 'es'];
const all = (prefix: string) => Object.fromEntries(LOCALES.map((l) => [l, `${prefix} (${l})`]));

onBothDatabases('coordinator standard replies', (ctx) => {
	it('is a draft while a language is missing, and needs a name and Dutch', () => {
		const texts = all('Kom langs');
		delete texts.lv;
		texts.hu = '  \u200B ';
		const r = templates.validate({ title: 'Spreekuur', texts }, LOCALES);
		expect(r).toMatchObject({ ok: true, missing: ['lv', 'hu'] });
		expect(templates.validate({ title: '', texts: all('x') }, LOCALES)).toMatchObject({
			ok: false,
			error: 'title'
		});
		const dutchless = all('x');
		delete dutchless.nl;
		expect(templates.validate({ title: 'Spreekuur', texts: dutchless }, LOCALES)).toMatchObject({
			ok: false,
			error: 'dutch'
		});
		expect(templates.validate({ title: 'Spreekuur', texts: all('x') }, LOCALES)).toMatchObject({
			ok: true,
			missing: []
		});
	});

	it('saved as a draft is kept but never offered or sent, until the last language is written', async () => {
		const actor = await coordinatorActor(ctx.db);
		const texts = all('Bel het spreekuur');
		delete texts.bg;
		const draft = templates.validate({ title: 'Bel ons', texts }, LOCALES);
		if (!draft.ok) throw new Error('valid');
		const id = randomUUID();
		expect(await templates.create(ctx.db, actor, id, draft)).toBe(true);
		// The same form again (a retry) stores nothing more.
		expect(await templates.create(ctx.db, actor, id, draft)).toBe(false);
		expect((await templates.list(ctx.db, 'rivierenland')).filter((t) => t.id === id)).toHaveLength(
			1
		);
		const kept = (await templates.read(ctx.db, 'rivierenland', id))!;
		expect(templates.missing(kept.texts)).toEqual(['bg']);
		expect((await templates.list(ctx.db, 'rivierenland', true)).map((t) => t.id)).not.toContain(id);
		const reportId = await report(ctx.db);
		expect(
			await casework.reply(ctx.db, actor, { id: reportId, version: 1, template: `custom:${id}` })
		).toEqual({ ok: false, error: 'template' });

		const complete = templates.validate(
			{ title: 'Bel ons', texts: all('Bel het spreekuur') },
			LOCALES
		);
		if (!complete.ok) throw new Error('valid');
		expect(await templates.update(ctx.db, actor, id, complete)).toBe(true);
		expect((await templates.list(ctx.db, 'rivierenland', true)).map((t) => t.id)).toContain(id);
		expect(
			await casework.reply(ctx.db, actor, { id: reportId, version: 1, template: `custom:${id}` })
		).toEqual({ ok: true });
		// Another region's coordinator cannot rewrite it.
		expect(await templates.update(ctx.db, { ...actor, regionId: 'elsewhere' }, id, draft)).toBe(
			false
		);
		const entries = await ctx.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id', 'object_type', 'detail'])
			.where('object_id', '=', id)
			.orderBy('id')
			.execute();
		const entry = { actor_id: actor.id, object_type: 'reply_template' };
		expect(entries).toEqual([
			{ ...entry, action: 'template.add', detail: { missing: ['bg'] } },
			{ ...entry, action: 'template.edit', detail: { missing: [] } }
		]);
	});

	it('reach the reporter in the language of the page they read it on', async () => {
		const actor = await coordinatorActor(ctx.db);
		const checked = templates.validate(
			{ title: 'Spreekuur', texts: all('Kom langs op dinsdag') },
			LOCALES
		);
		if (!checked.ok) throw new Error('valid');
		const id = randomUUID();
		await templates.create(ctx.db, actor, id, checked);
		const reportId = await report(ctx.db);
		const sent = await casework.reply(ctx.db, actor, {
			id: reportId,
			version: 1,
			template: `custom:${id}`
		});
		expect(sent).toEqual({ ok: true });
		const pl = await reports.messagesIn(ctx.db, reportId, 'pl');
		expect(pl.at(-1)).toMatchObject({
			template: 'custom',
			params: { id, text: 'Kom langs op dinsdag (pl)' }
		});
		const ro = await reports.messagesIn(ctx.db, reportId, 'ro');
		expect(ro.at(-1)?.params.text).toBe('Kom langs op dinsdag (ro)');

		// Switched off, or unknown: refused, nothing sent.
		expect(await templates.setActive(ctx.db, actor, id, false)).toBe(true);
		// Another region's coordinator cannot switch it back on.
		expect(await templates.setActive(ctx.db, { ...actor, regionId: 'elsewhere' }, id, true)).toBe(
			false
		);
		expect(
			await ctx.db
				.selectFrom('audit_log')
				.select(['action', 'object_type', 'detail'])
				.where('object_id', '=', id)
				.orderBy('id')
				.execute()
		).toEqual([
			{ action: 'template.add', object_type: 'reply_template', detail: { missing: [] } },
			{ action: 'template.disable', object_type: 'reply_template', detail: {} }
		]);
		expect(
			await casework.reply(ctx.db, actor, { id: reportId, version: 2, template: `custom:${id}` })
		).toEqual({ ok: false, error: 'template' });
		expect(
			await casework.reply(ctx.db, actor, {
				id: reportId,
				version: 2,
				template: 'custom:00000000-0000-4000-8000-000000000000'
			})
		).toEqual({ ok: false, error: 'template' });
		expect((await reports.messages(ctx.db, reportId)).length).toBe(pl.length);
	});
});
