import { error, fail } from '@sveltejs/kit';
import * as access from '$lib/server/casework/access';
import { requireStaff } from '$lib/server/staff/auth';
import * as casework from '$lib/server/casework/casework';
import * as database from '$lib/server/platform/db';
import * as inbox from '$lib/server/casework/inbox';
import * as questions from '$lib/server/casework/questions';
import * as customQuestions from '$lib/server/casework/custom-questions';
import { QUESTIONS } from '$lib/casework/questions';
import * as referrals from '$lib/server/casework/referrals';
import * as desk from '$lib/server/partners/desk';
import * as regions from '$lib/server/regions/regions';
import * as reports from '$lib/server/meldpunt/reports';
import * as templates from '$lib/server/casework/templates';
import { LABELS } from '$lib/report/labels';
import { pack } from '$lib/server/i18n/messages';
import { today } from '$lib/shell/dutch-date';
import type { Actions, PageServerLoad, RequestEvent } from './$types';
import * as bodies from '$lib/server/http/body';

export const load: PageServerLoad = async ({ params, locals }) => {
	const user = requireStaff('cases');
	const { db } = database.get();
	if (!(await casework.visible(db, user, params.id))) error(404, 'Not found');
	const report = (await reports.read(db, params.id))!;
	await casework.recordView(db, user, report.id, report.gemeenteId);
	const [thread, notes, events, photos, refs, partners, assignees, gemeenten, asked, offered] =
		await Promise.all([
			reports.messagesIn(db, report.id, locals.staffLocale),
			casework.notes(db, user, report.id),
			reports.timeline(db, report.id),
			reports.photos(db, report.id),
			referrals.list(db, user, report.id),
			referrals.suggested(db, report.regionId, report.situations),
			casework.assignees(db, user, report.id),
			regions.gemeenten(db, report.regionId),
			questions.list(db, report.id),
			customQuestions.usable(db, report.regionId)
		]);
	// The region's own questions read like the catalogue's: their words join the label pack.
	const askedCustom = await customQuestions.byKeys(
		db,
		asked.map((q) => q.key)
	);
	// Read up to the newest message this page shows, for this user only.
	await inbox.markRead(db, user.id, report.id, thread.at(-1)?.seq ?? null);
	return {
		labels: {
			...pack(locals.staffLocale, LABELS),
			...customQuestions.pack([...offered, ...askedCustom.values()], locals.staffLocale)
		} as Record<string, string>,
		// The default referral date: the meldpunt's day, not the server's UTC one.
		today: today(),
		report: {
			...report,
			createdAt: report.createdAt.toISOString(),
			updatedAt: report.updatedAt.toISOString()
		},
		gemeente: gemeenten.find((g) => g.id === report.gemeenteId)?.name ?? null,
		regional: access.isRegional(user),
		transitions: casework.TRANSITIONS[report.status as keyof typeof casework.TRANSITIONS] ?? [],
		thread: thread.map((t) => ({ ...t, createdAt: t.createdAt.toISOString() })),
		notes: notes.map((n) => ({ ...n, createdAt: n.createdAt.toISOString() })),
		events: events.map((e) => ({ ...e, at: e.at.toISOString() })),
		photos: photos.map((p) => ({ id: p.id, origin: p.origin, width: p.width, height: p.height })),
		referrals: refs.map((r) => ({
			id: r.id,
			partner: r.partner,
			channel: r.channel,
			reference: r.reference,
			outcome: r.outcome,
			answer: r.answer,
			referredOn: r.referredOn,
			acknowledged: r.acknowledgedAt !== null,
			withdrawn: r.withdrawnAt !== null
		})),
		partners: partners.map((p) => ({
			id: p.id,
			name: p.name,
			handles: p.handles,
			acceptsAnonymous: p.accepts_anonymous,
			suggested: p.suggested
		})),
		assignees,
		catalogue: [
			...QUESTIONS.map((q) => q.key),
			...offered.map((q) => customQuestions.question(q).key)
		],
		questions: asked.map((q) => ({
			id: q.id,
			key: q.key,
			state: q.withdrawnAt ? 'withdrawn' : q.answeredAt ? 'answered' : 'open'
		})),
		gemeenten: gemeenten.map((g) => ({ id: g.id, name: g.name })),
		replyTemplates: await casework.fittingTemplates(db, user, report.id),
		customTemplates: (await templates.list(db, report.regionId, true)).map((t) => ({
			id: t.id,
			title: t.title
		}))
	};
};

export const actions: Actions = {
	status,
	priority,
	assign,
	note,
	ask,
	unask,
	reply,
	move,
	refer,
	outcome,
	relink,
	withdraw
};

/** Maps a casework failure to the HTTP answer: not found is 404 whatever the reason. */
function failed(form: string, error_: string) {
	if (error_ === 'not_found') error(404, 'Not found');
	return fail(error_ === 'stale' ? 409 : 400, { [form]: { error: error_ } });
}

/** Every action starts here: a report this user may not see is 404 before any input is read. */
async function read(event: RequestEvent) {
	const user = requireStaff('cases');
	if (!(await casework.visible(database.get().db, user, event.params.id))) error(404, 'Not found');
	const form = await bodies.formOrError(event.request);
	const get = (k: string) => String(form.get(k) ?? '');
	return { user, form, get, id: event.params.id, version: Number(get('version')) };
}

async function status(event: RequestEvent) {
	const { user, get, id, version } = await read(event);
	const r = await casework.transition(database.get().db, user, {
		id,
		version,
		to: get('to'),
		reason: get('reason') || undefined,
		duplicateOf: get('duplicate_of').trim() || undefined
	});
	return r.ok ? { status: { done: true } } : failed('status', r.error);
}

async function priority(event: RequestEvent) {
	const { user, get, id, version } = await read(event);
	const r = await casework.setPriority(database.get().db, user, {
		id,
		version,
		priority: get('priority')
	});
	return r.ok ? { priority: { done: true } } : failed('priority', r.error);
}

async function assign(event: RequestEvent) {
	const { user, get, id, version } = await read(event);
	const r = await casework.assign(database.get().db, user, {
		id,
		version,
		assignee: get('assignee') || null
	});
	return r.ok ? { assign: { done: true } } : failed('assign', r.error);
}

async function note(event: RequestEvent) {
	const { user, get, id, version } = await read(event);
	const text = get('text');
	const r = await casework.addNote(database.get().db, user, { id, version, text });
	return r.ok
		? { note: { done: true } }
		: fail(r.error === 'not_found' ? 404 : 400, { note: { error: r.error, text } });
}

async function ask(event: RequestEvent) {
	const { user, form, id, version } = await read(event);
	const keys = form.getAll('question').map(String);
	const r = await questions.ask(database.get().db, user, { id, version, keys });
	return r.ok ? { ask: { done: true } } : failed('ask', r.error);
}

// A question the handler takes back (the referral's own "withdraw" is below).
async function unask(event: RequestEvent) {
	const { user, get, id, version } = await read(event);
	const r = await questions.withdraw(database.get().db, user, {
		id,
		version,
		question: get('question')
	});
	return r.ok ? { unask: { done: true } } : failed('unask', r.error);
}

async function reply(event: RequestEvent) {
	const { user, get, id, version } = await read(event);
	const text = get('text');
	const r = await casework.reply(database.get().db, user, {
		id,
		version,
		template: get('template') || undefined,
		text,
		language: get('language'),
		partner: get('partner')
	});
	if (r.ok) return { reply: { done: true } };
	if (r.error === 'not_found') error(404, 'Not found');
	return fail(r.error === 'stale' ? 409 : 400, { reply: { error: r.error, text } });
}

async function move(event: RequestEvent) {
	const { user, get, id, version } = await read(event);
	const target = get('gemeente');
	const r = await casework.move(database.get().db, user, {
		id,
		version,
		gemeente: target === 'unknown' ? null : target
	});
	return r.ok ? { move: { done: true } } : failed('move', r.error);
}

async function refer(event: RequestEvent) {
	const { user, form, get, id, version } = await read(event);
	const text = get('redacted_text');
	const r = await referrals.refer(database.get().db, user, {
		id,
		version,
		partnerIds: form.getAll('partner').map(String),
		channel: get('channel'),
		reference: get('reference'),
		referredOn: get('referred_on') || undefined,
		redactedText: text,
		includeContact: get('include_contact') === 'yes',
		photoIds: form.getAll('photo').map(String)
	});
	if (r.ok) {
		const codes = await desk.issue(database.get().db, user, id, r.referralIds);
		return { refer: { done: true, ids: r.referralIds, codes: shown(codes) } };
	}
	if (r.error === 'not_found') error(404, 'Not found');
	return fail(r.error === 'stale' ? 409 : 400, { refer: { error: r.error, text } });
}

async function outcome(event: RequestEvent) {
	const { user, get, id, version } = await read(event);
	const r = await referrals.updateOutcome(database.get().db, user, {
		id,
		version,
		referralId: get('referral'),
		reference: get('reference'),
		outcome: get('outcome'),
		answer: get('answer')
	});
	return r.ok ? { outcome: { done: true } } : failed('outcome', r.error);
}

/** The codes to read out to partners: shown once, here, never stored readable. */
function shown(issued: Awaited<ReturnType<typeof desk.issue>>) {
	return issued.map((i) => ({ partner: i.partner, code: desk.showCode(i.code), mailed: i.mailed }));
}

async function relink(event: RequestEvent) {
	const { user, get, id } = await read(event);
	const codes = await desk.issue(database.get().db, user, id, [get('referral')]);
	if (codes.length === 0) return fail(400, { relink: { error: 'relink' } });
	return { relink: { done: true, codes: shown(codes) } };
}

async function withdraw(event: RequestEvent) {
	const { user, get, id, version } = await read(event);
	const r = await desk.withdraw(database.get().db, user, {
		id,
		version,
		referralId: get('referral')
	});
	return r.ok ? { withdraw: { done: true } } : failed('withdraw', r.error);
}
