// The Database interface Kysely checks queries against. One table, one interface; aliases below.
import type {
	ColumnType,
	Generated,
	Insertable,
	JSONColumnType,
	Selectable,
	Updateable
} from 'kysely';
import type { OpeningHours } from '../../../facilities/hours.ts';
import type { Role } from '../../../staff/roles.ts';
import type { WelcomeContact } from '../../../guides/welcome.ts';
import type { Background, QuestionKind } from '../../../surveys/survey.ts';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type CreatedAt = ColumnType<Date, Date | string | undefined, never>;

export interface RegionTable {
	id: string;
	name: string;
	settings: JSONColumnType<Record<string, unknown>>;
	created_at: CreatedAt;
}

export interface GemeenteTable {
	id: string;
	region_id: string;
	name: string;
	cbs_code: string | null;
	created_at: CreatedAt;
}

export interface PartnerTable {
	id: string;
	region_id: string;
	slug: string;
	name: string;
	kind: string;
	handles: JSONColumnType<{ nl: string; en: string }>;
	accepts_anonymous: boolean;
	website: string | null;
	phone: string | null;
	category_groups: string[];
	/** Where referrals are e-mailed (src/lib/server/partners/contacts.ts). */
	referral_emails: Generated<string[]>;
	/** Languages the partner reads referrals in: 'nl', 'en'. */
	languages: Generated<string[]>;
	active: Generated<boolean>;
	created_at: CreatedAt;
}

export interface StaffUserTable {
	id: string;
	region_id: string;
	email: string;
	name: string;
	role: Role;
	locale: Generated<string>;
	password_hash: string | null;
	totp_key: Buffer | null;
	totp_last_counter: ColumnType<string | null, string | number | null, string | number | null>;
	disabled_at: Timestamp | null;
	/** Mail the user asked for (src/lib/server/mail/staff.ts TOPICS). */
	mail_topics: Generated<string[]>;
	/** Set once the account signed in through an OpenID provider: it then has no password. */
	oidc_provider: string | null;
	oidc_subject: string | null;
	last_sign_in_at: Timestamp | null;
	/** 'password' or 'oidc:<provider id>' */
	last_sign_in_method: string | null;
	/** The partner organisation of a 'partner' user; null for every other role. */
	partner_id: ColumnType<string | null, string | null | undefined, string | null>;
	created_at: CreatedAt;
}

export interface StaffUserGemeenteTable {
	user_id: string;
	gemeente_id: string;
}

export interface StaffSessionTable {
	id: string;
	user_id: string;
	secret_hash: Buffer;
	two_factor_verified: boolean;
	/** 'password' or 'oidc:<provider id>' */
	method: Generated<string>;
	/** The region's absolute lifetime for this session; null: the built-in maximum. */
	expires_at: Timestamp | null;
	created_at: Timestamp;
	last_seen_at: Timestamp;
}

export interface OidcLoginTable {
	/** SHA-256 of the state sent to the provider. */
	state_hash: Buffer;
	region_id: string;
	provider_id: string;
	nonce: string;
	code_verifier: string;
	next: string;
	expires_at: Timestamp;
}

export interface SetupLinkTable {
	id: string;
	secret_hash: Buffer;
	user_id: string | null;
	region_id: string;
	expires_at: Timestamp;
	used_at: Timestamp | null;
	created_at: CreatedAt;
}

export interface AuditLogTable {
	id: Generated<string>;
	at: CreatedAt;
	actor_id: string | null;
	action: string;
	object_type: string | null;
	object_id: string | null;
	gemeente_id: string | null;
	detail: ColumnType<Record<string, unknown>, string | undefined, never>;
}

export interface Database {
	region: RegionTable;
	gemeente: GemeenteTable;
	partner: PartnerTable;
	staff_user: StaffUserTable;
	staff_user_gemeente: StaffUserGemeenteTable;
	staff_session: StaffSessionTable;
	oidc_login: OidcLoginTable;
	setup_link: SetupLinkTable;
	audit_log: AuditLogTable;
	report: ReportTable;
	report_photo: ReportPhotoTable;
	report_message: ReportMessageTable;
	report_event: ReportEventTable;
	followup_session: FollowupSessionTable;
	report_note: ReportNoteTable;
	report_read: ReportReadTable;
	report_question: ReportQuestionTable;
	referral: ReferralTable;
	referral_link: ReferralLinkTable;
	report_tombstone: ReportTombstoneTable;
	job_run: JobRunTable;
	reply_template: ReplyTemplateTable;
	custom_question: CustomQuestionTable;
	fact: FactTable;
	welcome_pack: WelcomePackTable;
	welcome_text: WelcomeTextTable;
	rate_limit: RateLimitTable;
	key_fingerprint: KeyFingerprintTable;
	push_subscription: PushSubscriptionTable;
	news_item: NewsItemTable;
	facility: FacilityTable;
	facility_version: FacilityVersionTable;
	survey: SurveyTable;
	survey_question: SurveyQuestionTable;
	survey_response: SurveyResponseTable;
	survey_answer: SurveyAnswerTable;
	survey_tally: SurveyTallyTable;
	survey_text: SurveyTextTable;
	survey_code: SurveyCodeTable;
	survey_comment: SurveyCommentTable;
	yousaid_note: YousaidNoteTable;
	feedback: FeedbackTable;
	mail: MailTable;
}

export interface QuestionOption {
	key: string;
	texts: Record<string, string>;
}
export interface ShowIf {
	question: string;
	choices: string[];
}
type DateOnly = ColumnType<string, string, string>;

export interface SurveyTable {
	id: string;
	region_id: string;
	title: string;
	series: string;
	titles: JSONColumnType<Record<string, string>>;
	locales: string[];
	gemeenten: string[];
	opens_on: ColumnType<string | null, string | null | undefined, string | null>;
	closes_on: ColumnType<string | null, string | null | undefined, string | null>;
	state: Generated<'draft' | 'open' | 'closed'>;
	requires_code: Generated<boolean>;
	created_at: CreatedAt;
}

export interface SurveyQuestionTable {
	id: string;
	survey_id: string;
	key: string;
	version: Generated<number>;
	position: number;
	kind: QuestionKind;
	texts: JSONColumnType<Record<string, string>>;
	options: JSONColumnType<QuestionOption[]>;
	show_if: JSONColumnType<ShowIf | null, string | null, string | null>;
	background: Background | null;
	retired_at: Timestamp | null;
}

export interface SurveyResponseTable {
	id: string;
	survey_id: string;
	week: DateOnly;
	locale: string;
	gemeente: string | null;
	stay: string | null;
	sector: string | null;
	submission_hash: Buffer;
}

export interface SurveyAnswerTable {
	response_id: string;
	survey_id: string;
	question_id: string;
	choice: string;
	locale: string;
	gemeente: string | null;
	stay: string | null;
	sector: string | null;
}

export interface SurveyTallyTable {
	survey_id: string;
	question_id: string;
	choice: string;
	locale: string;
	gemeente: string;
	stay: string;
	n: number;
}

export type ModerationState = 'pending' | 'approved' | 'rejected';

export interface SurveyTextTable {
	id: string;
	survey_id: string;
	question_id: string;
	week: DateOnly;
	locale: string;
	body: string;
	flags: string[];
	state: Generated<ModerationState>;
	moderated_by: string | null;
}

export interface SurveyCodeTable {
	code_hash: Buffer;
	survey_id: string;
	spent: Generated<boolean>;
}

export interface SurveyCommentTable {
	id: string;
	survey_id: string;
	question_key: string;
	author_id: string | null;
	body: string;
	created_at: CreatedAt;
}

export interface YousaidNoteTable {
	id: string;
	region_id: string;
	texts: JSONColumnType<Record<string, string>>;
	created_by: string | null;
	published_at: CreatedAt;
}

export interface FeedbackTable {
	id: string;
	region_id: string;
	page: string;
	helpful: boolean | null;
	locale: string;
	week: DateOnly;
	body: string | null;
	flags: string[];
	state: Generated<ModerationState>;
	submission_hash: Buffer;
}

export interface FacilityVersionTable {
	region_id: string;
	version: ColumnType<string, string | number, string | number>;
	changed_at: Timestamp;
}

export interface FacilityTable {
	id: string;
	region_id: string;
	gemeente_id: string;
	category: string;
	name: string;
	address: string;
	postcode: string;
	place: string;
	lat: number;
	lng: number;
	phone: string | null;
	website: string | null;
	email: string | null;
	hours: JSONColumnType<OpeningHours>;
	languages: string[];
	notes: JSONColumnType<Record<string, string>>;
	accepts_rni: boolean | null;
	new_patients: boolean | null;
	appointment: boolean | null;
	cost: 'free' | 'paid' | null;
	wheelchair: boolean | null;
	published: Generated<boolean>;
	verified_on: ColumnType<string | null, string | null, string | null>;
	demo: Generated<boolean>;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export interface ReplyTemplateTable {
	id: string;
	region_id: string;
	title: string;
	texts: JSONColumnType<Record<string, string>>;
	active: Generated<boolean>;
	created_by: string | null;
	created_at: CreatedAt;
}

export interface CustomQuestionTable {
	id: string;
	region_id: string;
	type: 'choice' | 'yesno' | 'date' | 'number' | 'text';
	texts: JSONColumnType<Record<string, { question: string; options: string[] }>>;
	retired_at: Timestamp | null;
	created_by: string | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
}

export type PushTopic = 'news' | 'staff_reports' | 'staff_overdue';

export interface PushSubscriptionTable {
	id: string;
	endpoint: string;
	p256dh: string;
	auth: string;
	topic: PushTopic;
	locale: string;
	gemeente_id: string | null;
	staff_user_id: string | null;
	created_at: CreatedAt;
}

export type MailState = 'queued' | 'sent' | 'failed';

export interface MailTable {
	id: string;
	region_id: string;
	kind: string;
	recipient: string;
	locale: string;
	/** Sealed with the master key (AAD `mail:<id>`): the link or counts the text needs. */
	params: Buffer;
	state: ColumnType<MailState, MailState | undefined, MailState>;
	attempts: Generated<number>;
	/** The SMTP server's answer on failure (code and reply), never the message. */
	error: string | null;
	created_at: CreatedAt;
	settled_at: Timestamp | null;
}

export interface NewsItemTable {
	id: string;
	story_id: string;
	version: Generated<number>;
	gemeente_id: string;
	locale: string;
	title: string;
	body: string;
	created_by: string | null;
	created_at: CreatedAt;
}

export interface JobRunTable {
	job: string;
	day: string;
	started_at: CreatedAt;
	finished_at: Timestamp | null;
	result: ColumnType<Record<string, unknown> | null, string | null, string | null>;
}

export type StaffUser = Selectable<StaffUserTable>;
export type NewStaffUser = Insertable<StaffUserTable>;
export type StaffUserUpdate = Updateable<StaffUserTable>;
export type StaffSession = Selectable<StaffSessionTable>;
export type Gemeente = Selectable<GemeenteTable>;
export type Partner = Selectable<PartnerTable>;
export type Region = Selectable<RegionTable>;

export interface ReportTable {
	id: string;
	/** filed by staff on the worker's behalf */
	assisted: Generated<boolean>;
	region_id: string;
	gemeente_id: string | null;
	category_group: string;
	/** Every group the report touches: its main group and the groups of its situations. */
	category_groups: ColumnType<string[], string[] | undefined, string[]>;
	situations: string[];
	subject_type: string | null;
	occurred: string | null;
	affected: string | null;
	consent_level: number;
	locale: string;
	priority: string;
	status: Generated<string>;
	closed_reason: string | null;
	has_contact: boolean;
	photo_count: Generated<number>;
	channel: Generated<string>;
	data_key: Buffer;
	content: Buffer;
	receipt_hash: Buffer;
	submission_hash: Buffer;
	version: Generated<number>;
	created_at: CreatedAt;
	updated_at: Timestamp;
	assigned_to: string | null;
	duplicate_of: string | null;
	ack_due_at: Timestamp | null;
	feedback_due_at: Timestamp | null;
	acknowledged_at: Timestamp | null;
	feedback_at: Timestamp | null;
	closed_at: Timestamp | null;
	contact_wiped_at: Timestamp | null;
	/** `seq` of the reporter's latest message (unread replies compare against report_read). */
	reporter_seq: string | null;
}

export interface ReportReadTable {
	report_id: string;
	staff_user_id: string;
	seq: string;
}

export interface ReportQuestionTable {
	id: string;
	seq: Generated<string>;
	report_id: string;
	/** A key of the question catalogue ($lib/casework/questions) or `custom_<id>`, never text. */
	key: string;
	asked_by: string | null;
	asked_at: Timestamp;
	answered_at: Timestamp | null;
	answer_message_id: string | null;
	withdrawn_at: Timestamp | null;
}

export interface ReportNoteTable {
	id: string;
	report_id: string;
	staff_user_id: string | null;
	/** Set when the note is a partner's answer from the partner desk (src/lib/server/partners/desk.ts). */
	partner_id: string | null;
	body: Buffer;
	created_at: CreatedAt;
}

export interface ReferralTable {
	id: string;
	report_id: string;
	partner_id: string;
	consent_level: number;
	channel: string;
	reference: string | null;
	outcome: string | null;
	/** src/lib/partners/answers.ts */
	answer: string | null;
	acknowledged_at: Timestamp | null;
	answered_at: Timestamp | null;
	referred_on: ColumnType<string, string, string>;
	package: Buffer;
	created_by: string | null;
	created_at: CreatedAt;
	updated_at: Timestamp;
	withdrawn_at: Timestamp | null;
	/** When the partner and the handler were reminded of an unacknowledged referral. */
	reminded_at: Timestamp | null;
	/** The partner's latest message, sealed with the report's data key. */
	partner_message: Buffer | null;
	/** With the answer 'not_ours': where the partner says it belongs. */
	where_instead: string | null;
	desk_version: Generated<number>;
}

/** The partner desk's single-use link of a referral (src/lib/server/partners/desk.ts). */
export interface ReferralLinkTable {
	id: string;
	referral_id: string;
	secret_hash: Buffer;
	code_hash: Buffer;
	expires_at: Timestamp;
	used_at: Timestamp | null;
	session_hash: Buffer | null;
	wrong_codes: Generated<number>;
	created_at: CreatedAt;
}

export interface ReportTombstoneTable {
	id: string;
	assisted: Generated<boolean>;
	region_id: string;
	gemeente_id: string | null;
	category_group: string;
	category_groups: ColumnType<string[], string[] | undefined, string[]>;
	created_on: ColumnType<string, string, string>;
	acknowledged_on: ColumnType<string | null, string | null, string | null>;
	closed_on: ColumnType<string | null, string | null, string | null>;
	closed_reason: string | null;
	referrals: string[];
	deleted_at: CreatedAt;
}

export interface ReportPhotoTable {
	id: string;
	report_id: string;
	origin: 'report' | 'reporter' | 'staff';
	mime: string;
	width: number;
	height: number;
	size: number;
	content: Buffer;
	created_at: CreatedAt;
	seq: Generated<string>;
}

export interface ReportMessageTable {
	id: string;
	report_id: string;
	author: 'reporter' | 'staff' | 'system';
	staff_user_id: string | null;
	template: string | null;
	params: ColumnType<Record<string, string>, string | undefined, string>;
	language: string | null;
	body: Buffer | null;
	created_at: CreatedAt;
	seq: Generated<string>;
}

export interface ReportEventTable {
	id: Generated<string>;
	report_id: string;
	kind: string;
	detail: ColumnType<Record<string, unknown>, string | undefined, string>;
	at: CreatedAt;
}

export interface FollowupSessionTable {
	id: string;
	secret_hash: Buffer;
	report_id: string;
	created_at: Timestamp;
	last_seen_at: Timestamp;
}
export type Facility = Selectable<FacilityTable>;

export type FactKind = 'money' | 'percent' | 'number' | 'area' | 'date' | 'text';

export interface FactTable {
	key: string;
	kind: FactKind;
	/** Plain value: '14.40', '25', '2025-07-01', '0900-8844'; formatted per locale on display. */
	value: string;
	checked_on: ColumnType<string, string, string>;
	/** The first day the value holds (a law's or decision's start); null when it has no start. */
	valid_from: ColumnType<string | null, string | null | undefined, string | null>;
	/** The value's end or the day it must be checked again; worker pages stop stating it after. */
	review_by: ColumnType<string | null, string | null | undefined, string | null>;
	/** An official source states the value; false shows it to workers as unconfirmed. */
	confirmed: ColumnType<boolean, boolean | undefined, boolean>;
	source: string;
	updated_by: string | null;
	updated_at: Timestamp;
}

export interface WelcomePackTable {
	gemeente_id: string;
	contacts: JSONColumnType<WelcomeContact[]>;
	published_at: Timestamp | null;
	updated_by: string | null;
	updated_at: Timestamp;
}

export interface WelcomeTextTable {
	gemeente_id: string;
	locale: string;
	welcome: string;
	waste: string;
	parking: string;
	noise: string;
	updated_at: Timestamp;
}

/** HMAC of a fixed label under each key (`master`, `pepper`): tells keys apart, reveals none. */
export interface KeyFingerprintTable {
	name: 'master' | 'pepper';
	fingerprint: string;
}

export interface RateLimitTable {
	/** HMAC of purpose and account, never the account itself. */
	key: string;
	count: number;
	reset_at: Date;
}
