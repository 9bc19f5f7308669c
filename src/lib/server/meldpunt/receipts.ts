// Receipts: 16 digits the reporter keeps instead of a name. Only a keyed HMAC is stored, so a
// database dump cannot be used to open anyone's report. The receipt is derived from the form's
// submission key, so a repeated submission (double tap, retry) yields the same receipt.
import * as crypto from '../platform/crypto.ts';

export const DIGITS = 16;

export function fromSubmissionKey(submissionKey: string): string {
	const mac = crypto.hmac('receipt', submissionKey);
	// 64 bits reduced mod 10^16: a bias below 0.1 %, about 53 bits of entropy.
	const n = mac.readBigUInt64BE(0) % 10n ** BigInt(DIGITS);
	return n.toString().padStart(DIGITS, '0');
}

export function hash(receipt: string): Buffer {
	return crypto.hmac('receipt-lookup', receipt);
}

export function submissionHash(submissionKey: string): Buffer {
	return crypto.hmac('submission', submissionKey);
}

/** Grouped like a phone number: 1234 5678 9012 3456. */
export function format(receipt: string): string {
	return receipt.replace(/(\d{4})(?=\d)/g, '$1 ');
}

/** Accepts spaces, dashes and dots between digits; anything else (letters) is not a receipt. */
export function parse(input: string): string | null {
	const digits = input.replace(/[\s\-.]/g, '');
	return new RegExp(`^\\d{${DIGITS}}$`).test(digits) ? digits : null;
}
