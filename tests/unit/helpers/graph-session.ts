import { createMemoryLogger } from '../../../main/core/node-adapters';
import { createGraphClient, type GraphClient } from '../../../main/meta/graph/client';
import { userAgent } from '../../../main/platform/http/json-client';
import type { FetchLike } from '../../../main/platform/ports';
import { newToken, SIMULATOR_SCOPES, tokenHash } from '../../../main/simulators/meta/world';
import type { MetaSimulator } from '../../../main/simulators/meta';

/** What a test needs of a Graph session on the simulator. */
export interface GraphSession {
  readonly graph: GraphClient;
  /** Subcodes `onSessionExpired` was called with. */
  readonly expired: (number | null)[];
  readonly logger: ReturnType<typeof createMemoryLogger>;
}

export interface GraphSessionOptions {
  /** Camille (10001) by default: both seeded portfolios. */
  readonly personId?: string;
  readonly fetch?: FetchLike;
  readonly now?: () => Date;
  readonly random?: () => number;
  readonly version?: string;
}

/**
 * A Graph client holding a fresh simulator token, the permissions granted, without going
 * through the login dialog (the session tests cover that): the Graph calls are what is tested.
 */
export function graphSession(simulator: MetaSimulator, options: GraphSessionOptions = {}): GraphSession {
  const world = simulator.world;
  const person = world.people.find((candidate) => candidate.id === (options.personId ?? '10001'));
  if (!person) throw new Error(`no seeded person ${options.personId ?? ''}`);
  for (const scope of SIMULATOR_SCOPES) person.permissions.set(scope, 'granted');
  const token = newToken();
  world.tokens.set(tokenHash(token), { person: person.id, expiresAt: new Date(Date.now() + 3_600_000), invalid: null });
  const expired: (number | null)[] = [];
  const logger = createMemoryLogger();
  const graph = createGraphClient({
    http: { fetch: options.fetch ?? ((url, init) => fetch(url, init)), logger, userAgent: userAgent('0.1.0') },
    baseUrl: () => simulator.graphBase,
    version: () => options.version ?? 'v23.0',
    token: () => token,
    onSessionExpired: (subcode) => expired.push(subcode),
    now: options.now,
    retry: options.random ? { random: options.random } : undefined,
  });
  return { graph, expired, logger };
}
