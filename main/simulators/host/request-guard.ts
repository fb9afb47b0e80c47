import type { IncomingMessage } from 'node:http';

/** Methods that only read; every other method may change the simulated state. */
const READ_METHODS = new Set(['GET', 'HEAD']);

/** Whether a request may change state, and so falls under the cross-site rule. */
export function changesState(method: string | undefined): boolean {
  return !READ_METHODS.has(method ?? 'GET');
}

/**
 * Whether a request is addressed to this host: exactly one Host header, exactly
 * `127.0.0.1:<port>`.
 *
 * SECURITY: DNS rebinding. A web page whose name an attacker re-points at 127.0.0.1 reaches the
 * simulator as "same origin" in the browser, but its requests still carry the attacker's host
 * name (or `localhost`, or another port); refusing every other Host keeps such pages from
 * reading or driving the simulator.
 */
export function isAddressedToHost(request: IncomingMessage, ownHost: string): boolean {
  const hosts = request.headersDistinct.host ?? [];
  return hosts.length === 1 && hosts[0] === ownHost;
}

/**
 * Why a state-changing request looks like it comes from another site, or null when it does not.
 *
 * SECURITY: cross-site request forgery. Browsers say where a request comes from: Sec-Fetch-Site
 * (`same-origin`, or `none` when the person typed the address) and Origin. A request from any
 * other page, including another port of 127.0.0.1 (`same-site`), is refused. Requests without
 * these headers come from programs (the app's main process, tests), not from a web page.
 */
export function crossSiteReason(request: IncomingMessage, ownOrigin: string): 'sec-fetch-site' | 'origin' | null {
  const sites = request.headersDistinct['sec-fetch-site'] ?? [];
  if (sites.some((site) => site !== 'same-origin' && site !== 'none')) return 'sec-fetch-site';
  const origins = request.headersDistinct.origin ?? [];
  if (origins.some((origin) => origin !== ownOrigin)) return 'origin';
  return null;
}
