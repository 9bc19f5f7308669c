// Reports: the anonymous meldpunt's records. Content (free text, names, address, pin, contact),
// messages and photos are sealed with AES-256-GCM under a per-report data key, which is stored
// only wrapped by the master key. Returns data, never HTTP.
import { randomUUID } from 'node:crypto';
import { CompiledQuery, sql, type Insertable } from 'kysely';
import * as database from '../platform/db/index.ts';
import type { Db } from '../platform/db/index.ts';
import type { ReportTable } from '../platform/db/schema.ts';
import * as crypto from '../platform/crypto.ts';
import type { CleanPhoto } from './photos.ts';
import * as receipts from './receipts.ts';
import * as sla from '../casework/sla.ts';
import * as templates from '../casework/templates.ts';
import * as customQuestions from '../casework/custom-questions.ts';
import { idOf } from '../../casework/custom-questions.ts';
import type { ReportInput } from './report-input.ts';
import { groupsOf, isUrgent, type Priority } from '../../report/catalogue.ts';

export interface Content {
	text: string;
	subjectName: string;
	address: string;
	pin: { lat: number; lng: number } | null;
	contact: string;
}

export interface CreateOptions {
	regionId: string;
	locale: string;
	channel?: 'web' | 'api';
	/** filed by staff on the worker's behalf (who filed it is in the audit log, not here) */
	assisted?: boolean;
	now?: Date;
}

export interface CreateResult {
	reportId: string;
	receipt: string;
	created: boolean;
}

function sealJson(key: Uint8Array, value: unknown, aad: string): Buffer {
	return crypto.seal(key, Buffer.from(JSON.stringify(value)), aad);
}

function openJson<T>(key: Uint8Array, sealed: Uint8Array, aad: string): T {
	return JSON.parse(crypto.open(key, sealed, aad).toString('utf8')) as T;
}

async function existing(db: Db, submissionKey: string): Promise<CreateResult | null> {
	const row = await db
		.selectFrom('report')
		.select('id')
		.where('submission_hash', '=', receipts.submissionHash(submissionKey))
		.executeTakeFirst();
	return row
		? { reportId: row.id, receipt: receipts.fromSubmissionKey(submissionKey), created: false }
		: null;
}

function isUniqueViolation(err: unknown): boolean {
	return typeof err === 'object' && err !== null && (err as { code?: string }).code === '23505';
}

/** A report row before it is stored; the time of the "created" event is its created_at. */
export type NewReport = Insertable<ReportTable> & { id: string; created_at: Date };

/** A new report's row as intake stores it, with the data key its content is sealed with. */
export async function newRow(
	db: Db,
	input: ReportInput,
	photoCount: number,
	opts: CreateOptions
): Promise<{ row: NewReport; key: Buffer; receipt: string }> {
	const id = randomUUID();
	const { key, wrapped } = crypto.newDataKey(id);
	const content: Content = {
		text: input.text,
		subjectName: input.subjectName,
		address: input.address,
		pin: input.pin,
		contact: input.contact
	};
	const receipt = receipts.fromSubmissionKey(input.submissionKey);
	const priority: Priority = isUrgent(input.situations) ? 'urgent' : 'normal';
	// Stored to the hour, and service levels run from that stored time.
	const now = toHour(opts.now ?? new Date());
	const levels = await sla.cached(db, opts.regionId);
	const due = sla.dueDates(now, levels[input.group], priority === 'urgent');
	const row = {
		id,
		region_id: opts.regionId,
		gemeente_id: input.gemeente,
		category_group: input.group,
		category_groups: groupsOf(input.group, input.situations),
		situations: input.situations,
		subject_type: input.subjectType,
		occurred: input.occurred,
		affected: input.affected,
		consent_level: input.consent,
		locale: opts.locale,
		priority,
		has_contact: input.contact !== '',
		photo_count: photoCount,
		channel: opts.channel ?? 'web',
		assisted: opts.assisted ?? false,
		data_key: wrapped,
		content: sealJson(key, content, `report:${id}`),
		receipt_hash: receipts.hash(receipt),
		submission_hash: receipts.submissionHash(input.submissionKey),
		created_at: now,
		updated_at: now,
		ack_due_at: due.ack,
		feedback_due_at: due.feedback
	};
	return { row, key, receipt };
}

/**
 * The statement that stores a report without photos, in one round trip (atomic on its own): the
 * report and its "created" event; a repeated submission key inserts nothing. The bench runs this
 * same statement through pgbench as intake's ceiling.
 */
export function insertWithoutPhotos(db: Db, row: NewReport) {
	return db
		.with('r', (q) =>
			q
				.insertInto('report')
				.values(row)
				.onConflict((oc) => oc.column('submission_hash').doNothing())
				.returning('id')
		)
		.insertInto('report_event')
		.columns(['report_id', 'kind', 'detail', 'at'])
		.expression((eb) =>
			eb
				.selectFrom('r')
				.select((e) => [
					'r.id',
					e.val('created').as('kind'),
					e.val('{}').as('detail'),
					e.val(row.created_at).as('at')
				])
		)
		.returning('report_id');
}

// `insertWithoutPhotos` as Kysely compiles it, kept per database and column list: the statement is
// the same for every report but its values, and building and compiling it anew cost intake about
// as much CPU as sealing the report (issue #14). Each report's values go where Kysely put the
// columns' parameters; the few constants of the statement stay as compiled.
type Place = { column: keyof NewReport } | { value: unknown };
const statements = new WeakMap<Db, Map<string, { sql: string; places: Place[] }>>();

function insertWithoutPhotosCompiled(db: Db, row: NewReport): CompiledQuery<{ report_id: string }> {
	// Kysely leaves out a column whose value is undefined: the list of the others names the statement.
	const columns = (Object.keys(row) as (keyof NewReport)[]).filter((c) => row[c] !== undefined);
	const key = columns.join();
	const cache = statements.get(db) ?? new Map<string, { sql: string; places: Place[] }>();
	statements.set(db, cache);
	let statement = cache.get(key);
	if (!statement) {
		const columnOf = new Map<unknown, keyof NewReport>();
		const marked = Object.fromEntries(
			columns.map((column) => {
				const mark = { column };
				columnOf.set(mark, column);
				return [column, mark];
			})
		) as unknown as NewReport;
		const compiled = insertWithoutPhotos(db, marked).compile();
		statement = {
			sql: compiled.sql,
			places: compiled.parameters.map((p): Place => {
				const column = columnOf.get(p);
				return column ? { column } : { value: p };
			})
		};
		cache.set(key, statement);
	}
	return CompiledQuery.raw(
		statement.sql,
		statement.places.map((p) => ('column' in p ? row[p.column] : p.value))
	);
}

/**
 * Stores a report with its photos in one transaction. The same submission key always gives the
 * same receipt and never a second report, also when two requests race.
 */
export async function create(
	db: Db,
	input: ReportInput,
	photos: CleanPhoto[],
	opts: CreateOptions
): Promise<CreateResult> {
	const { row, key, receipt } = await newRow(db, input, photos.length, opts);
	const { id, created_at: now } = row;
	try {
		if (photos.length === 0 && !db.isTransaction) {
			const { rows } = await db.executeQuery(insertWithoutPhotosCompiled(db, row));
			if (rows.length === 0) return (await existing(db, input.submissionKey))!;
		} else {
			await database.transaction(db, async (trx) => {
				await trx.insertInto('report').values(row).execute();
				for (const photo of photos) await insertPhoto(trx, id, key, photo, 'report', now);
				await trx
					.insertInto('report_event')
					.values({ report_id: id, kind: 'created', detail: '{}', at: now })
					.execute();
			});
		}
	} catch (err) {
		// A concurrent request with the same submission key committed first.
		if (isUniqueViolation(err)) {
			const winner = await existing(db, input.submissionKey);
			if (winner) return winner;
		}
		throw err;
	}
	return { reportId: id, receipt, created: true };
}

async function insertPhoto(
	db: Db,
	reportId: string,
	key: Uint8Array,
	photo: CleanPhoto,
	origin: 'report' | 'reporter' | 'staff',
	now: Date
): Promise<string> {
	const photoId = randomUUID();
	await db
		.insertInto('report_photo')
		.values({
			id: photoId,
			report_id: reportId,
			origin,
			mime: photo.mime,
			width: photo.width,
			height: photo.height,
			size: photo.bytes.length,
			content: crypto.seal(key, photo.bytes, `photo:${photoId}`),
			created_at: now
		})
		.execute();
	return photoId;
}

export async function dataKey(db: Db, reportId: string): Promise<Buffer | null> {
	const row = await db
		.selectFrom('report')
		.select('data_key')
		.where('id', '=', reportId)
		.executeTakeFirst();
	return row ? crypto.unwrapDataKey(row.data_key, reportId) : null;
}

/** The report id for a receipt, or null. */
export async function findByReceipt(db: Db, receipt: string): Promise<string | null> {
	const row = await db
		.selectFrom('report')
		.select('id')
		.where('receipt_hash', '=', receipts.hash(receipt))
		.executeTakeFirst();
	return row?.id ?? null;
}

export interface Report {
	id: string;
	regionId: string;
	gemeenteId: string | null;
	group: string;
	/** The main group and every group of its situations, in catalogue order. */
	groups: string[];
	situations: string[];
	subjectType: string | null;
	occurred: string | null;
	affected: string | null;
	consent: number;
	locale: string;
	priority: string;
	status: string;
	closedReason: string | null;
	hasContact: boolean;
	photoCount: number;
	channel: string;
	assisted: boolean;
	version: number;
	createdAt: Date;
	updatedAt: Date;
	closedAt: Date | null;
	content: Content;
}

/** A report with its content decrypted (staff code, and the reporter's own follow-up). */
export async function read(db: Db, id: string): Promise<Report | undefined> {
	const r = await db.selectFrom('report').selectAll().where('id', '=', id).executeTakeFirst();
	if (!r) return undefined;
	const key = crypto.unwrapDataKey(r.data_key, r.id);
	return {
		id: r.id,
		regionId: r.region_id,
		gemeenteId: r.gemeente_id,
		group: r.category_group,
		groups: r.category_groups,
		situations: r.situations,
		subjectType: r.subject_type,
		occurred: r.occurred,
		affected: r.affected,
		consent: r.consent_level,
		locale: r.locale,
		priority: r.priority,
		status: r.status,
		closedReason: r.closed_reason,
		hasContact: r.has_contact,
		photoCount: r.photo_count,
		channel: r.channel,
		assisted: r.assisted,
		version: r.version,
		createdAt: new Date(r.created_at),
		updatedAt: new Date(r.updated_at),
		closedAt: r.closed_at ? new Date(r.closed_at) : null,
		content: openJson<Content>(key, r.content, `report:${r.id}`)
	};
}

export interface Message {
	id: string;
	author: 'reporter' | 'staff' | 'system';
	template: string | null;
	params: Record<string, string>;
	language: string | null;
	text: string | null;
	createdAt: Date;
	/** The thread's order (and what "read up to" means); times of reporters are coarse. */
	seq: string;
}

/** Messages, with the text of coordinators' standard replies filled in for `locale`. */
export async function messagesIn(db: Db, reportId: string, locale: string): Promise<Message[]> {
	// A structured answer is read through its question (texts.answerText), not as free text.
	const list = (await messages(db, reportId)).map((msg) =>
		msg.template === 'answer'
			? { ...msg, params: { ...msg.params, value: msg.text ?? '' }, text: null }
			: msg
	);
	const ids = list.filter((msg) => msg.template === 'custom').map((msg) => msg.params.id);
	const found = ids.length > 0 ? await templates.texts(db, ids, locale) : {};
	// A region's own question carries its words in `text` (in `locale`), for readers without them.
	const own = (msg: Message) =>
		(msg.template === 'question' || msg.template === 'answer') && idOf(msg.params.key ?? '');
	const keys = list.filter(own).map((msg) => msg.params.key);
	const words =
		keys.length > 0
			? customQuestions.pack((await customQuestions.byKeys(db, keys)).values(), locale)
			: {};
	return list.map((msg) =>
		msg.template === 'custom'
			? { ...msg, params: { ...msg.params, text: found[msg.params.id] ?? '' } }
			: own(msg)
				? {
						...msg,
						params: { ...msg.params, text: words[`followup_question_${msg.params.key}`] ?? '' }
					}
				: msg
	);
}

export async function messages(db: Db, reportId: string): Promise<Message[]> {
	const key = await dataKey(db, reportId);
	if (!key) return [];
	const rows = await db
		.selectFrom('report_message')
		.selectAll()
		.where('report_id', '=', reportId)
		.orderBy('seq')
		.execute();
	return rows.map((row) => ({
		id: row.id,
		author: row.author,
		template: row.template,
		params: row.params,
		language: row.language,
		text: row.body ? crypto.open(key, row.body, `message:${row.id}`).toString('utf8') : null,
		createdAt: new Date(row.created_at),
		seq: String(row.seq)
	}));
}

export interface NewMessage {
	author: 'reporter' | 'staff' | 'system';
	staffUserId?: string | null;
	template?: string | null;
	params?: Record<string, string>;
	language?: string | null;
	text?: string | null;
}

/** Adds a message (and optional photos) to a report's thread; bumps the report's update time. */
export async function addMessage(
	db: Db,
	reportId: string,
	msg: NewMessage,
	photos: CleanPhoto[] = [],
	now = new Date()
): Promise<string | null> {
	const key = await dataKey(db, reportId);
	if (!key) return null;
	const id = randomUUID();
	// The reporter's own actions are stored to the hour; staff actions keep their exact time.
	if (msg.author === 'reporter') now = toHour(now);
	await database.transaction(db, async (trx) => {
		const { seq } = await trx
			.insertInto('report_message')
			.values({
				id,
				report_id: reportId,
				author: msg.author,
				staff_user_id: msg.staffUserId ?? null,
				template: msg.template ?? null,
				params: JSON.stringify(msg.params ?? {}),
				language: msg.language ?? null,
				body: msg.text ? crypto.seal(key, Buffer.from(msg.text), `message:${id}`) : null,
				created_at: now
			})
			.returning('seq')
			.executeTakeFirstOrThrow();
		for (const photo of photos) {
			await insertPhoto(
				trx,
				reportId,
				key,
				photo,
				msg.author === 'staff' ? 'staff' : 'reporter',
				now
			);
		}
		await trx
			.updateTable('report')
			.set((eb) => ({
				// Never earlier than it was: a reporter's hour may lie before a staff change.
				updated_at: sql<Date>`greatest(updated_at, ${now})`,
				photo_count: eb('photo_count', '+', photos.length),
				...(msg.author === 'reporter' ? { reporter_seq: seq } : {})
			}))
			.where('id', '=', reportId)
			.execute();
	});
	return id;
}

export interface TimelineEvent {
	kind: string;
	detail: Record<string, unknown>;
	at: Date;
}

export async function timeline(db: Db, reportId: string): Promise<TimelineEvent[]> {
	const rows = await db
		.selectFrom('report_event')
		.select(['kind', 'detail', 'at'])
		.where('report_id', '=', reportId)
		.orderBy('id')
		.execute();
	return rows.map((r) => ({ kind: r.kind, detail: r.detail, at: new Date(r.at) }));
}

export interface PhotoMeta {
	id: string;
	origin: string;
	mime: string;
	width: number;
	height: number;
	size: number;
	createdAt: Date;
}

export async function photos(db: Db, reportId: string): Promise<PhotoMeta[]> {
	const rows = await db
		.selectFrom('report_photo')
		.select(['id', 'origin', 'mime', 'width', 'height', 'size', 'created_at'])
		.where('report_id', '=', reportId)
		.orderBy('seq')
		.execute();
	return rows.map((r) => ({ ...r, createdAt: new Date(r.created_at) }));
}

/** A photo's decrypted bytes, only if it belongs to the given report. */
export async function photo(
	db: Db,
	reportId: string,
	photoId: string
): Promise<{ mime: string; bytes: Buffer } | undefined> {
	const row = await db
		.selectFrom('report_photo as p')
		.innerJoin('report as r', 'r.id', 'p.report_id')
		.select(['p.id', 'p.mime', 'p.content', 'r.data_key'])
		.where('p.id', '=', photoId)
		.where('p.report_id', '=', reportId)
		.executeTakeFirst();
	if (!row) return undefined;
	const key = crypto.unwrapDataKey(row.data_key, reportId);
	return { mime: row.mime, bytes: crypto.open(key, row.content, `photo:${row.id}`) };
}

/**
 * A reporter-originated time as it is stored: the start of its hour (UTC). Issue #17: a time to
 * the millisecond joins a report to a proxy or network log; within an hour, many requests do.
 */
export function toHour(at: Date): Date {
	return new Date(Math.floor(at.getTime() / HOUR_MS) * HOUR_MS);
}

const HOUR_MS = 60 * 60 * 1000;
