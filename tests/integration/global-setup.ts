// One real PostgreSQL server for the whole integration run; each test file makes its own database.
import type { TestProject } from 'vitest/node';
import * as pgServer from './pg-server';

declare module 'vitest' {
	export interface ProvidedContext {
		pgUrl: string;
	}
}

export default async function setup(project: TestProject) {
	const server = await pgServer.start();
	project.provide('pgUrl', server.url);
	return () => pgServer.destroy(server);
}
