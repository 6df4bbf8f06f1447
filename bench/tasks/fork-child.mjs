// A forked child: runs every item it is sent and answers with its index and value.
import { closeConnections, runItem } from './work.mjs';

process.on('message', async ({ work, index, input }) => {
  process.send({ index, value: await runItem(work, input) });
});
process.on('disconnect', () => {
  closeConnections();
  process.exit(0);
});
