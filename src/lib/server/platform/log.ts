// Structured JSON logs. Anonymity rule: a log line never holds an IP address, a user agent, a cookie
// or the query string of a request; request lines carry the route id, never the raw URL.
import pino from 'pino';
import { config } from './config.ts';

export const log = pino({
	level: config.logLevel,
	base: undefined,
	timestamp: pino.stdTimeFunctions.isoTime,
	// Belt and braces: if someone logs a request-ish object, these never reach the output.
	redact: {
		paths: [
			'ip',
			'*.ip',
			'address',
			'*.address',
			'userAgent',
			'*.userAgent',
			'headers',
			'*.headers',
			'cookie',
			'*.cookie',
			'url',
			'*.url',
			'token',
			'*.token',
			'password',
			'*.password'
		],
		remove: true
	}
});
