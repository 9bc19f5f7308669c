// Every setting the server reads from the environment, in one place (README: Configuration).
// Plain process.env so the CLI, the tests and the built server read the same values.
import path from 'node:path';

function int(name: string, fallback: number): number {
	const raw = process.env[name];
	if (raw === undefined || raw === '') return fallback;
	const value = Number.parseInt(raw, 10);
	if (!Number.isFinite(value)) throw new Error(`${name} must be a whole number`);
	return value;
}

export interface Config {
	databaseUrl: string | undefined;
	/** PostgreSQL only: the owner role's URL; migrations run with it, the app with DATABASE_URL. */
	databaseOwnerUrl: string | undefined;
	dataDir: string;
	origin: string;
	logLevel: string;
	region: string;
	argonConcurrency: number;
	/** Reports one client (keyed HMAC of its address) may submit per hour. */
	intakePerClientPerHour: number;
	/** Receipt attempts one client may make per 15 minutes. */
	followupPerClient: number;
	/** Reports the whole instance accepts per minute (a flood guard). */
	intakeGlobalPerMinute: number;
	/** Survey responses, feedback items and follow-up replies one client may send per hour. */
	surveyPerClientPerHour: number;
	feedbackPerClientPerHour: number;
	replyPerClientPerHour: number;
	/** PostgreSQL connections per app instance. */
	dbPoolSize: number;
	/** How long a PostgreSQL query may take before it fails (client and server side), ms. */
	dbQueryTimeoutMs: number;
	/** How long to wait for a PostgreSQL connection (new or from the pool), ms. */
	dbConnectTimeoutMs: number;
	/** Embedded database: below this much free space under DATA_DIR, writes are refused (MB). */
	diskMinFreeMb: number;
	/** Push messages one app instance sends per second at most. */
	pushPerSecond: number;
	/** Host names (and their subdomains) a push endpoint may point at: the browsers' push services. */
	pushHosts: string[];
	/** Map tiles we proxy: a URL template with {z}, {x} and {y}. */
	tileSource: string;
	/** Disk cache for proxied tiles under DATA_DIR/tiles, in megabytes. */
	tileCacheMb: number;
	/** Tiles one client may fetch per minute (keyed HMAC of its address, in memory). */
	tileLimitPerMinute: number;
	/** Survey results: smallest group shown (k); never below 5. */
	surveyMinCell: number;
	/** smtp(s)://user:pass@host:port; unset → e-mail is off. */
	smtpUrl: string | undefined;
	mailFrom: string;
	mailReplyTo: string | undefined;
	/** First retry delay of a transient SMTP failure, doubled each time. */
	mailRetrySeconds: number;
	mailRetryLimit: number;
	/** Connection, greeting and socket timeout towards the SMTP server. */
	mailTimeoutMs: number;
	/** How long a partner-desk link works before the handler must send a new one. */
	partnerLinkHours: number;
	/** Working days without acknowledgement after which partner and handler are reminded. */
	partnerRemindWorkingDays: number;
	/** Where to report a vulnerability (RFC 9116 Contact: mailto: or https: URIs); none: no security.txt. */
	securityContacts: string[];
	/** When security.txt stops being valid (RFC 9116 Expires); unset: 180 days after the request. */
	securityExpires: string | undefined;
}

// PDOK BRT-Achtergrondkaart: the Dutch government's free base map (CC BY 4.0), Web Mercator tiles.
export const PDOK_TILES =
	'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';

function hostOf(origin: string | undefined): string {
	try {
		return new URL(origin ?? '').hostname || 'localhost';
	} catch {
		return 'localhost';
	}
}

export function read(env: NodeJS.ProcessEnv = process.env): Config {
	return {
		databaseUrl: env.DATABASE_URL || undefined,
		databaseOwnerUrl: (env.DATABASE_URL && env.DATABASE_OWNER_URL) || undefined,
		dataDir: path.resolve(env.DATA_DIR || './data'),
		origin: (env.ORIGIN || `http://localhost:${env.PORT || 3000}`).replace(/\/$/, ''),
		logLevel: env.LOG_LEVEL || 'info',
		region: env.WEGWIJS_REGION || 'rivierenland',
		argonConcurrency: int('ARGON2_CONCURRENCY', 2),
		intakePerClientPerHour: int('INTAKE_LIMIT_PER_HOUR', 30),
		followupPerClient: int('FOLLOWUP_LIMIT_PER_15_MIN', 10),
		intakeGlobalPerMinute: int('INTAKE_LIMIT_GLOBAL_PER_MIN', 6000),
		surveyPerClientPerHour: int('SURVEY_LIMIT_PER_HOUR', 10),
		feedbackPerClientPerHour: int('FEEDBACK_LIMIT_PER_HOUR', 30),
		replyPerClientPerHour: int('REPLY_LIMIT_PER_HOUR', 20),
		dbPoolSize: int('DB_POOL_SIZE', 20),
		dbQueryTimeoutMs: int('DB_QUERY_TIMEOUT_MS', 10_000),
		dbConnectTimeoutMs: int('DB_CONNECT_TIMEOUT_MS', 10_000),
		diskMinFreeMb: int('DISK_MIN_FREE_MB', 64),
		pushPerSecond: int('WEGWIJS_PUSH_PER_SECOND', 500),
		pushHosts: (
			env.WEGWIJS_PUSH_HOSTS ||
			'fcm.googleapis.com,updates.push.services.mozilla.com,push.apple.com,notify.windows.com'
		)
			.split(',')
			.map((h) => h.trim().toLowerCase())
			.filter(Boolean),
		tileSource: env.TILE_SOURCE || PDOK_TILES,
		tileCacheMb: int('TILE_CACHE_MB', 200),
		tileLimitPerMinute: int('TILE_LIMIT_PER_MIN', 600),
		// Issue #7: k ≥ 5 whatever the setting says.
		surveyMinCell: Math.max(5, int('SURVEY_MIN_CELL', 5)),
		smtpUrl: env.SMTP_URL || undefined,
		mailFrom: env.MAIL_FROM || `Wegwijs <noreply@${hostOf(env.ORIGIN)}>`,
		mailReplyTo: env.MAIL_REPLY_TO || undefined,
		mailRetrySeconds: Math.max(1, int('MAIL_RETRY_SECONDS', 30)),
		mailRetryLimit: int('MAIL_RETRY_LIMIT', 8),
		mailTimeoutMs: int('MAIL_TIMEOUT_SECONDS', 30) * 1000,
		partnerLinkHours: Math.max(1, int('PARTNER_LINK_HOURS', 72)),
		partnerRemindWorkingDays: Math.max(1, int('PARTNER_REMIND_WORKING_DAYS', 2)),
		securityContacts: (env.WEGWIJS_SECURITY_CONTACT || '')
			.split(',')
			.map((c) => c.trim())
			.filter(Boolean),
		securityExpires: env.WEGWIJS_SECURITY_EXPIRES || undefined
	};
}

export const config = read();
