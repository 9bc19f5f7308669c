// The report a worker or a partner channel submits, and the follow-up with its receipt: one valibot
// schema per input for the web form and the JSON API alike. Every message is an error code (a
// message-key suffix), and the OpenAPI document is generated from these schemas.
import * as v from 'valibot';
import {
	AFFECTED,
	CONSENT_LEVELS,
	GROUPS,
	SITUATIONS,
	STATUSES,
	SUBJECTS,
	WHEN,
	current
} from './catalogue.ts';
import { fields, lineField, textField } from '../input/schema.ts';
import { baseLocale, locales } from '../paraglide/runtime.js';

import { MAX_LINE, MAX_TEXT } from './catalogue.ts';
import { NL } from '../shell/nl.ts';
import { ANSWER_TYPES } from '../casework/custom-questions.ts';

export { MAX_LINE, MAX_TEXT, NL };
export const MAX_NAME = 200;
/** Most situations one report may tick; more is refused (the form offers about forty). */
export const MAX_SITUATIONS = 20;
// ASVS 7.2.3: at least 128 random bits. 32 characters carry 128 bits even as hex; fewer than 8
// different characters in 32 random ones never happens by chance, only by hand (`aaaa…`).
export const SUBMISSION_KEY = /^[A-Za-z0-9_-]{32,128}$/;

export function validKey(key: string): boolean {
	return SUBMISSION_KEY.test(key) && new Set(key).size >= 8;
}

function inside(min: number, max: number) {
	return (s: string) => {
		const n = Number(s);
		return s.trim() !== '' && Number.isFinite(n) && n >= min && n <= max;
	};
}

/** A coordinate of the map pin. Forms send text, JSON may send a number: both are read as text. */
function coordinate(min: number, max: number, description: string) {
	return v.optional(
		v.pipe(
			v.string('pin'),
			v.check(inside(min, max), 'pin'),
			v.metadata({ type: ['number', 'string'], minimum: min, maximum: max, description })
		)
	);
}

function choice<const T extends string>(options: readonly T[], description: string) {
	return v.optional(v.pipe(v.picklist(options, 'choice'), v.description(description)));
}

/**
 * The fields of a report as they arrive after transport (a form's repeated field or a JSON number is
 * read as text first, see report-input.ts). Rules across fields — a
 * text when nothing else says what happened, contact details when contact is wanted, a gemeente of
 * this region — are checked after it.
 */
export const ReportFields = fields({
	submission_key: v.pipe(
		v.string('submission_key'),
		v.regex(SUBMISSION_KEY, 'submission_key'),
		v.check(validKey, 'submission_key'),
		v.description(
			'A random key the client makes once per report and keeps for retries: at least 128 random bits, ' +
				'32 to 128 characters (for example 32 random bytes, base64url). Repeating the same submission ' +
				'(same key, same content) within 15 minutes returns the same receipt (200) and never creates a ' +
				'second report. A key already used for other content, or after that window, answers 409 ' +
				'`submission_key_used` without a receipt; such repeats count as follow-up attempts.'
		),
		v.examples(['hP3kX9v2QbN7tLw4ZsYc8RmA'])
	),
	locale: v.optional(
		v.pipe(
			v.string(),
			v.metadata({
				enum: [...locales],
				default: baseLocale,
				description: `Language of the reporter, used for messages back. Any other value is taken as "${baseLocale}".`
			})
		)
	),
	group: v.pipe(
		v.picklist(GROUPS, 'group'),
		v.description(
			'What the report is mainly about. Its situations may come from other groups as well.'
		)
	),
	situations: v.optional(
		v.pipe(
			v.array(
				v.picklist(
					SITUATIONS.map((s) => s.code),
					'situations_unknown'
				),
				'situations_unknown'
			),
			v.maxLength(MAX_SITUATIONS, 'situations_too_many'),
			v.transform((codes: string[]) => current(codes)),
			v.description(
				'Situation codes from any group: one report may tick housing, work and registration ' +
					'situations together, and its priority is that of the most urgent one. At most ' +
					`${MAX_SITUATIONS} (more answers \`situations_too_many\`); an unknown code answers ` +
					'`situations_unknown`. Duplicates are ignored. Retired codes are still accepted and read as ' +
					'the codes that replace them (`deposit_costs` → `deposit`, `service_costs`, `fines`; ' +
					'`no_contract` → `no_rental_contract`, `rent_deducted`, `housing_tied_to_job`). A single ' +
					'string is taken as a list of one; in multipart/form-data, repeat the `situations` part once per code.'
			)
		),
		[]
	),
	subject_type: choice(SUBJECTS, 'Who the report is about.'),
	subject_name: v.optional(
		v.pipe(
			lineField(MAX_NAME, 'too_long'),
			v.description('Name of the landlord, employer or agency, if known.')
		),
		''
	),
	gemeente: v.pipe(
		v.string('gemeente'),
		v.description(
			'Id of a gemeente of this region (as listed by the web form), or `"unknown"`. Anything else answers `gemeente`.'
		),
		v.examples(['unknown'])
	),
	address: v.optional(
		v.pipe(lineField(MAX_LINE, 'too_long'), v.description('Address or place, one line.')),
		''
	),
	pin_lat: coordinate(
		NL.south,
		NL.north,
		'Latitude of a map pin (WGS84), inside the Netherlands; with `pin_lng`. Rounded to 5 decimals.'
	),
	pin_lng: coordinate(
		NL.west,
		NL.east,
		'Longitude of a map pin (WGS84), inside the Netherlands; with `pin_lat`. Rounded to 5 decimals.'
	),
	occurred: choice(WHEN, 'When it happened.'),
	affected: choice(AFFECTED, 'How many people are affected.'),
	text: v.optional(
		v.pipe(
			textField(MAX_TEXT, 'text_too_long'),
			v.description(
				'The report in the reporter\'s own words. Required when no situation is chosen or `group` is `"other"`. ' +
					'Longer than the limit answers 413 `text_too_long`.'
			)
		),
		''
	),
	consent: v.optional(
		v.pipe(
			v.picklist(
				CONSENT_LEVELS.map((l) => String(l) as `${(typeof CONSENT_LEVELS)[number]}`),
				'choice'
			),
			v.metadata({
				type: ['integer', 'string'],
				enum: [...CONSENT_LEVELS, ...CONSENT_LEVELS.map(String)],
				default: CONSENT_LEVELS[0],
				description:
					'Who may read the report, as an integer or a string. ' +
					"`1`: only the gemeente's meldpunt. " +
					'`2`: the meldpunt may pass on what is happening to organisations that can help (such as the Labour Inspectorate): what, where, when, how many people, who it is about, the text as a handler redacted it and photos a handler chose, without the contact details. ' +
					'`3`: the meldpunt may also pass on the contact details in `contact`.'
			})
		),
		'1'
	),
	contact_wanted: v.optional(
		v.pipe(
			v.string(),
			v.metadata({
				enum: ['yes', 'no'],
				default: 'no',
				description: 'Whether the reporter wants to be contacted; `"yes"` requires `contact`.'
			})
		),
		'no'
	),
	contact: v.optional(
		v.pipe(
			lineField(MAX_NAME, 'too_long'),
			v.description(
				'Phone number or e-mail address. Only read when `contact_wanted` is `"yes"`; otherwise ignored and not stored.'
			)
		),
		''
	)
});

export type ReportFieldsOutput = v.InferOutput<typeof ReportFields>;

/** The answer to a stored report. */
export const Receipt = v.object({
	receipt: v.pipe(
		v.string(),
		v.regex(/^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$/),
		v.description(
			'The only key to the report. Give it to the reporter; it cannot be looked up or recovered later.'
		),
		v.examples(['1234 5678 9012 3456'])
	),
	status: v.literal('new')
});

/** Opening a report with its receipt, on the follow-up page and in the API. */
export const FollowUpRequest = fields({
	receipt: v.pipe(
		v.string('receipt_format'),
		v.maxLength(100, 'receipt_format'),
		v.description('The 16-digit receipt; spaces, dashes and dots between the digits are ignored.'),
		v.examples(['1234 5678 9012 3456'])
	)
});

/**
 * Answers to open questions through the API: the receipt, and question id → the typed value as
 * the web form sends it. Each value is checked by its question's own schema
 * ($lib/casework/questions `schema`), the same check as the follow-up page's form.
 */
export const FollowUpAnswers = fields({
	receipt: FollowUpRequest.entries.receipt,
	answers: v.pipe(
		v.record(
			v.pipe(v.string(), v.uuid('answers')),
			v.pipe(v.string('answers'), v.maxLength(1_000, 'answers')),
			'answers'
		),
		v.check((a) => Object.keys(a).length <= 50, 'answers'),
		v.description(
			'Question id (from `questions` of the follow-up answer) → the answer: `YYYY-MM-DD` for a date, digits for a number, ' +
				'`yes`/`no` for yes/no, the `value` of one of `choices` for a choice, one line for text. A blank answer leaves that question open.'
		),
		v.examples([{ '0b7c2f7e-3c1d-4a7e-9a59-2f1c4b0e8d11': '2026-11-30' }])
	)
});

const OpenQuestion = v.object({
	id: v.pipe(v.string(), v.uuid(), v.description('Send the answer under this id.')),
	type: v.picklist(ANSWER_TYPES),
	question: v.pipe(v.string(), v.description("The question in the report's language.")),
	choices: v.pipe(
		v.array(v.object({ value: v.string(), label: v.string() })),
		v.description('For yes/no and choice: the values to answer with and their labels; else empty.')
	),
	min: v.pipe(v.nullable(v.number()), v.description('For a number: the smallest answer.')),
	max: v.pipe(v.nullable(v.number()), v.description('For a number: the largest answer.')),
	maxLength: v.pipe(v.nullable(v.number()), v.description('For text: the longest answer.'))
});

/** What the API answers after storing answers: how many were stored. */
export const Answered = v.object({ answered: v.pipe(v.number(), v.integer(), v.minValue(1)) });

/** A reporter's reply on the follow-up page; photos are checked by their bytes (photos.ts). */
export const FollowUpReply = v.object({
	text: v.optional(textField(MAX_TEXT, 'text_too_long'), '')
});

const Message = v.object({
	author: v.picklist(['reporter', 'staff', 'system']),
	template: v.pipe(
		v.nullable(v.string()),
		v.description(
			"Key of a standard message, to be shown in the reporter's language with `params`."
		)
	),
	params: v.pipe(
		v.record(v.string(), v.string()),
		v.description(
			'For `question` and `answer`: `key` is the question; a question the meldpunt wrote itself (`key` starting ' +
				"with `custom_`) has its words in `text`, in the report's language. An answer's `value` is as sent, `type` its kind."
		)
	),
	language: v.pipe(v.nullable(v.string()), v.description('Language of `text`, when known.')),
	text: v.pipe(
		v.nullable(v.string()),
		v.description('Free text, when the message is not a template.')
	),
	createdAt: v.pipe(v.string(), v.isoTimestamp())
});

/** What the API answers for a receipt: the status and the thread, oldest first. */
export const FollowUp = v.object({
	status: v.picklist(STATUSES),
	createdAt: v.pipe(v.string(), v.isoTimestamp()),
	messages: v.pipe(v.array(Message), v.description('Oldest first.')),
	questions: v.pipe(
		v.array(OpenQuestion),
		v.description('Questions of the meldpunt still waiting for an answer, oldest first.')
	)
});
