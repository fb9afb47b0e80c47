import { createHash } from 'node:crypto';
import { createServer, type Server, type ServerResponse } from 'node:http';
import type { Socket } from 'node:net';

/** How the feed behaves; switchable between requests. */
export type FeedMode = 'available' | 'not-available' | 'malformed' | 'missing' | 'interrupt' | 'bad-checksum';

/** A generic update feed (electron-builder's layout) on 127.0.0.1, for unit and browser tests. */
export interface UpdateFeed {
  /** The feed URL an admin would enter: the folder holding latest.yml. */
  readonly url: string;
  readonly version: string;
  readonly fileName: string;
  /** The bytes of the update file, to compare with what was saved. */
  readonly payload: Buffer;
  setMode(mode: FeedMode): void;
  /** The next download sends half the file, then waits for `release()` (progress and Cancel stay on screen). */
  holdHalfway(): void;
  release(): void;
  /** Resolves once a held download has sent its first half. */
  halfwaySent(): Promise<void>;
  /** Paths requested, in order. */
  requests(): string[];
  close(): Promise<void>;
}

interface Options {
  /** Version the feed offers (default 9.1.0); `not-available` offers 0.0.1 instead. */
  version?: string;
  releaseNotes?: string;
  /** Size of the update file in bytes (default 512 KiB). */
  size?: number;
}

const sha512 = (bytes: Buffer) => createHash('sha512').update(bytes).digest('base64');

/**
 * Starts a feed serving `latest.yml` (and `latest-mac.yml`) and the file they name.
 *
 * Failures are real ones: `interrupt` announces the full length then destroys the socket
 * half-way, `bad-checksum` serves other bytes of the same size than latest.yml describes.
 */
export async function startUpdateFeed(options: Options = {}): Promise<UpdateFeed> {
  const version = options.version ?? '9.1.0';
  const size = options.size ?? 512 * 1024;
  const notes = options.releaseNotes ?? 'Faster checks of message templates.';
  const fileName = `WhatsApp-Channel-Setup-Assistant-${version}-update.bin`;
  const payload = Buffer.alloc(size, 0);
  for (let index = 0; index < size; index += 1) payload[index] = (index * 31 + 7) % 251;
  let mode: FeedMode = 'available';
  let hold = false;
  let releaseHeld: (() => void) | null = null;
  let halfway: Promise<void> = new Promise(() => undefined);
  let markHalfway: () => void = () => undefined;
  const paths: string[] = [];
  const sockets = new Set<Socket>();

  const yml = (): string => {
    if (mode === 'malformed') return 'version: [this is not\n  - a feed';
    const offered = mode === 'not-available' ? '0.0.1' : version;
    const digest = mode === 'bad-checksum' ? sha512(Buffer.alloc(size, 1)) : sha512(payload);
    return [
      `version: ${offered}`,
      'files:',
      `  - url: ${fileName}`,
      `    sha512: ${digest}`,
      `    size: ${size}`,
      `path: ${fileName}`,
      `sha512: ${digest}`,
      `releaseDate: '2026-03-02T09:00:00.000Z'`,
      `releaseNotes: ${JSON.stringify(notes)}`,
      '',
    ].join('\n');
  };

  const sendFile = (response: ServerResponse, socket: Socket) => {
    response.writeHead(200, { 'Content-Type': 'application/octet-stream', 'Content-Length': String(size) });
    const half = Math.floor(size / 2);
    response.write(payload.subarray(0, half), () => {
      if (mode === 'interrupt') {
        // The connection drops with half the announced bytes sent.
        socket.destroy();
        return;
      }
      const rest = () => response.end(payload.subarray(half));
      if (!hold) return rest();
      hold = false;
      releaseHeld = rest;
      markHalfway();
    });
  };

  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://127.0.0.1').pathname;
    paths.push(path);
    if (path === '/latest.yml' || path === '/latest-mac.yml') {
      if (mode === 'missing') {
        response.writeHead(404).end();
        return;
      }
      response.writeHead(200, { 'Content-Type': 'text/yaml' }).end(yml());
      return;
    }
    if (path === `/${fileName}`) {
      sendFile(response, request.socket);
      return;
    }
    response.writeHead(404).end();
  });
  server.on('connection', (socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('update feed has no port');

  return {
    url: `http://127.0.0.1:${address.port}`,
    version,
    fileName,
    payload,
    setMode: (next) => {
      mode = next;
    },
    holdHalfway: () => {
      hold = true;
      halfway = new Promise((resolve) => (markHalfway = resolve));
    },
    release: () => {
      releaseHeld?.();
      releaseHeld = null;
    },
    halfwaySent: () => halfway,
    requests: () => [...paths],
    close: () =>
      new Promise((done) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => done());
      }),
  };
}
