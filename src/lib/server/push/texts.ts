// The fixed texts of push notifications, in the recipient's language. Read from the message files
// themselves (not Paraglide's runtime) so the job worker can run outside SvelteKit too.
import bg from '../../../../messages/bg.json' with { type: 'json' };
import cs from '../../../../messages/cs.json' with { type: 'json' };
import en from '../../../../messages/en.json' with { type: 'json' };
import es from '../../../../messages/es.json' with { type: 'json' };
import hu from '../../../../messages/hu.json' with { type: 'json' };
import lt from '../../../../messages/lt.json' with { type: 'json' };
import lv from '../../../../messages/lv.json' with { type: 'json' };
import nl from '../../../../messages/nl.json' with { type: 'json' };
import pl from '../../../../messages/pl.json' with { type: 'json' };
import pt from '../../../../messages/pt.json' with { type: 'json' };
import ro from '../../../../messages/ro.json' with { type: 'json' };
import sk from '../../../../messages/sk.json' with { type: 'json' };
import uk from '../../../../messages/uk.json' with { type: 'json' };
import staffEn from '../../../../messages/staff/en.json' with { type: 'json' };
import staffNl from '../../../../messages/staff/nl.json' with { type: 'json' };

type Messages = Record<string, string>;
const WORKER: Record<string, Messages> = { bg, cs, en, es, hu, lt, lv, nl, pl, pt, ro, sk, uk };
const STAFF: Record<string, Messages> = { en: staffEn, nl: staffNl };

/** What a notification is about; the text says no more than this. */
export type Kind = 'news' | 'new_report' | 'overdue';

export interface Payload {
	title: string;
	body: string;
	/** Where a tap leads: home, or the inbox. */
	url: string;
}

export function payload(kind: Kind, locale: string): Payload {
	if (kind === 'new_report' || kind === 'overdue') {
		const t = STAFF[locale] ?? STAFF.nl;
		return {
			title: t.staff_push_title,
			body: kind === 'new_report' ? t.staff_push_new_report : t.staff_push_overdue,
			url: '/staff/inbox'
		};
	}
	const lang = WORKER[locale] ? locale : 'nl';
	const t = WORKER[lang];
	return { title: t.app_name, body: t.push_news_body, url: `/${lang}` };
}
