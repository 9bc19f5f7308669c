// Surveys (enquêtes): building them, opening and closing them, one-time codes. A survey opens only
// when every target language has every text. Questions edited after opening become a new version;
// answers keep the version they answered (issue #7).
import { today } from '../../shell/dutch-date.ts';
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import * as audit from '../platform/audit.ts';
import * as crypto from '../platform/crypto.ts';
import type { Db } from '../platform/db/index.ts';
import type { QuestionOption, ShowIf } from '../platform/db/schema.ts';
import { isUuid } from '../../shell/uuid.ts';
import {
	BACKGROUNDS,
	KINDS,
	type Background,
	type QuestionKind,
	type SurveyInput
} from '../../surveys/survey.ts';

export { BACKGROUNDS, KINDS, type SurveyInput };
import { clean, cleanLine, length } from '../../shell/text.ts';

export const MAX_TEXT_ANSWER = 2000;
const MAX_PROMPT = 500;
const KEY = /^[a-z][a-z0-9_]{0,39}$/;

/** Scale and yes/no questions have fixed options; their labels are worker messages. */
export function choicesOf(q: { kind: QuestionKind; options: QuestionOption[] }): string[] {
	if (q.kind === 'scale') return Array.from({ length: 10 }, (_, i) => String(i + 1));
	if (q.kind === 'yesno') return ['yes', 'no', 'dont_know'];
	if (q.kind === 'text') return [];
	return q.options.map((o) => o.key);
}

export interface Actor {
	id: string;
	regionId: string;
}

export interface QuestionInput {
	key: string;
	kind: QuestionKind;
	texts: Record<string, string>;
	options: QuestionOption[];
	showIf: ShowIf | null;
	background: Background | null;
}

export type SurveyError = 'title' | 'series' | 'locales' | 'dates';
export type QuestionError = 'key' | 'kind' | 'options' | 'show_if' | 'too_long' | 'locked';

const DATE = /^\d{4}-\d{2}-\d{2}$/;

export function validateSurvey(
	input: SurveyInput,
	allLocales: readonly string[],
	allGemeenten: readonly string[]
): { ok: true; value: SurveyInput } | { ok: false; error: SurveyError } {
	const title = cleanLine(input.title);
	if (!title || length(title) > 120) return { ok: false, error: 'title' };
	const series = cleanLine(input.series).toLowerCase() || 'enquete';
	if (!KEY.test(series.replace(/-/g, '_'))) return { ok: false, error: 'series' };
	const locales = allLocales.filter((l) => input.locales.includes(l));
	if (locales.length === 0) return { ok: false, error: 'locales' };
	const opensOn = input.opensOn && DATE.test(input.opensOn) ? input.opensOn : null;
	const closesOn = input.closesOn && DATE.test(input.closesOn) ? input.closesOn : null;
	if ((input.opensOn && !opensOn) || (input.closesOn && !closesOn))
		return { ok: false, error: 'dates' };
	if (opensOn && closesOn && closesOn < opensOn) return { ok: false, error: 'dates' };
	const titles: Record<string, string> = {};
	for (const l of locales) {
		const t = cleanLine(input.titles[l] ?? '');
		if (length(t) > MAX_PROMPT) return { ok: false, error: 'title' };
		if (t) titles[l] = t;
	}
	return {
		ok: true,
		value: {
			title,
			series,
			titles,
			locales,
			gemeenten: allGemeenten.filter((g) => input.gemeenten.includes(g)),
			opensOn,
			closesOn,
			requiresCode: input.requiresCode
		}
	};
}

/** Options from one text per locale, one option per line; keys follow the line order. */
export function optionsFromLines(
	lines: Record<string, string>,
	locales: string[]
): QuestionOption[] {
	const split = Object.fromEntries(
		locales.map((l) => [
			l,
			(lines[l] ?? '')
				.split('\n')
				.map((s) => cleanLine(s))
				.filter(Boolean)
		])
	);
	const count = Math.max(0, ...locales.map((l) => split[l].length));
	return Array.from({ length: count }, (_, i) => ({
		key: `o${i + 1}`,
		texts: Object.fromEntries(locales.filter((l) => split[l][i]).map((l) => [l, split[l][i]]))
	}));
}

export function validateQuestion(
	input: QuestionInput,
	previous: Array<{ key: string; kind: QuestionKind; options: QuestionOption[] }>
): { ok: true; value: QuestionInput } | { ok: false; error: QuestionError } {
	if (!KEY.test(input.key)) return { ok: false, error: 'key' };
	if (!KINDS.includes(input.kind)) return { ok: false, error: 'kind' };
	const texts: Record<string, string> = {};
	for (const [l, t] of Object.entries(input.texts)) {
		const c = clean(t);
		if (length(c) > MAX_PROMPT) return { ok: false, error: 'too_long' };
		if (c) texts[l] = c;
	}
	const options = input.kind === 'single' || input.kind === 'multiple' ? input.options : [];
	if ((input.kind === 'single' || input.kind === 'multiple') && options.length < 2)
		return { ok: false, error: 'options' };
	if (options.length > 30) return { ok: false, error: 'options' };
	const background = input.background && input.kind === 'single' ? input.background : null;
	let showIf: ShowIf | null = null;
	if (input.showIf && input.showIf.question) {
		const target = previous.find((p) => p.key === input.showIf!.question);
		const choices = target ? choicesOf(target) : [];
		const wanted = input.showIf.choices.filter((c) => choices.includes(c));
		if (!target || wanted.length === 0) return { ok: false, error: 'show_if' };
		showIf = { question: target.key, choices: wanted };
	}
	return { ok: true, value: { ...input, texts, options, showIf, background } };
}

export function list(db: Db, regionId: string) {
	return db
		.selectFrom('survey')
		.selectAll()
		.where('region_id', '=', regionId)
		.orderBy('created_at', 'desc')
		.execute();
}

export function read(db: Db, regionId: string, id: string) {
	if (!isUuid(id)) return Promise.resolve(undefined);
	return db
		.selectFrom('survey')
		.selectAll()
		.where('region_id', '=', regionId)
		.where('id', '=', id)
		.executeTakeFirst();
}

export type Survey = NonNullable<Awaited<ReturnType<typeof read>>>;

/** Current questions in order; with `all`, retired versions too (to accept and count answers). */
export function questions(db: Db, surveyId: string, opts: { all?: boolean } = {}) {
	let q = db
		.selectFrom('survey_question')
		.selectAll()
		.where('survey_id', '=', surveyId)
		.orderBy('position')
		.orderBy('version');
	if (!opts.all) q = q.where('retired_at', 'is', null);
	return q.execute();
}

export type Question = Awaited<ReturnType<typeof questions>>[number];

/** The survey's own columns, as the editor's form sets them. */
function columns(input: SurveyInput) {
	return {
		title: input.title,
		series: input.series,
		titles: JSON.stringify(input.titles),
		locales: input.locales,
		gemeenten: input.gemeenten,
		opens_on: input.opensOn,
		closes_on: input.closesOn,
		requires_code: input.requiresCode
	};
}

export async function create(db: Db, actor: Actor, input: SurveyInput): Promise<string> {
	const id = randomUUID();
	await db
		.insertInto('survey')
		.values({ id, region_id: actor.regionId, ...columns(input) })
		.execute();
	await audit.record(db, {
		actorId: actor.id,
		action: 'survey.add',
		objectType: 'survey',
		objectId: id
	});
	return id;
}

export async function update(
	db: Db,
	actor: Actor,
	id: string,
	input: SurveyInput
): Promise<boolean> {
	const r = await db
		.updateTable('survey')
		.set(columns(input))
		.where('id', '=', id)
		.where('region_id', '=', actor.regionId)
		.executeTakeFirst();
	if (r.numUpdatedRows === 0n) return false;
	await audit.record(db, {
		actorId: actor.id,
		action: 'survey.edit',
		objectType: 'survey',
		objectId: id
	});
	return true;
}

/**
 * Adds or changes a question. Before the survey opens a change is made in place; afterwards the
 * old row is retired and a new version takes its place, so earlier answers keep their wording.
 */
export async function saveQuestion(
	db: Db,
	actor: Actor,
	survey: Survey,
	input: QuestionInput
): Promise<void> {
	await db.transaction().execute(async (tx) => {
		const current = await tx
			.selectFrom('survey_question')
			.selectAll()
			.where('survey_id', '=', survey.id)
			.where('key', '=', input.key)
			.where('retired_at', 'is', null)
			.forUpdate()
			.executeTakeFirst();
		const values = {
			kind: input.kind,
			texts: JSON.stringify(input.texts),
			options: JSON.stringify(input.options),
			show_if: input.showIf ? JSON.stringify(input.showIf) : null,
			background: input.background
		};
		if (current && survey.state === 'draft') {
			await tx.updateTable('survey_question').set(values).where('id', '=', current.id).execute();
			return;
		}
		if (current) {
			await tx
				.updateTable('survey_question')
				.set({ retired_at: new Date() })
				.where('id', '=', current.id)
				.execute();
		}
		const last = await tx
			.selectFrom('survey_question')
			.select(sql<number>`coalesce(max(position), 0)`.as('p'))
			.where('survey_id', '=', survey.id)
			.executeTakeFirstOrThrow();
		await tx
			.insertInto('survey_question')
			.values({
				id: randomUUID(),
				survey_id: survey.id,
				key: input.key,
				version: (current?.version ?? 0) + 1,
				position: current?.position ?? Number(last.p) + 1,
				...values
			})
			.execute();
	});
	await audit.record(db, {
		actorId: actor.id,
		action: 'survey.question',
		objectType: 'survey',
		objectId: survey.id,
		detail: { key: input.key }
	});
}

/** Removes a question: deleted while a draft, retired (answers kept) once opened. */
export async function removeQuestion(db: Db, survey: Survey, key: string): Promise<void> {
	const q = db
		.selectFrom('survey_question')
		.select('id')
		.where('survey_id', '=', survey.id)
		.where('key', '=', key);
	if (survey.state === 'draft') {
		await db.deleteFrom('survey_question').where('id', 'in', q).execute();
	} else {
		await db
			.updateTable('survey_question')
			.set({ retired_at: new Date() })
			.where('id', 'in', q)
			.where('retired_at', 'is', null)
			.execute();
	}
}

/** Target locales lacking the title, a question text or an option text. */
export function missingLocales(survey: Survey, qs: Question[]): string[] {
	return survey.locales.filter(
		(l) => !survey.titles[l] || qs.some((q) => !q.texts[l] || q.options.some((o) => !o.texts[l]))
	);
}

export async function open(
	db: Db,
	actor: Actor,
	survey: Survey
): Promise<{ ok: true } | { ok: false; error: 'incomplete' | 'empty'; missing: string[] }> {
	const qs = await questions(db, survey.id);
	if (qs.length === 0) return { ok: false, error: 'empty', missing: [] };
	const missing = missingLocales(survey, qs);
	if (missing.length > 0) return { ok: false, error: 'incomplete', missing };
	await setState(db, actor, survey.id, 'open');
	return { ok: true };
}

export async function setState(
	db: Db,
	actor: Actor,
	id: string,
	state: 'open' | 'closed'
): Promise<void> {
	await db
		.updateTable('survey')
		.set({ state })
		.where('id', '=', id)
		.where('region_id', '=', actor.regionId)
		.execute();
	await audit.record(db, {
		actorId: actor.id,
		action: `survey.${state}`,
		objectType: 'survey',
		objectId: id
	});
}

export { today };

export function accepting(
	survey: Pick<Survey, 'state' | 'opens_on' | 'closes_on'>,
	day = today()
): boolean {
	if (survey.state !== 'open') return false;
	if (survey.opens_on && day < survey.opens_on) return false;
	if (survey.closes_on && day > survey.closes_on) return false;
	return true;
}

/** Surveys a worker of `gemeente` (or of any gemeente, when unknown) can answer today. */
export async function openFor(db: Db, regionId: string, gemeente: string | null, day = today()) {
	const rows = await db
		.selectFrom('survey')
		.selectAll()
		.where('region_id', '=', regionId)
		.where('state', '=', 'open')
		.orderBy('created_at', 'desc')
		.execute();
	return rows.filter(
		(s) =>
			accepting(s, day) &&
			(s.gemeenten.length === 0 || gemeente === null || s.gemeenten.includes(gemeente))
	);
}

const CODE_ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789';

export function codeHash(code: string): Buffer {
	return crypto.hmac('survey-code', code.toUpperCase().replace(/[\s-]/g, ''));
}

/** New one-time codes, shown once to print on flyers; only their HMACs are kept. */
export async function issueCodes(
	db: Db,
	actor: Actor,
	surveyId: string,
	count: number
): Promise<string[]> {
	const codes: string[] = [];
	const bytes = new Uint8Array(10);
	for (let i = 0; i < Math.min(Math.max(count, 1), 1000); i++) {
		globalThis.crypto.getRandomValues(bytes);
		// 10 symbols of 32: 50 bits, enough for codes that can be tried only a few times.
		codes.push(
			Array.from(bytes, (b) => CODE_ALPHABET[b % 32])
				.join('')
				.replace(/(.{5})(.)/, '$1-$2')
		);
	}
	await db
		.insertInto('survey_code')
		.values(codes.map((c) => ({ code_hash: codeHash(c), survey_id: surveyId })))
		.execute();
	await audit.record(db, {
		actorId: actor.id,
		action: 'survey.codes',
		objectType: 'survey',
		objectId: surveyId,
		detail: { count: codes.length }
	});
	return codes;
}
