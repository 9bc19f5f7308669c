// Where "Was this helpful?" appears: worker pages, but never on report and follow-up pages (they
// stay minimal and private), the survey and feedback forms themselves, or printable pages.
import { isPrivate } from '$lib/shell/private-routes';

export function showsFeedback(pathname: string): boolean {
	return (
		!isPrivate(pathname) &&
		!/^\/[a-z]{2}\/(feedback|survey)(\/|$)/.test(pathname) &&
		!/\/(print|flyer)$/.test(pathname)
	);
}
