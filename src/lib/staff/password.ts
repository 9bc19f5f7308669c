// NIST 800-63B: a staff password is judged by its length alone. The server checks these bounds and
// the form states and enforces them, from this one place.
export const MIN_LENGTH = 8;
export const MAX_LENGTH = 128;
