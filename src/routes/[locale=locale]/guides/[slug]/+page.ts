// A guide is reading matter: it ships no framework JavaScript at all, so it opens fast on a cheap
// phone (issue #6: ≤ 40 KB). Ticking steps and saving for offline use come from the small
// /js/guide.js, and without it the guide reads the same.
export const csr = false;
