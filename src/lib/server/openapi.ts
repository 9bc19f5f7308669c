// placeholder replaced by helper
export function document(): Record<string, unknown> {
	return { openapi: '3.1.0' };
}
