// The HTTP status for each refusal of the domain, so the web form and the API answer alike.
import type { Refusal } from '../meldpunt/intake.ts';

export const REFUSAL: Readonly<Record<Refusal, 400 | 409 | 413 | 415 | 429>> = {
	invalid: 400,
	too_large: 413, // RFC 9110 15.5.14
	unsupported_type: 415, // RFC 9110 15.5.16
	throttled: 429, // RFC 6585 4
	key_used: 409 // RFC 9110 15.5.10: the key conflicts with what it was used for
};
