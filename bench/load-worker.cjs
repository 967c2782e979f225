// Load generator, run in its own process by bench/run.ts. Each connection is a different signed-in professional
// asking about their own families, as a region's traffic is, rather than one user hammering one family.
// Input (JSON on argv[2]): { url, connections, seconds, clients: [{ cookie, path }] }. Output: autocannon's JSON.
const autocannon = require('autocannon');

const { url, connections, seconds, clients } = JSON.parse(process.argv[2]);
let next = 0;
autocannon(
  {
    url,
    connections,
    duration: seconds,
    setupClient(client) {
      const me = clients[next++ % clients.length];
      client.setRequests([{ method: 'GET', path: me.path, headers: me.cookie ? { cookie: me.cookie } : {} }]);
    },
  },
  (err, result) => {
    if (err) throw err;
    process.stdout.write(JSON.stringify(result));
  },
);
