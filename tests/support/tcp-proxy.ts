import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy in front of PostgreSQL, so a test can take the database away from a running app and give it back,
 * without touching the PostgreSQL server that other tests share.
 */
export interface TcpProxy {
  port: number;
  /** The database is gone: every connection is cut and nothing listens (new connections are refused). */
  cut(): Promise<void>;
  /** The database does not answer: connections are cut, new ones are accepted but nothing ever comes back. */
  blackHole(): Promise<void>;
  /** The database is back on the same port. */
  resume(): Promise<void>;
  close(): Promise<void>;
}

export async function startTcpProxy(upstream: { host: string; port: number }): Promise<TcpProxy> {
  const sockets = new Set<Socket>();
  let mode: 'forward' | 'black-hole' = 'forward';
  const track = (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
    s.on('error', () => s.destroy());
  };
  const server: Server = createServer((client) => {
    track(client);
    if (mode === 'black-hole') return; // accepted, read, never answered
    const db = connect(upstream.port, upstream.host);
    track(db);
    client.pipe(db);
    db.pipe(client);
    client.on('close', () => db.destroy());
    db.on('close', () => client.destroy());
  });
  const listen = (port: number) => new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, '127.0.0.1', () => { server.off('error', reject); resolve(); });
  });
  const stopListening = () => new Promise<void>((resolve) => (server.listening ? server.close(() => resolve()) : resolve()));
  const dropAll = () => { for (const s of sockets) s.destroy(); };

  await listen(0);
  const port = (server.address() as { port: number }).port;
  return {
    port,
    cut: async () => {
      const closed = stopListening();
      dropAll();
      await closed;
    },
    blackHole: async () => {
      mode = 'black-hole';
      dropAll();
      if (!server.listening) await listen(port);
    },
    resume: async () => {
      mode = 'forward';
      // The unanswered connections of a black hole go too, as a restarted server's would.
      dropAll();
      if (!server.listening) await listen(port);
    },
    close: async () => {
      const closed = stopListening();
      dropAll();
      await closed;
    },
  };
}
