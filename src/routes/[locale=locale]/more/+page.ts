// Reading matter with one switch: no framework JavaScript, so it opens fast on a cheap phone
// (issue #15). News messages need a script anyway (the browser's push service); the small
// /js/push.js turns them on, and /js/reading.js does what it does on every reading page.
export const csr = false;
