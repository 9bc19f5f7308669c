// The OpenAPI 3.1 description of the public API, served at /api/v1/openapi.json. Built from the
// code it describes: enums, limits and patterns are imported, so the document cannot drift from
// the handlers. Plain TypeScript without enums or namespaces, so Node can strip the types.
import {
	AFFECTED,
	CONSENT_LEVELS,
	GROUPS,
	SITUATIONS,
	STATUSES,
	SUBJECTS,
	WHEN
} from '../../report/catalogue.ts';
import { baseLocale, locales } from '../../paraglide/runtime.js';
import { MAX_BYTES, MAX_PHOTOS } from '../meldpunt/photos.ts';
import { MAX_PER_ENDPOINT } from '../push/push.ts';
import { CATEGORIES } from '../../facilities/categories.ts';
import { DAYS } from '../../facilities/hours.ts';
import { MAX_LINE, MAX_TEXT, SUBMISSION_KEY } from '../meldpunt/report-input.ts';
import { NL } from '../../shell/nl.ts';

type Schema = Record<string, unknown>;

const PHOTO_TYPES = 'image/jpeg, image/png, image/webp';

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
\`Retry-After\` header (seconds). Repeating a stored submission (same \`submission_key\`) is never
throttled. Follow-up requests are limited too, but a throttled follow-up answers exactly like an
unknown receipt (404 \`receipt_failed\`), so guessing receipts learns nothing.

## Errors

Field errors are codes, never text: \`{"errors": {"<field>": "<code>"}}\`. Errors about the request
as a whole are \`{"error": "<code>"}\`. No answer carries a stack trace.`;

/** The fields of a report; `photos` is the only one that differs between JSON and multipart. */
function submission(photos: Schema, situationsNote: string): Schema {
	const codes = SITUATIONS.map((s) => s.code);
	return {
		type: 'object',
		required: ['submission_key', 'group', 'gemeente'],
		properties: {
			submission_key: {
				type: 'string',
				pattern: SUBMISSION_KEY.source,
				description:
					'A random key the client makes once per report (for example 32 random bytes, base64url) and keeps for retries. ' +
					'The receipt is derived from it: repeating a submission with the same key returns the same receipt (200) ' +
					'and never creates a second report, even when the first answer was lost.',
				examples: ['hP3kX9v2QbN7tLw4ZsYc8RmA']
			},
			locale: {
				type: 'string',
				enum: [...locales],
				default: baseLocale,
				description: `Language of the reporter, used for messages back. Any other value is taken as "${baseLocale}".`
			},
			group: {
				type: 'string',
				enum: [...GROUPS],
				description: 'What the report is mainly about.'
			},
			situations: {
				type: 'array',
				items: { type: 'string', enum: codes },
				maxItems: 50,
				description:
					'Situation codes, all from the chosen `group` (another group answers `situations_group`). ' +
					'Duplicates are ignored. ' +
					situationsNote
			},
			subject_type: {
				type: 'string',
				enum: [...SUBJECTS],
				description: 'Who the report is about.'
			},
			subject_name: {
				type: 'string',
				maxLength: 200,
				description: 'Name of the landlord, employer or agency, if known.'
			},
			gemeente: {
				type: 'string',
				description:
					'Id of a gemeente of this region (as listed by the web form), or `"unknown"`. Anything else answers `gemeente`.',
				examples: ['unknown']
			},
			address: {
				type: 'string',
				maxLength: MAX_LINE,
				description: 'Address or place, one line.'
			},
			pin_lat: {
				type: 'number',
				minimum: NL.south,
				maximum: NL.north,
				description:
					'Latitude of a map pin (WGS84), inside the Netherlands; with `pin_lng`. Rounded to 5 decimals.'
			},
			pin_lng: {
				type: 'number',
				minimum: NL.west,
				maximum: NL.east,
				description:
					'Longitude of a map pin (WGS84), inside the Netherlands; with `pin_lat`. Rounded to 5 decimals.'
			},
			occurred: {
				type: 'string',
				enum: [...WHEN],
				description: 'When it happened.'
			},
			affected: {
				type: 'string',
				enum: [...AFFECTED],
				description: 'How many people are affected.'
			},
			text: {
				type: 'string',
				maxLength: MAX_TEXT,
				description:
					'The report in the reporter\'s own words. Required when no situation is chosen or `group` is `"other"`. ' +
					'Longer than the limit answers 413 `text_too_long`.'
			},
			consent: {
				enum: [...CONSENT_LEVELS, ...CONSENT_LEVELS.map(String)],
				default: CONSENT_LEVELS[0],
				description:
					'Who may read the report, as an integer or a string. ' +
					"`1`: only the gemeente's meldpunt. " +
					'`2`: the meldpunt may pass on what is happening to organisations that can help (such as the Labour Inspectorate), without anything that identifies the reporter. ' +
					'`3`: the meldpunt may also pass on the contact details in `contact`.'
			},
			contact_wanted: {
				type: 'string',
				enum: ['yes', 'no'],
				default: 'no',
				description: 'Whether the reporter wants to be contacted; `"yes"` requires `contact`.'
			},
			contact: {
				type: 'string',
				maxLength: 200,
				description:
					'Phone number or e-mail address. Only read when `contact_wanted` is `"yes"`; otherwise ignored and not stored.'
			},
			photos
		}
	};
}

const base64Photos: Schema = {
	type: 'array',
	maxItems: MAX_PHOTOS,
	items: {
		type: 'string',
		contentEncoding: 'base64',
		contentMediaType: 'image/*',
		maxLength: Math.ceil(MAX_BYTES / 3) * 4
	},
	description: `Up to ${MAX_PHOTOS} photos (JPEG, PNG or WebP), each base64-encoded and at most ${MAX_BYTES} bytes decoded. Metadata is removed.`
};

const binaryPhotos: Schema = {
	type: 'array',
	maxItems: MAX_PHOTOS,
	items: { type: 'string', contentMediaType: 'application/octet-stream' },
	description: `Up to ${MAX_PHOTOS} photos (JPEG, PNG or WebP), one \`photos\` part each, at most ${MAX_BYTES} bytes each. Empty parts are ignored. Metadata is removed.`
};

const TIME_RANGE: Schema = {
	type: 'array',
	prefixItems: [
		{ type: 'string', pattern: '^([01]\\d|2[0-3]):[0-5]\\d$' },
		{ type: 'string', pattern: '^(([01]\\d|2[0-3]):[0-5]\\d|24:00)$' }
	],
	minItems: 2,
	maxItems: 2,
	description: 'From and to, Dutch local time. A "to" at or before "from" runs past midnight.'
};

const facilitySchemas: Record<string, Schema> = {
	FacilityCollection: {
		type: 'object',
		required: ['type', 'features'],
		properties: {
			type: { const: 'FeatureCollection' },
			features: { type: 'array', items: ref('Facility') }
		}
	},
	Facility: {
		type: 'object',
		required: ['type', 'id', 'geometry', 'properties'],
		properties: {
			type: { const: 'Feature' },
			id: { type: 'string', format: 'uuid' },
			geometry: {
				type: 'object',
				required: ['type', 'coordinates'],
				properties: {
					type: { const: 'Point' },
					coordinates: {
						type: 'array',
						description: '[longitude, latitude], WGS 84',
						prefixItems: [
							{ type: 'number', minimum: NL.west, maximum: NL.east },
							{ type: 'number', minimum: NL.south, maximum: NL.north }
						],
						minItems: 2,
						maxItems: 2
					}
				}
			},
			properties: {
				type: 'object',
				properties: {
					name: { type: 'string' },
					category: { enum: [...CATEGORIES] },
					category_name: { type: 'string', description: 'The category in `lang`.' },
					gemeente: { type: 'string' },
					address: { type: 'string' },
					postcode: { type: 'string' },
					place: { type: 'string' },
					phone: { type: ['string', 'null'] },
					website: { type: ['string', 'null'], format: 'uri' },
					email: { type: ['string', 'null'] },
					hours: ref('OpeningHours'),
					languages: {
						type: 'array',
						items: { type: 'string', pattern: '^[a-z]{2}$' },
						description: 'ISO 639-1 codes of the languages spoken there.'
					},
					note: { type: ['string', 'null'], description: 'In `lang`, else English, else Dutch.' },
					accepts_rni: {
						type: ['boolean', 'null'],
						description: 'Takes patients registered only in the RNI; null: not known.'
					},
					new_patients: { type: ['boolean', 'null'] },
					appointment: { type: ['boolean', 'null'] },
					cost: { enum: ['free', 'paid', null] },
					wheelchair: { type: ['boolean', 'null'] },
					verified_on: { type: ['string', 'null'], format: 'date' },
					demo: { type: 'boolean', description: 'Example data from the installation.' },
					url: { type: 'string', description: 'The place page in `lang`.' }
				}
			}
		}
	},
	OpeningHours: {
		type: 'object',
		description:
			'Weekly hours plus dated exceptions, all in Dutch local time (Europe/Amsterdam). A day without ranges is closed.',
		properties: {
			weekly: {
				type: 'object',
				properties: Object.fromEntries(DAYS.map((d) => [d, { type: 'array', items: TIME_RANGE }]))
			},
			exceptions: {
				type: 'array',
				items: {
					type: 'object',
					required: ['date', 'ranges'],
					properties: {
						date: { type: 'string', format: 'date' },
						ranges: {
							type: 'array',
							items: TIME_RANGE,
							description: 'Empty: closed all day.'
						}
					}
				}
			}
		}
	}
};

const schemas: Record<string, Schema> = {
	...facilitySchemas,
	ReportSubmission: {
		...submission(base64Photos, 'A single string is taken as a list of one.'),
		description: 'A report as JSON. Numbers are accepted where the form sends strings.'
	},
	ReportSubmissionForm: {
		...submission(
			binaryPhotos,
			'In multipart/form-data, repeat the `situations` part once per code.'
		),
		description:
			'A report as multipart/form-data: the same fields as `ReportSubmission`, every value a text part except `photos`.'
	},
	Receipt: {
		type: 'object',
		required: ['receipt', 'status'],
		properties: {
			receipt: {
				type: 'string',
				pattern: '^[0-9]{4} [0-9]{4} [0-9]{4} [0-9]{4}$',
				description:
					'The only key to the report. Give it to the reporter; it cannot be looked up or recovered later.',
				examples: ['1234 5678 9012 3456']
			},
			status: { type: 'string', const: 'new' }
		}
	},
	FieldErrors: {
		type: 'object',
		required: ['errors'],
		properties: {
			errors: {
				type: 'object',
				additionalProperties: { type: 'string' },
				description:
					'Field name → error code. Codes include `submission_key`, `group`, `situations_unknown`, `situations_group`, ' +
					'`choice`, `too_long`, `gemeente`, `pin` (for `pin_lat`/`pin_lng`), `text_required`, `text_too_long`, ' +
					'`contact_required`, and for `photos`: `photo_count`, `photo_type`, `photo_too_large`, `photo_too_many_pixels`, ' +
					'`photo_unreadable`. A throttled submission answers `{"form": "throttled"}`.'
			}
		}
	},
	PushKey: {
		type: 'object',
		required: ['publicKey'],
		properties: {
			publicKey: {
				type: 'string',
				description:
					'The VAPID public key (RFC 8292), base64url: pass it as `applicationServerKey` to `pushManager.subscribe`.'
			}
		}
	},
	PushSubscriptionKeys: {
		type: 'object',
		description: 'A browser PushSubscription as `toJSON()` gives it.',
		required: ['endpoint', 'keys'],
		properties: {
			endpoint: {
				type: 'string',
				format: 'uri',
				maxLength: 2000,
				description:
					'https only. Endpoints whose host resolves to a loopback, private, link-local or other special address are refused.'
			},
			keys: {
				type: 'object',
				required: ['p256dh', 'auth'],
				properties: {
					p256dh: { type: 'string', description: 'Uncompressed P-256 public key, base64url.' },
					auth: { type: 'string', description: '16-byte auth secret, base64url.' }
				}
			}
		}
	},
	PushSubscriptionRequest: {
		type: 'object',
		required: ['subscription', 'topic', 'locale'],
		properties: {
			subscription: ref('PushSubscriptionKeys'),
			topic: {
				enum: ['news', 'report'],
				description:
					'`news`: news items of `gemeente` in `locale`. `report`: updates on the report of the follow-up session ' +
					'this browser has open (its cookie); the link is deleted with the report.'
			},
			locale: { enum: locales, description: 'Language of the notification text.' },
			gemeente: { type: 'string', description: 'Gemeente id; required for `news`.' }
		}
	},
	PushSubscriptionCreated: {
		type: 'object',
		required: ['id', 'topic'],
		properties: { id: { type: 'string', format: 'uuid' }, topic: { enum: ['news', 'report'] } }
	},
	PushEndpoint: {
		type: 'object',
		required: ['endpoint'],
		properties: {
			endpoint: { type: 'string', maxLength: 2000 },
			id: {
				type: 'string',
				format: 'uuid',
				description: 'One subscription of this endpoint; without it, all of them.'
			}
		}
	},
	PushSubscriptionList: {
		type: 'object',
		required: ['subscriptions'],
		properties: {
			subscriptions: {
				type: 'array',
				items: {
					type: 'object',
					required: ['id', 'topic', 'locale', 'gemeente'],
					properties: {
						id: { type: 'string', format: 'uuid' },
						topic: { enum: ['news', 'report'] },
						locale: { type: 'string' },
						gemeente: { type: ['string', 'null'], description: 'Name of the gemeente (news).' }
					}
				}
			}
		}
	},
	Problem: {
		type: 'object',
		required: ['error'],
		properties: { error: { type: 'string', description: 'Error code.' } }
	},
	FollowUpRequest: {
		type: 'object',
		required: ['receipt'],
		properties: {
			receipt: {
				type: 'string',
				description:
					'The 16-digit receipt; spaces, dashes and dots between the digits are ignored.',
				examples: ['1234 5678 9012 3456']
			}
		}
	},
	FollowUp: {
		type: 'object',
		required: ['status', 'createdAt', 'messages'],
		properties: {
			status: { type: 'string', enum: [...STATUSES] },
			createdAt: { type: 'string', format: 'date-time' },
			messages: { type: 'array', items: ref('Message'), description: 'Oldest first.' }
		}
	},
	Message: {
		type: 'object',
		required: ['author', 'template', 'params', 'language', 'text', 'createdAt'],
		properties: {
			author: { type: 'string', enum: ['reporter', 'staff', 'system'] },
			template: {
				type: ['string', 'null'],
				description:
					"Key of a standard message, to be shown in the reporter's language with `params`."
			},
			params: { type: 'object', additionalProperties: { type: 'string' } },
			language: {
				type: ['string', 'null'],
				description: 'Language of `text`, when known.'
			},
			text: {
				type: ['string', 'null'],
				description: 'Free text, when the message is not a template.'
			},
			createdAt: { type: 'string', format: 'date-time' }
		}
	},
	Health: {
		type: 'object',
		required: ['status', 'database', 'migrations'],
		properties: {
			status: { type: 'string', enum: ['ok', 'error'] },
			database: { type: 'string', enum: ['pglite', 'postgres'] },
			migrations: {
				type: 'integer',
				minimum: 0,
				description: 'Applied migrations; 0 when the database did not answer.'
			}
		}
	}
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
								'A repeated submission: the report with this `submission_key` already exists. Same receipt, no second report.',
							content: jsonBody(ref('Receipt'))
						},
						'400': {
							description:
								'Invalid fields (`errors`), or a body that is not valid JSON or form data (`error`).',
							content: jsonBody({
								oneOf: [
									fieldErrors({ group: 'group', text: 'text_required' }),
									problem(['json', 'form', 'photos'])
								]
							})
						},
						'413': {
							description: 'Body, text or a photo too large.',
							content: jsonBody({
								oneOf: [fieldErrors({ photos: 'photo_too_large' }), problem(['too_large'])]
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
						'400': {
							description: 'Not a receipt (`receipt_format`), or not a JSON object (`json`).',
							content: jsonBody(problem(['receipt_format', 'json']))
						},
						'404': {
							description:
								'No report for this receipt, or too many attempts: both answer the same, after the same work, ' +
								'so an unknown receipt and a throttled attempt cannot be told apart.',
							content: jsonBody(problem(['receipt_failed']))
						},
						'413': { description: 'Body too large.', content: jsonBody(problem(['too_large'])) },
						'415': {
							description: 'Not application/json.',
							content: jsonBody(problem(['content_type']))
						}
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
						{
							name: 'gemeente',
							in: 'query',
							schema: { type: 'string', pattern: '^[a-z0-9-]{1,60}$' },
							description: 'A gemeente id of the region, e.g. `tiel`.'
						},
						{ name: 'category', in: 'query', schema: { enum: [...CATEGORIES] } },
						{
							name: 'lang',
							in: 'query',
							schema: { enum: [...locales], default: baseLocale },
							description: 'Language of `category_name`, `note` and `url`.'
						},
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
						'400': {
							description: 'An unknown `lang` or `category`, or a malformed `gemeente`.',
							content: jsonBody(problem(['lang', 'category', 'gemeente']))
						}
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
						'400': {
							description:
								'Malformed subscription, not https, refused address, unknown topic, language or gemeente.',
							content: jsonBody(
								problem([
									'json',
									'subscription',
									'endpoint',
									'endpoint_address',
									'topic',
									'locale',
									'gemeente'
								])
							)
						},
						'401': {
							description:
								'`report` without an open follow-up session (open it with the receipt first).',
							content: jsonBody(problem(['followup_session']))
						},
						'409': {
							description: `This endpoint already holds ${MAX_PER_ENDPOINT} subscriptions.`,
							content: jsonBody(problem(['too_many']))
						},
						'413': { description: 'Body too large.', content: jsonBody(problem(['too_large'])) },
						'415': { description: 'Not JSON.', content: jsonBody(problem(['content_type'])) },
						'429': {
							description: 'Too many subscriptions from this client.',
							content: jsonBody(problem(['throttled']))
						}
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
						'400': {
							description: 'No endpoint, or a malformed id.',
							content: jsonBody(problem(['json', 'endpoint', 'id']))
						},
						'415': { description: 'Not JSON.', content: jsonBody(problem(['content_type'])) }
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
						'400': { description: 'No endpoint.', content: jsonBody(problem(['json', 'endpoint'])) }
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
