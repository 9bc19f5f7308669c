// See https://svelte.dev/docs/kit/types#app.d.ts
import type { Session, SessionUser } from '$lib/server/staff/session';

declare global {
	namespace App {
		interface Locals {
			/** Worker-side locale (URL prefix, else Accept-Language). */
			locale: import('$lib/paraglide/runtime.js').Locale;
			/** Staff-side language: Dutch or English. */
			staffLocale: import('$lib/i18n/staff').StaffLocale;
			user: SessionUser | null;
			session: Session | null;
			/** Set when a request failed because the database could not be reached. */
			unavailable?: boolean;
		}
		interface Error {
			message: string;
		}
	}
}

export {};
