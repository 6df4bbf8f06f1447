// A worker thread: runs every item it is sent and answers with its index and value.
import { parentPort } from 'node:worker_threads';
import { closeConnections, runItem } from './work.mjs';

parentPort.on('message', async (message) => {
  if (message === 'close') {
    closeConnections();
    parentPort.close();
    return;
  }
  parentPort.postMessage({ index: message.index, value: await runItem(message.work, message.input) });
});
