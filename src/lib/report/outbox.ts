// The outbox lives in static/js/outbox.js, which the server-rendered report form loads as it is
// (issue #15); the Svelte pages import the same file from here, so there is one definition.
export * from '../../../static/js/outbox.js';
export type { Pending } from '../../../static/js/outbox.js';
