// Referral of a report to a partner organisation, obeying the reporter's consent:
//   level 1 — nothing leaves the meldpunt (the handler may still tell the reporter where to go);
//   level 2 — what, where, when, who, without anything that identifies the reporter, and the
//             free text only as the handler reviewed and redacted it;
//   level 3 — as level 2, and the contact details the reporter gave may be included.
// `PASSES_ON` (src/lib/casework/referrals.ts) is the one definition of these levels: the report
// form states it to the worker, and `limit` below empties every part it leaves out.
// The package is stored sealed with the report's data key, exactly as it was passed on.
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import * as crypto from '../platform/crypto.ts';
import * as casework from './casework.ts';
import type { Db } from '../platform/db/index.ts';
import * as regions from '../regions/regions.ts';
import * as reports from '../meldpunt/reports.ts';
import { suggestedPartners } from '../../report/catalogue.ts';
import { today } from '../../shell/dutch-date.ts';
import { type Answer, isAnswer, reporterTemplate } from '../../partners/answers.ts';

import {
	CHANNELS,
	passesOn,
	type Channel,
	type Package,
	type Shared
} from '../../casework/referrals.ts';

export { CHANNELS, type Channel };

export type { Package };

/** Where each part the consent levels name (`PASSES_ON`) sits in a package. */
export const PACKAGE_FIELDS: Readonly<Record<Shared, readonly (keyof Package)[]>> = {
	what: ['group', 'situations'],
	where: ['gemeente', 'address'],
	when: ['occurred'],
	affected: ['affected'],
	who: ['subjectType', 'subjectName'],
	text: ['text'],
	photos: ['photoIds'],
	contact: ['contact']
};

/** What a package holds in place of a part the consent level does not pass on. */
const EMPTY: Omit<Package, 'partner' | 'referredOn' | 'consentLevel'> = {
	group: '',
	situations: [],
	gemeente: null,
	address: '',
	occurred: null,
	affected: null,
	subjectType: null,
	subjectName: '',
	text: null,
	contact: null,
	photoIds: []
};

/** The package with every part the consent level does not pass on left empty. */
function limit(pkg: Package, level: number): Package {
	const out = { ...pkg };
	const allowed = passesOn(level);
	for (const part of Object.keys(PACKAGE_FIELDS) as Shared[]) {
		if (allowed.includes(part)) continue;
		for (const f of PACKAGE_FIELDS[part])
			Object.assign(out, { [f]: EMPTY[f as keyof typeof EMPTY] });
	}
	return out;
}

export interface ReferInput {
	id: string;
	version: number;
	partnerIds: string[];
	channel: string;
	reference?: string;
	referredOn?: string;
	/** The free text as it may be passed on; empty → left out. */
	redactedText?: string;
	includeContact?: boolean;
	photoIds?: string[];
}

export async function suggested(db: Db, regionId: string, situations: string[]) {
	const slugs = suggestedPartners(situations);
	return (await regions.partners(db, regionId))
		.map((p) => ({ ...p, suggested: slugs.includes(p.slug) }))
		.sort(
			(a, b) =>
				Number(b.suggested) - Number(a.suggested) || slugs.indexOf(a.slug) - slugs.indexOf(b.slug)
		);
}

export async function refer(
	db: Db,
	actor: casework.Actor,
	input: ReferInput,
	now = new Date()
): Promise<casework.Result<{ referralIds: string[] }>> {
	if (input.partnerIds.length === 0) return { ok: false, error: 'partner' };
	if (!(CHANNELS as readonly string[]).includes(input.channel))
		return { ok: false, error: 'channel' };
	const referredOn = input.referredOn || today(now);
	if (!/^\d{4}-\d{2}-\d{2}$/.test(referredOn) || Number.isNaN(Date.parse(referredOn))) {
		return { ok: false, error: 'date' };
	}
	if ((input.redactedText ?? '').length > casework.MAX_TEXT)
		return { ok: false, error: 'too_long' };
	const report = await reports.read(db, input.id);
	if (!report || !(await casework.visible(db, actor, input.id)))
		return { ok: false, error: 'not_found' };
	// Consent is the reporter's: checked against the stored level, never a form field.
	const allowed = passesOn(report.consent);
	if (allowed.length === 0) return { ok: false, error: 'consent' };
	if (input.includeContact && !allowed.includes('contact')) return { ok: false, error: 'consent' };
	if (report.status !== 'referred' && !casework.canMove(report.status, 'referred')) {
		return { ok: false, error: 'transition' };
	}
	const partners = await db
		.selectFrom('partner')
		.select(['id', 'name'])
		.where('region_id', '=', report.regionId)
		.where('id', 'in', input.partnerIds)
		.execute();
	if (partners.length !== new Set(input.partnerIds).size) return { ok: false, error: 'partner' };
	const ownPhotos = new Set((await reports.photos(db, input.id)).map((p) => p.id));
	const photoIds = (input.photoIds ?? []).filter((p) => ownPhotos.has(p));
	const gemeente = report.gemeenteId
		? ((
				await db
					.selectFrom('gemeente')
					.select('name')
					.where('id', '=', report.gemeenteId)
					.executeTakeFirst()
			)?.name ?? null)
		: null;
	const key = await reports.dataKey(db, input.id);

	const ids: string[] = [];
	const result = await casework.mutateReport(
		db,
		actor,
		input.id,
		input.version,
		'report.refer',
		async (trx, row) => {
			for (const partner of partners) {
				const pkg: Package = limit(
					{
						partner: partner.name,
						referredOn,
						consentLevel: report.consent,
						group: report.group,
						situations: report.situations,
						gemeente,
						address: report.content.address,
						occurred: report.occurred,
						affected: report.affected,
						subjectType: report.subjectType,
						subjectName: report.content.subjectName,
						text: input.redactedText?.trim() ? input.redactedText.trim() : null,
						contact: input.includeContact ? report.content.contact || null : null,
						photoIds
					},
					report.consent
				);
				const id = randomUUID();
				ids.push(id);
				await trx
					.insertInto('referral')
					.values({
						id,
						report_id: row.id,
						partner_id: partner.id,
						consent_level: report.consent,
						channel: input.channel,
						reference: input.reference?.trim().slice(0, 200) || null,
						referred_on: referredOn,
						package: crypto.seal(key!, Buffer.from(JSON.stringify(pkg)), `referral:${id}`),
						created_by: actor.id,
						created_at: now,
						updated_at: now
					})
					.execute();
				await trx
					.insertInto('report_event')
					.values({
						report_id: row.id,
						kind: 'referred',
						detail: JSON.stringify({ partner: partner.name, on: referredOn }),
						at: now
					})
					.execute();
				await reports.addMessage(
					trx,
					row.id,
					{
						author: 'system',
						template: 'referred',
						params: { partner: partner.name, date: referredOn }
					},
					[],
					now
				);
			}
			await trx
				.updateTable('report')
				.set({
					status: 'referred',
					acknowledged_at: row.acknowledged_at ?? now,
					feedback_at: row.feedback_at ?? now
				})
				.where('id', '=', row.id)
				.execute();
			return {
				detail: {
					partners: partners.map((p) => p.id),
					channel: input.channel,
					consent: report.consent
				}
			};
		},
		now
	);
	return result.ok ? { ok: true, referralIds: ids } : result;
}

export async function list(db: Db, actor: casework.Actor, reportId: string) {
	if (!(await casework.visible(db, actor, reportId))) return [];
	const key = await reports.dataKey(db, reportId);
	const rows = await db
		.selectFrom('referral as r')
		.innerJoin('partner as p', 'p.id', 'r.partner_id')
		.select([
			'r.id',
			'r.channel',
			'r.reference',
			'r.outcome',
			'r.answer',
			'r.acknowledged_at',
			'r.withdrawn_at',
			'r.referred_on',
			'r.consent_level',
			'r.package',
			'p.name as partner'
		])
		.where('r.report_id', '=', reportId)
		.orderBy('r.created_at')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		partner: r.partner,
		channel: r.channel,
		reference: r.reference,
		outcome: r.outcome,
		answer: r.answer,
		acknowledgedAt: r.acknowledged_at ? new Date(r.acknowledged_at) : null,
		withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at) : null,
		referredOn: r.referred_on,
		consentLevel: r.consent_level,
		package: JSON.parse(
			crypto.open(key!, r.package, `referral:${r.id}`).toString('utf8')
		) as Package
	}));
}

export async function updateOutcome(
	db: Db,
	actor: casework.Actor,
	input: {
		id: string;
		version: number;
		referralId: string;
		reference: string;
		outcome: string;
		/** The partner's answer (src/lib/partners/answers.ts); empty or absent: unchanged. */
		answer?: string;
	},
	now = new Date()
): Promise<casework.Result> {
	if (input.outcome.length > 2000 || input.reference.length > 200)
		return { ok: false, error: 'too_long' };
	const answer = input.answer || null;
	if (answer !== null && !isAnswer(answer)) return { ok: false, error: 'answer' };
	return casework.mutateReport(
		db,
		actor,
		input.id,
		input.version,
		'referral.update',
		async (trx, row) => {
			const before = await trx
				.selectFrom('referral as r')
				.innerJoin('partner as p', 'p.id', 'r.partner_id')
				.select(['r.answer', 'r.acknowledged_at', 'p.name as partner'])
				.where('r.id', '=', input.referralId)
				.where('r.report_id', '=', row.id)
				.executeTakeFirst();
			if (!before) return { ok: false, error: 'not_found' };
			const changed = answer !== null && answer !== before.answer;
			await trx
				.updateTable('referral')
				.set({
					reference: input.reference.trim() || null,
					outcome: input.outcome.trim() || null,
					updated_at: now,
					...(changed
						? { answer, answered_at: now, acknowledged_at: before.acknowledged_at ?? now }
						: {})
				})
				.where('id', '=', input.referralId)
				.execute();
			if (changed) await tellReporter(trx, row.id, input.referralId, before.partner, answer, now);
			return {
				detail: { referral: input.referralId, ...(changed ? { answer } : {}) }
			};
		},
		now
	);
}

/**
 * The reporter hears that the partner took it up or finished, in their own language and never in
 * the partner's words; each at most once per referral (a repeated answer adds none). Used by the
 * handler's form and by the partner desk alike.
 */
export async function tellReporter(
	trx: Db,
	reportId: string,
	referralId: string,
	partner: string,
	answer: Answer,
	now: Date
): Promise<void> {
	const template = reporterTemplate(answer);
	if (!template) return;
	const told = await trx
		.selectFrom('report_event')
		.select('id')
		.where('report_id', '=', reportId)
		.where('kind', '=', template)
		.where(sql<boolean>`detail->>'referral' = ${referralId}`)
		.executeTakeFirst();
	if (told) return;
	await trx
		.insertInto('report_event')
		.values({
			report_id: reportId,
			kind: template,
			detail: JSON.stringify({ referral: referralId }),
			at: now
		})
		.execute();
	await reports.addMessage(
		trx,
		reportId,
		{ author: 'system', template, params: { partner } },
		[],
		now
	);
}
