// A real OpenID provider for tests: panva's certified oidc-provider on loopback over TLS, with a
// throwaway self-signed certificate, test accounts (with and without MFA, with groups) and a
// switch that makes it answer with a forged ID token, to prove the app checks what it is given.
import { execFileSync } from 'node:child_process';
import { createPrivateKey, generateKeyPairSync, randomUUID, sign } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import Provider from 'oidc-provider';

export interface Account {
	email: string;
	email_verified: boolean;
	name?: string;
	groups?: string[];
	/** RFC 8176 methods the provider reports for the sign-in, e.g. ['pwd', 'mfa'] */
	amr?: string[];
	acr?: string;
}

export const CLIENT_ID = 'wegwijs';
export const CLIENT_SECRET = 'test-secret-that-is-long-enough-0123456789';

export interface TestProvider {
	issuer: string;
	/** PEM of the certificate the provider serves (self-signed, so also its own CA). */
	ca: string;
	caFile: string;
	/** Rewrites the claims of the next ID tokens and signs them again with the provider's key. */
	forge(change: ((claims: Record<string, unknown>) => void) | null): void;
	/** Follows an authorization URL as a browser would, signing in as `login`; returns the callback URL. */
	signIn(authorizationUrl: URL, login: string): Promise<URL>;
	close(): Promise<void>;
}

/** A self-signed certificate for 127.0.0.1 and localhost, made with openssl at test time. */
export function certificate(dir: string): { key: string; cert: string; certFile: string } {
	const keyFile = path.join(dir, 'key.pem');
	const certFile = path.join(dir, 'cert.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'ec',
			'-pkeyopt',
			'ec_paramgen_curve:prime256v1',
			'-nodes',
			'-days',
			'1',
			'-subj',
			'/CN=localhost',
			'-addext',
			'subjectAltName=IP:127.0.0.1,DNS:localhost',
			'-keyout',
			keyFile,
			'-out',
			certFile
		],
		{ stdio: 'ignore' }
	);
	return { key: readFileSync(keyFile, 'utf8'), cert: readFileSync(certFile, 'utf8'), certFile };
}

function b64url(data: Buffer | string): string {
	return Buffer.from(data).toString('base64url');
}

export async function start(opts: {
	accounts: Record<string, Account>;
	redirectUris: string[];
	postLogoutRedirectUris?: string[];
	dir?: string;
}): Promise<TestProvider> {
	const dir = opts.dir ?? mkdtempSync(path.join(os.tmpdir(), 'oidc-op-'));
	const tls = certificate(dir);
	const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
	const jwk = {
		...privateKey.export({ format: 'jwk' }),
		kid: randomUUID(),
		alg: 'RS256',
		use: 'sig'
	};
	const server = https.createServer({ key: tls.key, cert: tls.cert });
	await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
	const issuer = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;
	const provider = new Provider(issuer, {
		clients: [
			{
				client_id: CLIENT_ID,
				client_secret: CLIENT_SECRET,
				redirect_uris: opts.redirectUris,
				post_logout_redirect_uris: opts.postLogoutRedirectUris ?? [],
				grant_types: ['authorization_code'],
				response_types: ['code']
			}
		],
		jwks: { keys: [jwk as never] },
		cookies: { keys: [randomUUID()] },
		scopes: ['openid', 'email', 'profile', 'groups'],
		// Like Entra ID, amr and acr come with every sign-in (RFC 8176 methods are set by the
		// interaction below), not only when the client asks for them.
		claims: {
			openid: ['sub', 'amr', 'acr', 'auth_time'],
			email: ['email', 'email_verified'],
			profile: ['name'],
			groups: ['groups']
		},
		// Like Entra ID: the requested claims travel in the ID token itself.
		conformIdTokenClaims: false,
		pkce: { required: () => true },
		features: { devInteractions: { enabled: false }, rpInitiatedLogout: { enabled: true } },
		interactions: { url: (_ctx, interaction) => `/interaction/${interaction.uid}` },
		findAccount: (_ctx, id) => {
			const a = opts.accounts[id];
			if (!a) return undefined;
			return {
				accountId: id,
				claims: () => ({
					sub: id,
					email: a.email,
					email_verified: a.email_verified,
					name: a.name,
					groups: a.groups
				})
			};
		},
		// Consent is the gemeente's business, not the test's: every sign-in gets the grant it asks for.
		loadExistingGrant: async (ctx) => {
			const grant = new ctx.oidc.provider.Grant({
				clientId: ctx.oidc.client!.clientId,
				accountId: ctx.oidc.session!.accountId!
			});
			grant.addOIDCScope('openid email profile groups');
			grant.addOIDCClaims(['email', 'email_verified', 'name', 'groups']);
			await grant.save();
			return grant;
		}
	});
	let forgery: ((claims: Record<string, unknown>) => void) | null = null;
	const signingKey = createPrivateKey({ key: jwk as never, format: 'jwk' });
	provider.use(async (ctx, next) => {
		await next();
		const body = ctx.body as { id_token?: string } | undefined;
		if (forgery && ctx.path === '/token' && body?.id_token) {
			const [header, payload] = body.id_token.split('.');
			const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
			forgery(claims);
			const input = `${header}.${b64url(JSON.stringify(claims))}`;
			ctx.body = {
				...body,
				id_token: `${input}.${b64url(sign('sha256', Buffer.from(input), signingKey))}`
			};
		}
	});
	const callback = provider.callback();
	server.on('request', (req, res) => {
		const match = req.url?.match(/^\/interaction\/([\w-]+)$/);
		if (!match) return callback(req, res);
		void interaction(req, res, match[1]).catch((err: Error) => {
			res.statusCode = 500;
			res.end(err.message);
		});
	});

	async function interaction(
		req: import('node:http').IncomingMessage,
		res: import('node:http').ServerResponse,
		uid: string
	) {
		await provider.interactionDetails(req, res);
		if (req.method === 'GET') {
			res.setHeader('content-type', 'text/html; charset=utf-8');
			res.end(
				`<!doctype html><title>Test gemeente</title><form method="post" action="/interaction/${uid}">` +
					`<label>Account <input name="login"></label><button>Sign in at the gemeente</button></form>`
			);
			return;
		}
		let raw = '';
		for await (const chunk of req) raw += chunk;
		const login = new URLSearchParams(raw).get('login') ?? '';
		const account = opts.accounts[login];
		if (!account) {
			res.statusCode = 400;
			res.end('unknown account');
			return;
		}
		await provider.interactionFinished(
			req,
			res,
			{ login: { accountId: login, amr: account.amr, acr: account.acr } },
			{ mergeWithLastSubmission: false }
		);
	}

	return {
		issuer,
		ca: tls.cert,
		caFile: tls.certFile,
		forge(change) {
			forgery = change;
		},
		async signIn(authorizationUrl, login) {
			const jar = new Map<string, string>();
			const go = async (url: URL, init: RequestInit = {}) => {
				const res = await fetch(url, {
					...init,
					redirect: 'manual',
					headers: {
						...(init.headers as Record<string, string>),
						cookie: [...jar].map(([k, v]) => `${k}=${v}`).join('; ')
					}
				});
				for (const c of res.headers.getSetCookie()) {
					const [pair] = c.split(';');
					const at = pair.indexOf('=');
					jar.set(pair.slice(0, at), pair.slice(at + 1));
				}
				return res;
			};
			let res = await go(authorizationUrl);
			let location = new URL(res.headers.get('location')!, issuer);
			res = await go(location, {
				method: 'POST',
				headers: { 'content-type': 'application/x-www-form-urlencoded' },
				body: new URLSearchParams({ login }).toString()
			});
			for (let hops = 0; hops < 5; hops++) {
				location = new URL(res.headers.get('location')!, issuer);
				if (location.origin !== issuer) return location;
				res = await go(location);
			}
			throw new Error('the provider never sent the browser back');
		},
		close: async () => {
			server.closeAllConnections();
			await new Promise<void>((resolve) => server.close(() => resolve()));
			if (!opts.dir) rmSync(dir, { recursive: true, force: true });
		}
	};
}
