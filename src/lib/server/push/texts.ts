// The fixed texts of push notifications, in the recipient's language, from the same message files
// and the same lookup as every page (../i18n/messages.ts), so a new locale cannot be left out here.
import { staffText, text, WORKER } from '../i18n/messages.ts';

/** What a notification is about; the text says no more than this. */
export type Kind = 'news' | 'new_report' | 'reply' | 'overdue';

export interface Payload {
	title: string;
	body: string;
	/** Where a tap leads: home, or the inbox. */
	url: string;
}

export function payload(kind: Kind, locale: string): Payload {
	if (kind !== 'news') {
		const body = {
			new_report: 'staff_push_new_report',
			reply: 'staff_push_reply',
			overdue: 'staff_push_overdue'
		} as const;
		return {
			title: staffText(locale, 'staff_push_title'),
			body: staffText(locale, body[kind]),
			url: kind === 'reply' ? '/staff/inbox?unread=1' : '/staff/inbox'
		};
	}
	const lang = Object.hasOwn(WORKER, locale) ? locale : 'nl';
	return { title: text(lang, 'app_name'), body: text(lang, 'push_news_body'), url: `/${lang}` };
}
