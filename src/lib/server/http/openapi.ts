// The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json. The paths are
// written here; every request and answer schema is generated from the valibot schemas that parse
// and describe it (src/lib/report/schema.ts, push/schema.ts …), so the document cannot drift from
// the handlers. Plain TypeScript without enums or namespaces, so Node can strip the types.
import { toJsonSchema } from '@valibot/to-json-schema';
import * as v from 'valibot';
import { MAX_BYTES, MAX_PHOTOS } from '../meldpunt/photos.ts';
import { MAX_PER_ENDPOINT } from '../push/push.ts';
import * as pushSchema from '../push/schema.ts';
import * as facility from '../../facilities/schema.ts';
import {
	Answered,
	FollowUp,
	FollowUpAnswers,
	FollowUpRequest,
	Receipt,
	ReportFields
} from '../../report/schema.ts';

type Schema = Record<string, unknown>;

const PHOTO_TYPES = 'image/jpeg, image/png, image/webp';

/**
 * A valibot schema as JSON Schema 2020-12 (OpenAPI 3.1's dialect). Cleaning (`transform`) and
 * checks that JSON Schema cannot say (`check`) are left out; their limits are in the metadata.
 */
export function jsonSchema(schema: v.GenericSchema): Schema {
	const converted = toJsonSchema(schema, {
		target: 'draft-2020-12',
		ignoreActions: ['transform', 'check']
	}) as Schema;
	delete converted.$schema;
	return converted;
}

/** Query parameters from an object schema: one per property, with its schema and description. */
function queryParameters(schema: v.GenericSchema): Schema[] {
	const object = jsonSchema(schema);
	const required = (object.required as string[] | undefined) ?? [];
	return Object.entries(object.properties as Record<string, Schema>).map(([name, property]) => {
		const { description, ...rest } = property;
		return {
			name,
			in: 'query',
			required: required.includes(name),
			schema: rest,
			...(description ? { description } : {})
		};
	});
}

function ref(name: string): Schema {
	return { $ref: `#/components/schemas/${name}` };
}

function jsonBody(schema: Schema): Schema {
	return { 'application/json': { schema } };
}

/** A Problem whose `error` is one of `codes`. */
function problem(codes: string[]): Schema {
	return { allOf: [ref('Problem'), { properties: { error: { enum: codes } } }] };
}

/** FieldErrors as answered for one status, with an example. */
function fieldErrors(example: Record<string, string>): Schema {
	return { allOf: [ref('FieldErrors')], examples: [{ errors: example }] };
}

/** An error answer: a Problem whose `error` is one of `codes`. */
function failure(description: string, codes: string[]): Schema {
	return { description, content: jsonBody(problem(codes)) };
}

/** What each call that opens a report by its receipt may answer besides its own 200 and 400. */
function receiptFailures(): Record<string, Schema> {
	return {
		'404': failure('No report for this receipt.', ['receipt_failed']),
		'429': failure('Too many attempts from this client; try again after `Retry-After` seconds.', [
			'followup_busy'
		]),
		'413': failure('Body too large.', ['too_large']),
		'415': failure('Not application/json.', ['content_type'])
	};
}

const INTRO = `Public intake for reports about housing and working conditions of labour migrants,
for partner channels (a FairWork volunteer, a gemeente counter) that submit on a worker's behalf.
The same rules and the same receipt as the web form.

## Anonymity

- No IP address and no user agent is stored with a report or written to a log. The client address
  is used only for rate limiting, as a keyed hash held in memory.
- No account, no cookie, no API key. The **receipt** (16 digits, shown as \`1234 5678 9012 3456\`) is
  the only key to a report. Only a keyed hash of it is stored, so a lost receipt cannot be
  recovered and a database dump does not open any report. Hand it to the reporter, and do not keep it.
- Photos are decoded and re-encoded before they are stored: EXIF, GPS and other metadata never reach
  the database.

## Rate limits

Submissions are limited per client and overall. A throttled submission answers **429** with a
\`Retry-After\` header (seconds). A repeated submission (same \`submission_key\`) counts as a
follow-up attempt. Follow-up requests are limited per client (an IPv6 client is its /64); a throttled
follow-up answers **429** \`followup_busy\` with \`Retry-After\`, and a right receipt from any other
client still opens.

## Errors

Field errors are codes, never text: \`{"errors": {"<field>": "<code>"}}\`. Errors about the request
as a whole are \`{"error": "<code>"}\`. No answer carries a stack trace.`;

const base64Photos = v.optional(
	v.pipe(
		v.array(
			v.pipe(
				v.string(),
				v.metadata({
					contentEncoding: 'base64',
					contentMediaType: 'image/*',
					maxLength: Math.ceil(MAX_BYTES / 3) * 4
				})
			)
		),
		v.maxLength(MAX_PHOTOS),
		v.description(
			`Up to ${MAX_PHOTOS} photos (JPEG, PNG or WebP), each base64-encoded and at most ${MAX_BYTES} bytes decoded. Metadata is removed.`
		)
	)
);

const binaryPhotos = v.optional(
	v.pipe(
		v.array(v.pipe(v.string(), v.metadata({ contentMediaType: 'application/octet-stream' }))),
		v.maxLength(MAX_PHOTOS),
		v.description(
			`Up to ${MAX_PHOTOS} photos (JPEG, PNG or WebP), one \`photos\` part each, at most ${MAX_BYTES} bytes each. Empty parts are ignored. Metadata is removed.`
		)
	)
);

const FieldErrors = v.object({
	errors: v.pipe(
		v.record(v.string(), v.string()),
		v.description(
			'Field name → error code. Codes include `submission_key`, `group`, `situations_unknown`, `situations_too_many`, ' +
				'`choice`, `too_long`, `gemeente`, `pin` (for `pin_lat`/`pin_lng`), `text_required`, `text_too_long`, ' +
				'`contact_required`, and for `photos`: `photo_count`, `photo_type`, `photo_too_large`, `photo_too_many_pixels`, ' +
				'`photo_unreadable`. A throttled submission answers `{"form": "throttled"}`.'
		)
	)
});

const AnswerErrors = v.object({
	errors: v.pipe(
		v.record(v.string(), v.string()),
		v.description(
			'Question id → error code: `question_date`, `question_number`, `question_choice`, `question_text` (a value ' +
				'the question does not take), `question_answered` (answered before: a retry stores nothing twice), ' +
				'`question_withdrawn` (the meldpunt took the question back). Nothing of the request is stored.'
		)
	)
});

const Problem = v.object({ error: v.pipe(v.string(), v.description('Error code.')) });

const Health = v.object({
	status: v.picklist(['ok', 'error']),
	database: v.picklist(['pglite', 'postgres']),
	migrations: v.pipe(
		v.number(),
		v.integer(),
		v.minValue(0),
		v.description('Applied migrations; 0 when the database did not answer.')
	)
});

const schemas: Record<string, Schema> = {
	FacilityCollection: {
		...jsonSchema(facility.FacilityCollection),
		properties: {
			type: { const: 'FeatureCollection' },
			features: { type: 'array', items: ref('Facility') }
		}
	},
	Facility: jsonSchema(facility.Facility),
	ReportSubmission: {
		...jsonSchema(v.object({ ...ReportFields.entries, photos: base64Photos })),
		description: 'A report as JSON. Numbers are accepted where the form sends strings.'
	},
	ReportSubmissionForm: {
		...jsonSchema(v.object({ ...ReportFields.entries, photos: binaryPhotos })),
		description:
			'A report as multipart/form-data: the same fields as `ReportSubmission`, every value a text part except `photos`.'
	},
	Receipt: jsonSchema(Receipt),
	FieldErrors: jsonSchema(FieldErrors),
	PushKey: jsonSchema(pushSchema.Key),
	PushSubscriptionKeys: jsonSchema(pushSchema.subscription(false)),
	PushSubscriptionRequest: {
		...jsonSchema(pushSchema.request(false)),
		properties: {
			...(jsonSchema(pushSchema.request(false)).properties as Schema),
			subscription: ref('PushSubscriptionKeys')
		}
	},
	PushSubscriptionCreated: jsonSchema(pushSchema.Created),
	PushEndpoint: jsonSchema(pushSchema.Endpoint),
	PushSubscriptionList: jsonSchema(pushSchema.List),
	Problem: jsonSchema(Problem),
	FollowUpRequest: jsonSchema(FollowUpRequest),
	FollowUp: jsonSchema(FollowUp),
	FollowUpAnswers: jsonSchema(FollowUpAnswers),
	Answered: jsonSchema(Answered),
	AnswerErrors: jsonSchema(AnswerErrors),
	Health: jsonSchema(Health)
};

export function document(): Record<string, unknown> {
	return {
		openapi: '3.1.0',
		info: {
			title: 'Wegwijs API',
			version: '1',
			description: INTRO
		},
		servers: [{ url: '/' }],
		tags: [
			{ name: 'reports', description: 'Submitting reports and following them up.' },
			{
				name: 'push',
				description:
					'Web push (RFC 8030/8291/8292). Every notification is a fixed text in the chosen language, with no report id, ' +
					'category, gemeente or sender in it. A subscription stores only the endpoint, its keys, the topic, the language and ' +
					'one link: no address, no user agent.'
			},
			{ name: 'facilities', description: 'Places workers look for, as GeoJSON.' },
			{ name: 'service', description: 'Health and this description.' }
		],
		paths: {
			'/api/v1/reports': {
				post: {
					operationId: 'submitReport',
					tags: ['reports'],
					summary: 'Submit a report',
					description:
						'Stores a report and answers its receipt. Send the same `submission_key` again to retry safely: ' +
						'a submission already stored answers 200 with the same receipt, without checking the fields again.',
					requestBody: {
						required: true,
						content: {
							'application/json': { schema: ref('ReportSubmission') },
							'multipart/form-data': {
								schema: ref('ReportSubmissionForm'),
								encoding: {
									photos: { contentType: PHOTO_TYPES },
									situations: { style: 'form', explode: true }
								}
							}
						}
					},
					responses: {
						'201': { description: 'Stored as a new report.', content: jsonBody(ref('Receipt')) },
						'200': {
							description:
								'A retry of the same submission (same `submission_key`, same content, within 15 minutes). Same receipt, no second report.',
							content: jsonBody(ref('Receipt'))
						},
						'409': {
							description:
								'This `submission_key` was used before, for other content or longer ago: no receipt. Send with a new key.',
							content: jsonBody(fieldErrors({ submission_key: 'submission_key_used' }))
						},
						'400': {
							description:
								'Invalid fields (`errors`), or a body that is not valid JSON or form data (`error`).',
							content: jsonBody({
								oneOf: [
									fieldErrors({ group: 'group', text: 'text_required', photos: 'photo_encoding' }),
									problem(['json', 'form', 'photos', 'aborted'])
								]
							})
						},
						'413': {
							description: 'Body, text or a photo too large.',
							content: jsonBody({
								oneOf: [
									fieldErrors({ photos: 'photo_too_large' }),
									problem(['too_large', 'too_many_fields'])
								]
							})
						},
						'415': {
							description:
								'Neither JSON nor multipart/form-data, or a photo that is not JPEG, PNG or WebP.',
							content: jsonBody({
								oneOf: [fieldErrors({ photos: 'photo_type' }), problem(['content_type'])]
							})
						},
						'429': {
							description: 'Too many submissions; try again after `Retry-After` seconds.',
							headers: {
								'Retry-After': {
									description: 'Seconds to wait before retrying.',
									schema: { type: 'integer', minimum: 1 }
								}
							},
							content: jsonBody(fieldErrors({ form: 'throttled' }))
						}
					}
				}
			},
			'/api/v1/reports/follow-up': {
				post: {
					operationId: 'followUpReport',
					tags: ['reports'],
					summary: 'Status and messages of a report',
					description: 'Answers in one response and keeps no session. At most 4096 bytes of JSON.',
					requestBody: { required: true, content: jsonBody(ref('FollowUpRequest')) },
					responses: {
						'200': {
							description: "The report's status and its messages.",
							content: jsonBody(ref('FollowUp'))
						},
						'400': failure('Not a receipt (`receipt_format`), or not a JSON object (`json`).', [
							'receipt_format',
							'json'
						]),
						...receiptFailures()
					}
				}
			},
			'/api/v1/reports/follow-up/answers': {
				post: {
					operationId: 'answerQuestions',
					tags: ['reports'],
					summary: "Answer the meldpunt's open questions",
					description:
						'Answers some or all of the open questions listed in `questions` of the follow-up answer, checked exactly as ' +
						'the follow-up page checks them. All answers are stored together or none is. Keeps no session; ' +
						'the receipt is throttled like the follow-up. At most 16384 bytes of JSON.',
					requestBody: { required: true, content: jsonBody(ref('FollowUpAnswers')) },
					responses: {
						'200': { description: 'Stored.', content: jsonBody(ref('Answered')) },
						'400': {
							description:
								'A wrong answer (`errors`, by question id), no answer at all (`question_none`), a malformed ' +
								'body (`answers`, `json`) or not a receipt (`receipt_format`).',
							content: jsonBody({
								oneOf: [
									ref('AnswerErrors'),
									problem(['question_none', 'answers', 'receipt_format', 'json'])
								]
							})
						},
						...receiptFailures()
					}
				}
			},
			'/api/v1/facilities': {
				get: {
					operationId: 'listFacilities',
					tags: ['facilities'],
					summary: 'Published facilities of the region as GeoJSON',
					description:
						'Every published facility, optionally of one gemeente and category, with texts in `lang`. ' +
						'Answers carry an `ETag`; send it back in `If-None-Match` to get 304 when nothing changed. ' +
						'Caches may keep an answer for five minutes.',
					parameters: [
						...queryParameters(facility.Query),
						{ name: 'If-None-Match', in: 'header', schema: { type: 'string' } }
					],
					responses: {
						'200': {
							description: 'The facilities.',
							headers: {
								ETag: { schema: { type: 'string' } },
								'Cache-Control': { schema: { type: 'string' } }
							},
							content: { 'application/geo+json': { schema: ref('FacilityCollection') } }
						},
						'304': { description: 'Not changed since the ETag sent in `If-None-Match`.' },
						'400': failure('An unknown `lang` or `category`, or a malformed `gemeente`.', [
							'lang',
							'category',
							'gemeente'
						])
					}
				}
			},
			'/api/health': {
				get: {
					operationId: 'health',
					tags: ['service'],
					summary: 'Liveness and database reachability',
					responses: {
						'200': { description: 'The database answers.', content: jsonBody(ref('Health')) },
						'503': {
							description: 'The database does not answer in time.',
							content: jsonBody(ref('Health'))
						}
					}
				}
			},
			'/api/v1/push/key': {
				get: {
					operationId: 'pushKey',
					tags: ['push'],
					summary: 'The VAPID public key',
					responses: {
						'200': { description: 'The key.', content: jsonBody(ref('PushKey')) }
					}
				}
			},
			'/api/v1/push/subscriptions': {
				post: {
					operationId: 'createPushSubscription',
					tags: ['push'],
					summary: 'Subscribe to news or to updates on a report',
					description: 'Subscribing again to the same topic and target answers the same id.',
					requestBody: { required: true, content: jsonBody(ref('PushSubscriptionRequest')) },
					responses: {
						'201': {
							description: 'Subscribed.',
							content: jsonBody(ref('PushSubscriptionCreated'))
						},
						'400': failure(
							'Malformed subscription, not https, refused address, unknown topic, language or gemeente.',
							[
								'json',
								'subscription',
								'endpoint',
								'endpoint_address',
								'topic',
								'locale',
								'gemeente'
							]
						),
						'401': failure(
							'`report` without an open follow-up session (open it with the receipt first).',
							['followup_session']
						),
						'409': failure(`This endpoint already holds ${MAX_PER_ENDPOINT} subscriptions.`, [
							'too_many'
						]),
						'413': failure('Body too large.', ['too_large']),
						'415': failure('Not JSON.', ['content_type']),
						'429': failure('Too many subscriptions from this client.', ['throttled'])
					}
				},
				delete: {
					operationId: 'deletePushSubscription',
					tags: ['push'],
					summary: 'Unsubscribe',
					description:
						'Removes one subscription of the endpoint, or all of them. Answers 204 whether or not anything matched.',
					requestBody: { required: true, content: jsonBody(ref('PushEndpoint')) },
					responses: {
						'204': { description: 'Removed (or nothing to remove).' },
						'400': failure('No endpoint, or a malformed id.', ['json', 'endpoint', 'id']),
						'415': failure('Not JSON.', ['content_type'])
					}
				}
			},
			'/api/v1/push/subscriptions/query': {
				post: {
					operationId: 'listPushSubscriptions',
					tags: ['push'],
					summary: "List an endpoint's subscriptions",
					description: 'POST, so the endpoint (a secret) never appears in a URL.',
					requestBody: { required: true, content: jsonBody(ref('PushEndpoint')) },
					responses: {
						'200': {
							description: 'The subscriptions.',
							content: jsonBody(ref('PushSubscriptionList'))
						},
						'400': failure('No endpoint.', ['json', 'endpoint'])
					}
				}
			},
			'/api/v1/openapi.json': {
				get: {
					operationId: 'openapi',
					tags: ['service'],
					summary: 'This document',
					responses: {
						'200': {
							description: 'The OpenAPI 3.1 description of this API.',
							content: jsonBody({ type: 'object' })
						}
					}
				}
			}
		},
		components: { schemas }
	};
}
