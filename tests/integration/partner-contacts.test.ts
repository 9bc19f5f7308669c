import { expect, it } from 'vitest';
import * as contacts from '../../src/lib/server/partners/contacts.ts';
import * as regions from '../../src/lib/server/regions/regions.ts';
import { staffUser } from '../factories/staff.ts';
import { onBothDatabases } from './databases.ts';

const REGION = 'rivierenland';

onBothDatabases('partner contacts', (ctx) => {
	it('stores a partner’s referral addresses, languages and anonymous rule, and audits the change', async () => {
		const coordinator = await staffUser(ctx.db, { role: 'coordinator' });
		const [partner] = await contacts.list(ctx.db, REGION);
		expect(partner.languages).toEqual(['nl']);
		const result = await contacts.update(
			ctx.db,
			{ id: coordinator.id, regionId: REGION },
			partner.id,
			{
				referralEmails: contacts.parseEmails('Meldingen@NLA.example.nl;\n intake@nla.example.nl'),
				languages: ['en', 'nl', 'en'],
				acceptsAnonymous: !partner.acceptsAnonymous
			}
		);
		expect(result).toBeNull();
		const after = (await contacts.list(ctx.db, REGION)).find((p) => p.id === partner.id)!;
		expect(after.referralEmails).toEqual(['meldingen@nla.example.nl', 'intake@nla.example.nl']);
		expect(after.languages).toEqual(['nl', 'en']);
		expect(after.acceptsAnonymous).toBe(!partner.acceptsAnonymous);
		const entry = await ctx.db
			.selectFrom('audit_log')
			.selectAll()
			.where('action', '=', 'partner.contacts')
			.where('object_id', '=', partner.id)
			.executeTakeFirstOrThrow();
		expect(entry.actor_id).toBe(coordinator.id);
		expect(JSON.stringify(entry.detail)).toContain('intake@nla.example.nl');
	});

	it('refuses bad addresses and an empty language choice, changing nothing', async () => {
		const coordinator = await staffUser(ctx.db, { role: 'coordinator' });
		const [, partner] = await contacts.list(ctx.db, REGION);
		const actor = { id: coordinator.id, regionId: REGION };
		const base = { languages: ['nl'], acceptsAnonymous: true };
		expect(
			await contacts.update(ctx.db, actor, partner.id, {
				...base,
				referralEmails: ['not-an-address']
			})
		).toBe('partner_emails');
		expect(
			await contacts.update(ctx.db, actor, partner.id, {
				...base,
				referralEmails: ['a@x.nl', 'b@x.nl', 'c@x.nl', 'd@x.nl', 'e@x.nl', 'f@x.nl']
			})
		).toBe('partner_emails');
		expect(
			await contacts.update(ctx.db, actor, partner.id, {
				referralEmails: [],
				languages: [],
				acceptsAnonymous: true
			})
		).toBe('partner_languages');
		expect((await contacts.list(ctx.db, REGION)).find((p) => p.id === partner.id)).toEqual(partner);
	});

	it('a partner of another region is not found, and stays unchanged', async () => {
		await regions.upsert(ctx.db, {
			slug: 'elders',
			name: 'Elders',
			gemeenten: [{ slug: 'elders-stad', name: 'Elders Stad', cbsCode: 'GM9999' }],
			partners: [
				{
					slug: 'fnv',
					name: 'FNV Elders',
					kind: 'worker_support',
					handles: { nl: 'Vakbond.', en: 'Union.' },
					acceptsAnonymous: false,
					website: null,
					phone: null,
					categoryGroups: ['work'],
					referralEmails: ['fnv@elders.example.nl'],
					languages: ['nl', 'en']
				}
			]
		});
		const coordinator = await staffUser(ctx.db, { role: 'coordinator' });
		expect(
			await contacts.update(ctx.db, { id: coordinator.id, regionId: REGION }, 'elders:fnv', {
				referralEmails: ['attacker@example.nl'],
				languages: ['nl'],
				acceptsAnonymous: true
			})
		).toBe('not_found');
		const [elders] = await contacts.list(ctx.db, 'elders');
		expect(elders.referralEmails).toEqual(['fnv@elders.example.nl']);
		expect(elders.languages).toEqual(['nl', 'en']);
	});

	it('region files carry contacts and are checked before anything is written', () => {
		const seed = {
			slug: 'x-region',
			name: 'X',
			gemeenten: [{ slug: 'x-stad', name: 'X Stad', cbsCode: 'GM0001' }],
			partners: [
				{
					slug: 'pp',
					name: 'P',
					kind: 'worker_support' as const,
					handles: { nl: 'n', en: 'e' },
					acceptsAnonymous: true,
					website: null,
					phone: null,
					categoryGroups: [],
					referralEmails: ['no address']
				}
			]
		};
		expect(regions.validateSeed(seed)).toMatch(/referralEmails/);
		seed.partners[0].referralEmails = ['p@x.example.nl'];
		expect(regions.validateSeed(seed)).toBeNull();
	});
});
