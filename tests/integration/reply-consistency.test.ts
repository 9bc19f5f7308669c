import { expect, it } from 'vitest';
import { STATUSES, type Status } from '../../src/lib/report/catalogue.ts';
import * as casework from '../../src/lib/server/casework/casework.ts';
import type { Actor } from '../../src/lib/server/casework/casework.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as factories from '../factories/reports.ts';
import { actor } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const NLA = 'rivierenland:nla';

/** The shortest way from 'new' to each status, by status changes alone. */
const PATHS: Record<Status, Status[]> = {
	new: [],
	acknowledged: ['acknowledged'],
	in_progress: ['in_progress'],
	waiting: ['in_progress', 'waiting'],
	referred: ['acknowledged', 'referred'],
	closed: ['acknowledged', 'closed']
};

/** Standard texts that say we finished: nothing may ask for more or promise work after them. */
const FINISHED = ['closed_resolved', 'closed_not_actionable', 'closed_duplicate'];
/** Texts that ask or promise: they contradict a finished report. */
const ONGOING = ['acknowledged', 'more_info'];

/**
 * What the reporter reads, checked for contradictions regardless of the rule that should prevent
 * them: a text said twice, "we may not pass it on" against the consent or against "we passed it
 * on", a question or promise after "we have finished".
 */
function contradictions(thread: reports.Message[], consent: number): string[] {
	const found: string[] = [];
	const said = thread.map((m) => m.template).filter((t): t is string => t !== null);
	for (const t of new Set(said.filter((t) => t !== 'status'))) {
		if (said.filter((x) => x === t).length > 1) found.push(`${t} said twice`);
	}
	const statuses = thread.filter((m) => m.template === 'status').map((m) => m.params.status);
	if (new Set(statuses).size !== statuses.length) found.push('a status said twice');
	if (said.includes('advice') && consent > 1) found.push(`advice at consent ${consent}`);
	if (said.includes('advice') && (said.includes('referred') || statuses.includes('referred')))
		found.push('advice and referral');
	const finishedAt = said.findIndex((t) => FINISHED.includes(t));
	if (finishedAt >= 0 && said.slice(finishedAt + 1).some((t) => ONGOING.includes(t)))
		found.push('asks or promises after finishing');
	return found;
}

onBothDatabases('standard replies never contradict consent, status or each other', (ctx) => {
	async function version(id: string) {
		const row = await ctx.db
			.selectFrom('report')
			.select('version')
			.where('id', '=', id)
			.executeTakeFirstOrThrow();
		return row.version;
	}

	async function reach(a: Actor, id: string, status: Status) {
		for (const to of PATHS[status]) {
			const reason = to === 'closed' ? 'resolved' : undefined;
			const r = await casework.transition(ctx.db, a, {
				id,
				version: await version(id),
				to,
				reason
			});
			if (!r.ok) throw new Error(`setup ${to}: ${r.error}`);
		}
	}

	it('over every template × consent level × status: sent only when it fits, and never a contradiction', async () => {
		const h = await actor(ctx.db);
		let sent = 0;
		let refused = 0;
		for (const template of casework.REPLY_TEMPLATES) {
			for (const consent of [1, 2, 3]) {
				for (const status of STATUSES) {
					const id = await factories.report(ctx.db, {
						consent: String(consent),
						contact_wanted: consent === 3 ? 'yes' : 'no',
						contact: consent === 3 ? 'x@example.test' : ''
					});
					await reach(h, id, status);
					const before = await reports.messages(ctx.db, id);
					const offered = await casework.fittingTemplates(ctx.db, h, id);
					const r = await casework.reply(ctx.db, h, {
						id,
						version: await version(id),
						template,
						partner: NLA
					});
					const after = await reports.messages(ctx.db, id);
					const where = `${template} at consent ${consent}, status ${status}`;
					// The page offers exactly what the action accepts.
					expect(r.ok, where).toBe(offered.includes(template));
					if (r.ok) {
						sent++;
						expect(contradictions(after, consent), where).toEqual([]);
					} else {
						refused++;
						expect(r, where).toEqual({ ok: false, error: 'template_fits' });
						// Nothing half-saved: the thread is as it was.
						expect(
							after.map((m) => m.id),
							where
						).toEqual(before.map((m) => m.id));
					}
				}
			}
		}
		// Both outcomes happen: the rule is neither "always" nor "never".
		expect(sent).toBeGreaterThan(20);
		expect(refused).toBeGreaterThan(10);
	});

	it('says the acknowledgement once, whether the status or the template said it first', async () => {
		const h = await actor(ctx.db);
		const id = await factories.report(ctx.db);
		await reach(h, id, 'acknowledged');
		const r = await casework.reply(ctx.db, h, {
			id,
			version: await version(id),
			template: 'acknowledged'
		});
		expect(r).toEqual({ ok: false, error: 'template_fits' });
		expect((await reports.messages(ctx.db, id)).map((m) => m.template)).toEqual(['acknowledged']);

		// The other way round: the template first (on a new report), then no second one.
		const other = await factories.report(ctx.db);
		expect(
			await casework.reply(ctx.db, h, { id: other, version: 1, template: 'acknowledged' })
		).toEqual({ ok: true });
		expect(
			await casework.transition(ctx.db, h, {
				id: other,
				version: await version(other),
				to: 'closed',
				reason: 'resolved'
			})
		).toEqual({ ok: true });
		const said = (await reports.messages(ctx.db, other)).map((m) => m.template);
		expect(said.filter((t) => t === 'acknowledged')).toHaveLength(1);
	});
});
