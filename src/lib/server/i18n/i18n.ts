// Server side of Paraglide: both message runtimes read their locale from one AsyncLocalStorage
// that the `handle` hook fills per request, so concurrent requests never share a locale.
import { AsyncLocalStorage } from 'node:async_hooks';
import * as worker from '$lib/paraglide/runtime.js';
import * as staff from '$lib/paraglide-staff/runtime.js';

interface Store {
	locale: worker.Locale;
	staffLocale: staff.Locale;
}

const storage = new AsyncLocalStorage<Store>();

worker.overwriteGetLocale(() => storage.getStore()?.locale ?? worker.baseLocale);
staff.overwriteGetLocale(() => storage.getStore()?.staffLocale ?? staff.baseLocale);

export function run<T>(store: Store, fn: () => T): T {
	return storage.run(store, fn);
}
