// Reading matter: no framework JavaScript, so it opens fast on a cheap phone (issue #15: ≤ 5 KB).
// What needs a script comes from the small /js/reading.js; without it the page reads the same.
export const csr = false;
