// Shared by the staff facility routes: who is acting, and the form's fields as strings.
import type { SessionUser } from '../staff/session.ts';
import { FIELDS, type Actor } from './facilities.ts';

export function actor(user: SessionUser): Actor {
	return { id: user.id, role: user.role, regionId: user.regionId, gemeenten: user.gemeenten };
}

/** Every facility field from a form, as typed (bounded), so it can be echoed back on an error. */
export function fields(form: FormData): Record<string, string> {
	return Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? '').slice(0, 5000)]));
}
