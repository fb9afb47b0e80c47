import FindMyWay from 'find-my-way';
import type { RouteAudience, RouteHandler, RouteMethod, RouteOptions, RouteTable } from './plugin';

/** A route found for a request. */
export interface FoundRoute {
  readonly handler: RouteHandler;
  readonly audience: RouteAudience;
  readonly params: Readonly<Record<string, string>>;
}

/** The host's routes: what plugins register, and the lookup the server does per request. */
export interface HostRoutes extends RouteTable {
  /** The route for a method and path (no query), or null; throws on a path that cannot be decoded. */
  find(method: string, path: string): FoundRoute | null;
}

interface Entry {
  readonly handler: RouteHandler;
  readonly audience: RouteAudience;
}

const KNOWN_METHODS = new Set<string>(['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Routes on find-my-way, the radix-tree router under Fastify.
 *
 * Static paths win over parameters whatever the order of registration, regular-expression
 * parameters are checked for catastrophic backtracking, and registering a path twice throws:
 * the properties the if-chain of the first simulator only had by care.
 */
export function createHostRoutes(): HostRoutes {
  const router = FindMyWay({ caseSensitive: true, ignoreTrailingSlash: false });

  const on = (methods: readonly RouteMethod[], path: string, handler: RouteHandler, options: RouteOptions = {}): void => {
    const all: FindMyWay.HTTPMethod[] = [...methods];
    if (methods.includes('GET')) all.push('HEAD');
    // SECURITY: every route is a browser route (cross-site checked) unless it says otherwise.
    const entry: Entry = { handler, audience: options.audience ?? 'browser' };
    router.on(all, path, () => undefined, entry);
  };

  return {
    on,
    get: (path, handler, options) => on(['GET'], path, handler, options),
    post: (path, handler, options) => on(['POST'], path, handler, options),
    find(method, path) {
      if (!KNOWN_METHODS.has(method)) return null;
      const found = router.find(method as FindMyWay.HTTPMethod, path);
      if (!found) return null;
      const entry = found.store as Entry;
      const params: Record<string, string> = {};
      for (const [name, value] of Object.entries(found.params)) if (value !== undefined) params[name] = value;
      return { handler: entry.handler, audience: entry.audience, params };
    },
  };
}
