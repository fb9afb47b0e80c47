import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:https';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A key and a self-signed certificate for 127.0.0.1, made for this run only. */
export interface TestCertificate {
  readonly key: string;
  readonly cert: string;
}

/**
 * Makes a certificate with openssl, or says why it cannot (no openssl on this machine): tests
 * that need one skip with that reason instead of failing.
 */
export function makeCertificate(): TestCertificate | { readonly unavailable: string } {
  const folder = mkdtempSync(join(tmpdir(), 'wcsa-cert-'));
  try {
    execFileSync(
      'openssl',
      ['req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-keyout', join(folder, 'key.pem'), '-out', join(folder, 'cert.pem'), '-days', '1', '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1'],
      { stdio: 'ignore', timeout: 10_000 },
    );
    return { key: readFileSync(join(folder, 'key.pem'), 'utf8'), cert: readFileSync(join(folder, 'cert.pem'), 'utf8') };
  } catch (error) {
    return { unavailable: `openssl could not make a test certificate (${error instanceof Error ? error.message : String(error)})` };
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

export type Route = (request: IncomingMessage, response: ServerResponse) => void;

/** A local https server whose answers a test sets per path. */
export interface TestHttpsServer {
  /** `https://127.0.0.1:<port>` */
  readonly origin: string;
  /** The certificate to trust (the byte fetch's `ca`). */
  readonly ca: string;
  /** Answers `path` with `route` from now on. */
  route(path: string, route: Route): void;
  /** Paths requested so far, oldest first. */
  requests(): string[];
  close(): Promise<void>;
}

/** Starts a server on a free port of 127.0.0.1; an unknown path answers 404. */
export async function startHttpsServer(certificate: TestCertificate): Promise<TestHttpsServer> {
  const routes = new Map<string, Route>();
  const seen: string[] = [];
  const server: Server = createServer({ key: certificate.key, cert: certificate.cert }, (request, response) => {
    const path = request.url ?? '/';
    seen.push(path);
    const route = routes.get(path);
    if (route) route(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `https://127.0.0.1:${port}`,
    ca: certificate.cert,
    route: (path, route) => void routes.set(path, route),
    requests: () => [...seen],
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

/** A route that answers with these bytes and this content type. */
export function serveBytes(bytes: Buffer, contentType = 'application/octet-stream'): Route {
  return (_request, response) => {
    response.writeHead(200, { 'Content-Type': contentType, 'Content-Length': String(bytes.length) });
    response.end(bytes);
  };
}

/** A route that redirects to `location` with `status`. */
export function redirectTo(location: string, status = 302): Route {
  return (_request, response) => void response.writeHead(status, { Location: location }).end();
}
