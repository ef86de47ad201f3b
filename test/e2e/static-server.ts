import { createServer, type Server } from "node:http";
import { readFile } from "node:fs/promises";
import * as path from "node:path";
import type { AddressInfo } from "node:net";

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".png": "image/png",
  ".wasm": "application/wasm",
  ".xml": "application/xml",
  ".txt": "text/plain; charset=utf-8",
  ".map": "application/json",
};

export interface StaticServer {
  origin: string;
  close(): Promise<void>;
}

/** Serves a built dist/ on 127.0.0.1 at a free port chosen by the OS. Read-only, no directory listings. */
export async function serveDirectory(root: string): Promise<StaticServer> {
  const base = path.resolve(root);
  const server: Server = createServer((request, response) => {
    const url = new URL(request.url ?? "/", "http://localhost");
    const file = path.resolve(base, "." + decodeURIComponent(url.pathname));
    if (!file.startsWith(base + path.sep)) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) => {
        response.writeHead(200, {
          "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
          "Cache-Control": "no-store",
        });
        response.end(body);
      },
      () => response.writeHead(404, { "Content-Type": "text/plain" }).end("not found"),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
