// The hand-written reference for CPU-bound work: a forked child that sums below each n it is sent.
import sum from './sum.mjs';

process.on('message', (n) => process.send(sum.run(n)));
