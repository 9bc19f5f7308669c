// Structured questions: a handler asks catalogue questions (or the region's own, see
// custom-questions.ts), the reporter answers each with a typed value. A question enters the thread
// as its key (read in the reader's language); an answer is a sealed reporter message, so it counts
// as a reply for the unread marker and is deleted with the thread. All answers of one form are
// saved together or not at all.
import { randomUUID } from 'node:crypto';
import * as v from 'valibot';
import * as catalogue from '../../casework/questions.ts';
import { idOf } from '../../casework/custom-questions.ts';
import * as custom from './custom-questions.ts';
import { pack } from '../i18n/messages.ts';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import * as reports from '../meldpunt/reports.ts';
import { mutateReport, type Actor, type Result } from './casework.ts';

export interface Asked {
	id: string;
	key: string;
	askedAt: Date;
	answeredAt: Date | null;
	withdrawnAt: Date | null;
}

/** Every question asked on a report, oldest first. */
export async function list(db: Db, reportId: string): Promise<Asked[]> {
	const rows = await db
		.selectFrom('report_question')
		.select(['id', 'key', 'asked_at', 'answered_at', 'withdrawn_at'])
		.where('report_id', '=', reportId)
		.orderBy('seq')
		.execute();
	return rows.map((r) => ({
		id: r.id,
		key: r.key,
		askedAt: new Date(r.asked_at),
		answeredAt: r.answered_at ? new Date(r.answered_at) : null,
		withdrawnAt: r.withdrawn_at ? new Date(r.withdrawn_at) : null
	}));
}

/** The questions still waiting for the reporter's answer. */
export async function open(db: Db, reportId: string): Promise<Asked[]> {
	return (await list(db, reportId)).filter((q) => !q.answeredAt && !q.withdrawnAt);
}

/** The definition of every question among `keys`, catalogue and custom (retired ones included). */
export async function definitions(
	db: Db,
	keys: readonly string[]
): Promise<Map<string, catalogue.Question>> {
	const own = await custom.byKeys(db, keys);
	const found = new Map<string, catalogue.Question>();
	for (const key of keys) {
		const mine = own.get(key);
		const q = mine ? custom.question(mine) : catalogue.find(key);
		if (q) found.set(key, q);
	}
	return found;
}

/** The open questions as the API gives them: words in `locale`, answer type and limits. */
export async function openFor(db: Db, reportId: string, locale: string) {
	const asked = await open(db, reportId);
	const keys = asked.map((q) => q.key);
	const [defs, own] = await Promise.all([definitions(db, keys), custom.byKeys(db, keys)]);
	const t: Record<string, string> = {
		...pack(locale, ['followup_question_']),
		...custom.pack(own.values(), locale)
	};
	return asked.map((a) => {
		const q = defs.get(a.key)!;
		return {
			id: a.id,
			type: q.type,
			question: t[`followup_question_${q.key}`] ?? '',
			choices: catalogue
				.choices(q)
				.map((value) => ({ value, label: t[catalogue.choiceKey(q, value)] ?? value })),
			min: q.type === 'number' ? q.min : null,
			max: q.type === 'number' ? q.max : null,
			maxLength: q.type === 'text' ? q.max : null
		};
	});
}

/** Asks one or more questions; each enters the thread as a message with its key. */
export async function ask(
	db: Db,
	actor: Actor,
	input: { id: string; version: number; keys: string[] }
): Promise<Result> {
	const keys = [...new Set(input.keys)];
	if (keys.length === 0) return { ok: false, error: 'question_none' };
	if (!keys.every((k) => catalogue.find(k) || idOf(k)))
		return { ok: false, error: 'question_unknown' };
	return mutateReport(db, actor, input.id, input.version, 'report.ask', async (trx, row, now) => {
		// Nothing more can be answered once the report is closed.
		if (row.status === 'closed') return { ok: false, error: 'question_closed' };
		// A custom question must be the report's region's, complete and not retired now: a form
		// opened before it was retired says so instead of asking it.
		const own = new Map(
			(await custom.list(trx, row.region_id)).map((q) => [custom.question(q).key, q])
		);
		for (const key of keys.filter(idOf)) {
			const q = own.get(key);
			if (q?.retired) return { ok: false, error: 'question_retired' };
			if (!q || q.missing.length > 0) return { ok: false, error: 'question_unknown' };
		}
		for (const key of keys) {
			const id = randomUUID();
			await trx
				.insertInto('report_question')
				.values({ id, report_id: row.id, key, asked_by: actor.id, asked_at: now })
				.execute();
			await reports.addMessage(
				trx,
				row.id,
				{ author: 'staff', staffUserId: actor.id, template: 'question', params: { key, id } },
				[],
				now
			);
		}
		return { detail: { keys } };
	});
}

/** Withdraws an open question: the reporter no longer sees it and cannot answer it. */
export async function withdraw(
	db: Db,
	actor: Actor,
	input: { id: string; version: number; question: string }
): Promise<Result> {
	return mutateReport(
		db,
		actor,
		input.id,
		input.version,
		'report.withdraw_question',
		async (trx, row, now) => {
			const done = await trx
				.updateTable('report_question')
				.set({ withdrawn_at: now })
				.where('id', '=', input.question)
				.where('report_id', '=', row.id)
				.where('answered_at', 'is', null)
				.where('withdrawn_at', 'is', null)
				.executeTakeFirst();
			if (Number(done.numUpdatedRows) === 0) return { ok: false, error: 'question_gone' };
			return { detail: { question: input.question } };
		}
	);
}

export type AnswerResult =
	{ ok: true; answered: number } | { ok: false; error: string; errors: Record<string, string> };

/**
 * Checks and stores the reporter's answers (`values`: question id → typed value; blank = not
 * answered now). Any wrong value, or a question answered or withdrawn meanwhile, stores nothing.
 */
export async function answer(
	db: Db,
	reportId: string,
	values: Record<string, string>,
	locale: string,
	now = new Date()
): Promise<AnswerResult> {
	return database.transaction(db, async (trx) => {
		// Locked, so a form posted twice at once stores one answer per question.
		const rows = await trx
			.selectFrom('report_question')
			.selectAll()
			.where('report_id', '=', reportId)
			.orderBy('seq')
			.forUpdate()
			.execute();
		const defs = await definitions(
			trx,
			rows.map((r) => r.key)
		);
		const errors: Record<string, string> = {};
		const answers: { id: string; key: string; type: string; value: string }[] = [];
		for (const [id, typed] of Object.entries(values)) {
			const row = rows.find((r) => r.id === id);
			// A blank field is a question left for later, also when it has meanwhile closed.
			if (!row || typed.trim() === '') continue;
			if (row.withdrawn_at) errors[id] = 'question_withdrawn';
			else if (row.answered_at) errors[id] = 'question_answered';
			if (errors[id]) continue;
			const question = defs.get(row.key)!;
			const parsed = v.safeParse(catalogue.schema(question), typed);
			if (parsed.success)
				answers.push({ id, key: row.key, type: question.type, value: parsed.output });
			else errors[id] = parsed.issues[0].message;
		}
		const first = Object.values(errors)[0];
		if (first) return { ok: false, error: first, errors };
		if (answers.length === 0) return { ok: false, error: 'question_none', errors };
		for (const a of answers) {
			const message = await reports.addMessage(
				trx,
				reportId,
				{
					author: 'reporter',
					template: 'answer',
					// The type travels with the answer: a custom question is read outside the catalogue.
					params: { key: a.key, question: a.id, type: a.type },
					language: locale,
					text: a.value
				},
				[],
				now
			);
			await trx
				.updateTable('report_question')
				.set({ answered_at: now, answer_message_id: message })
				.where('id', '=', a.id)
				.execute();
		}
		return { ok: true, answered: answers.length };
	});
}
