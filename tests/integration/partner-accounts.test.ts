import { expect, it } from 'vitest';
import * as casework from '../../src/lib/server/casework/casework.ts';
import type { Actor } from '../../src/lib/server/casework/casework.ts';
import * as reports from '../../src/lib/server/meldpunt/reports.ts';
import * as desk from '../../src/lib/server/partners/desk.ts';
import type { Db } from '../../src/lib/server/platform/db/index.ts';
import * as accounts from '../../src/lib/server/staff/accounts.ts';
import { RULES, decide } from '../../src/lib/server/staff/route-access.ts';
import * as sessions from '../../src/lib/server/staff/session.ts';
import * as signInSettings from '../../src/lib/server/staff/sign-in-settings.ts';
import * as users from '../../src/lib/server/staff/users.ts';
import { referredReport, version } from '../factories/reports.ts';
import { staffUser } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const REGION = 'rivierenland';
const NLA = 'rivierenland:nla';
const SNF = 'rivierenland:snf';
const PARTNER_WORDS = 'Inspecteur De Vries belt maandag';

async function handler(db: Db): Promise<Actor> {
	const u = await staffUser(db, { role: 'handler', gemeenten: ['tiel'] });
	return { id: u.id, role: 'handler', regionId: REGION, gemeenten: ['tiel'] };
}

/** A report with a photo, referred to `partners` with that photo. */
function referred(db: Db, h: Actor, partners: string[]) {
	return referredReport(db, h, { partners, redactedText: 'Workers are not paid.' });
}

/** How the hook answers a partner user (signed in, TOTP done) for a route. */
function asPartner(route: string, method = 'GET', action: string | null = null) {
	return decide(
		RULES[route],
		{ method, action, isPage: !route.includes('photos') },
		{
			role: 'partner',
			verified: true
		}
	);
}

onBothDatabases('partner accounts', (ctx) => {
	it('adds a partner user only with a partner of its region, and no other role with one', async () => {
		const base = { name: 'Inspecteur', regionId: REGION, gemeenten: [] };
		const add = (email: string, role: string, partner?: string) =>
			accounts.add(ctx.db, null, { ...base, email, role, partner });
		expect(await add('p1@nla.example.test', 'partner')).toEqual({
			ok: false,
			error: 'partner_invalid'
		});
		expect(await add('p2@nla.example.test', 'partner', 'rivierenland:nobody')).toEqual({
			ok: false,
			error: 'partner_invalid'
		});
		expect(await add('h1@gemeente.example.test', 'handler', NLA)).toMatchObject({
			ok: false
		});
		expect(await add('c1@gemeente.example.test', 'coordinator', NLA)).toEqual({
			ok: false,
			error: 'partner_invalid'
		});
		const ok = await add('p3@nla.example.test', 'partner', NLA);
		expect(ok.ok).toBe(true);
		const user = (await users.findByEmail(ctx.db, 'p3@nla.example.test'))!;
		expect(user).toMatchObject({ role: 'partner', partner_id: NLA });
		// The setup link leads to the same sign-in as all staff: password, then TOTP.
		expect((ok as { token: string }).token).toMatch(/\./);

		// The database holds the rule as well, whatever path writes the row.
		await expect(
			users.create(ctx.db, {
				email: 'p4@nla.example.test',
				name: 'X',
				role: 'partner',
				regionId: REGION
			})
		).rejects.toThrow();
		await expect(
			users.create(ctx.db, {
				email: 'c2@gemeente.example.test',
				name: 'X',
				role: 'coordinator',
				regionId: REGION,
				partnerId: NLA
			})
		).rejects.toThrow();
	});

	it('shows a partner user only its organisation’s referrals, not withdrawn ones; another partner’s is not there', async () => {
		const h = await handler(ctx.db);
		const nlaUser = await staffUser(ctx.db, { role: 'partner', partnerId: NLA });
		const both = await referred(ctx.db, h, [NLA, SNF]);
		const [toNla, toSnf] = both.referralIds;
		const onlySnf = await referred(ctx.db, h, [SNF]);
		const gone = await referred(ctx.db, h, [NLA]);
		expect(
			await desk.withdraw(ctx.db, h, {
				id: gone.id,
				version: await version(ctx.db, gone.id),
				referralId: gone.referralIds[0]
			})
		).toMatchObject({ ok: true });

		// The session carries the organisation, as requirePartner reads it.
		const { token } = await sessions.create(ctx.db, nlaUser.id, true);
		const signedIn = (await sessions.validate(ctx.db, token))!.user;
		expect(signedIn).toMatchObject({ role: 'partner', partnerId: NLA, regionId: REGION });
		const me = { partnerId: signedIn.partnerId!, regionId: signedIn.regionId };

		const inbox = await desk.inbox(ctx.db, me);
		const ids = inbox.map((r) => r.referralId);
		expect(ids).toContain(toNla);
		expect(ids).not.toContain(toSnf);
		expect(ids).not.toContain(onlySnf.referralIds[0]);
		expect(ids).not.toContain(gone.referralIds[0]);
		expect(inbox.find((r) => r.referralId === toNla)).toMatchObject({
			status: 'new',
			answer: null
		});
		const all = await ctx.db
			.selectFrom('referral')
			.select('id')
			.where('partner_id', '=', NLA)
			.where('withdrawn_at', 'is', null)
			.execute();
		expect(new Set(ids)).toEqual(new Set(all.map((r) => r.id)));

		expect(await desk.ofPartner(ctx.db, me, toNla)).toBe(true);
		expect(await desk.ofPartner(ctx.db, me, toSnf)).toBe(false);
		expect(await desk.ofPartner(ctx.db, me, gone.referralIds[0])).toBe(false);
		expect(await desk.ofPartner(ctx.db, { ...me, regionId: 'elders' }, toNla)).toBe(false);
	});

	it('records an inbox answer posted twice once, in the user’s name, and tells the reporter through the desk’s path', async () => {
		const h = await handler(ctx.db);
		const nlaUser = await staffUser(ctx.db, { role: 'partner', partnerId: NLA });
		const { id, referralIds, photoIds } = await referred(ctx.db, h, [NLA]);
		const me = { partnerId: NLA, regionId: REGION };
		const v = (await desk.view(ctx.db, referralIds[0]))!;
		expect(
			await desk.answer(ctx.db, referralIds[0], {
				answer: null,
				message: '',
				whereInstead: '',
				version: v.version,
				actorId: nlaUser.id
			})
		).toEqual({ ok: true });
		expect(
			(await desk.inbox(ctx.db, me)).find((r) => r.referralId === referralIds[0])?.status
		).toBe('acknowledged');
		const post = () =>
			desk.answer(ctx.db, referralIds[0], {
				answer: 'taken_up',
				message: PARTNER_WORDS,
				whereInstead: '',
				version: v.version + 1,
				actorId: nlaUser.id
			});
		expect(await post()).toEqual({ ok: true });
		expect(await post()).toEqual({ ok: false, error: 'already' });
		expect(
			(await desk.inbox(ctx.db, me)).find((r) => r.referralId === referralIds[0])
		).toMatchObject({ status: 'answered', answer: 'taken_up' });

		const notes = await casework.notes(ctx.db, h, id);
		expect(notes).toHaveLength(1);
		expect(notes[0]).toMatchObject({ text: PARTNER_WORDS, partner: { answer: 'taken_up' } });
		const thread = await reports.messages(ctx.db, id);
		expect(thread.filter((m) => m.template === 'partner_taken_up')).toHaveLength(1);
		const audit = await ctx.db
			.selectFrom('audit_log')
			.select(['action', 'actor_id'])
			.where('object_id', '=', id)
			.where('action', 'in', ['referral.acknowledged', 'referral.answered'])
			.execute();
		expect(audit).toHaveLength(2);
		expect(audit.every((a) => a.actor_id === nlaUser.id)).toBe(true);

		// A photo of the package, audited with the user; one not passed on is refused.
		expect(await desk.photo(ctx.db, referralIds[0], photoIds[0], nlaUser.id)).toBeDefined();
		const photoAudit = await ctx.db
			.selectFrom('audit_log')
			.select('actor_id')
			.where('action', '=', 'referral.photo')
			.where('object_id', '=', photoIds[0])
			.execute();
		expect(photoAudit.map((a) => a.actor_id)).toEqual([nlaUser.id]);
		expect(
			await desk.photo(ctx.db, referralIds[0], '00000000-0000-4000-8000-000000000000', nlaUser.id)
		).toBeUndefined();
	});

	it('refuses an OpenID group mapping to the role partner: a group names no organisation', () => {
		const settings = (role: string) => ({
			providers: [
				{
					id: 'gemeente',
					issuer: 'https://login.example.test',
					clientId: 'wegwijs',
					displayName: 'Gemeente',
					groupMappings: [{ group: 'g', role, gemeenten: [] }]
				}
			]
		});
		const problems = (role: string) => {
			const r = signInSettings.parse(settings(role));
			return r.ok ? [] : r.problems;
		};
		const refused = 'providers[0].groupMappings[0].role cannot be partner';
		expect(problems('coordinator')).not.toContain(refused);
		expect(problems('partner')).toContain(refused);
	});

	it('lets a partner user open its inbox and its account, and nothing else of the back office', () => {
		expect(asPartner('/staff/partner')).toBe('allow');
		expect(asPartner('/staff/partner/[referral=uuid]')).toBe('allow');
		expect(asPartner('/staff/partner/[referral=uuid]', 'POST', 'answer')).toBe('allow');
		expect(asPartner('/staff/partner/[referral=uuid]/photos/[photo=uuid]')).toBe('allow');
		expect(asPartner('/staff/account')).toBe('allow');
		for (const route of [
			'/staff/inbox',
			'/staff/reports/[id=uuid]',
			'/staff/reports/[id=uuid]/photos/[photo=uuid]',
			'/staff/reports/[id=uuid]/referrals/[referral=uuid]',
			'/staff/statistics',
			'/staff/audit',
			'/staff/users',
			'/staff/results'
		])
			expect(asPartner(route), route).toBe('not_found');
		expect(asPartner('/staff/reports/[id=uuid]', 'POST', 'note')).toBe('not_found');
	});
});
