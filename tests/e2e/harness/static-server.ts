import { createServer, type Server } from 'node:http';
import { loadRendererAsset } from '../../../main/platform/security/protocol-path';

export interface StaticServer {
  readonly origin: string;
  close(): Promise<void>;
}

/**
 * Serves the built renderer over HTTP on loopback exactly as the app:// protocol does.
 *
 * It calls the app's own loadRendererAsset, so the CSP, its nonce and the path rules are the
 * app's: a page that would be blocked in the app is blocked in the tests too.
 */
export async function startStaticServer(rootDir: string): Promise<StaticServer> {
  let origin = '';
  const server: Server = createServer((request, response) => {
    // The raw path goes through unparsed, so `..` reaches the same refusal as in the app.
    void loadRendererAsset(rootDir, `${origin}${request.url ?? '/'}`, origin).then((asset) => {
      response.writeHead(asset.status, { ...asset.headers, 'Content-Length': String(asset.body.byteLength) });
      response.end(asset.body);
    });
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('static server has no port');
  origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    close: () => new Promise((done) => server.close(() => done())),
  };
}
