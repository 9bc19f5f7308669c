// The one test for a UUID, used by the [id=uuid] route matcher and by every module that takes an
// id from outside before it reaches a uuid column (a malformed id would be a database error).
export const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function isUuid(value: unknown): value is string {
	return typeof value === 'string' && UUID.test(value);
}
