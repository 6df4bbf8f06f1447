// The work itself, written as anyone would by hand: the article's summing loop, and one HTTP GET with a
// keep-alive agent that, like concur's http-get task, never caps sockets (1,000 in flight are 1,000
// connections). Every hand-written baseline runs exactly this.
import * as http from 'node:http';

export function sum(n) {
  let count = 0;
  for (let i = 0; i < n; i++) count += i;
  return count;
}

const agent = new http.Agent({ keepAlive: true, maxSockets: Number.POSITIVE_INFINITY });

export function get(url) {
  return new Promise((resolve, reject) => {
    http
      .get(url, { agent }, (response) => {
        const chunks = [];
        response.on('data', (chunk) => chunks.push(chunk));
        response.on('end', () =>
          resolve({ status: response.statusCode, bytes: Buffer.concat(chunks).length }),
        );
        response.on('error', reject);
      })
      .on('error', reject);
  });
}

/** Run one item of `work` ("sum" or "get"). */
export const runItem = (work, input) => (work === 'sum' ? sum(input) : get(input));

/** Close kept-alive sockets so the process can leave. */
export const closeConnections = () => agent.destroy();

/** The job from argv: { work, input, items, units, inFlight }. */
export const readJob = () => JSON.parse(process.argv[2]);

/** Print the figures for the bench to read: one JSON line on stdout. */
export const report = (figures) => process.stdout.write(`${JSON.stringify(figures)}\n`);
