// What a worker locale needs before it can be switched on, as a list of what is missing. The unit
// tests run it for every locale, and for a made-up one to prove the list names every step of
// README's "A locale" (a locale left out anywhere would otherwise show Dutch or nothing).
import fs from 'node:fs';
import path from 'node:path';

export interface Registers {
	/** The project's root folder (where messages/ is). */
	root: string;
	/** Locales with a name in their own language (src/lib/i18n/locales.ts). */
	named: readonly string[];
	/** Locales whose message file the server reads (src/lib/server/i18n/messages.ts). */
	registered: readonly string[];
}

type Json = Record<string, unknown>;

function readJson(file: string): Json | null {
	try {
		return JSON.parse(fs.readFileSync(file, 'utf8')) as Json;
	} catch {
		return null;
	}
}

const placeholders = (s: string) => (s.match(/\{\w+\}/g) ?? []).sort().join(' ');

/** Every step still to do for `locale`; empty when it is complete. */
export function missing(locale: string, r: Registers): string[] {
	const out: string[] = [];
	const settings = readJson(path.join(r.root, 'messages/project.inlang/settings.json'));
	if (!((settings?.locales as string[] | undefined) ?? []).includes(locale)) {
		out.push(`messages/project.inlang/settings.json: "${locale}" is not in "locales"`);
	}
	const base = readJson(path.join(r.root, 'messages/en.json')) ?? {};
	const own = readJson(path.join(r.root, `messages/${locale}.json`));
	if (!own)
		out.push(`messages/${locale}.json: no such file (copy messages/en.json and translate it)`);
	else {
		const keys = Object.keys(base).filter((k) => !k.startsWith('$'));
		const absent = keys.filter((k) => typeof own[k] !== 'string' || !(own[k] as string).trim());
		if (absent.length > 0) out.push(`messages/${locale}.json: missing ${absent.join(', ')}`);
		const changed = keys.filter(
			(k) =>
				typeof own[k] === 'string' &&
				placeholders(own[k] as string) !== placeholders(base[k] as string)
		);
		if (changed.length > 0)
			out.push(`messages/${locale}.json: placeholders differ in ${changed.join(', ')}`);
	}
	if (!fs.existsSync(path.join(r.root, `src/lib/guides/content/${locale}.json`))) {
		out.push(`src/lib/guides/content/${locale}.json: no such file (the shape of en.json there)`);
	}
	if (!r.named.includes(locale)) {
		out.push(`src/lib/i18n/locales.ts: no name for "${locale}" in nativeNames`);
	}
	if (!r.registered.includes(locale)) {
		out.push(
			`src/lib/server/i18n/messages.ts: messages/${locale}.json is not imported into WORKER`
		);
	}
	return out;
}
