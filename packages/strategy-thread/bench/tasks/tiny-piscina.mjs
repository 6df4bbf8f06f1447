// The same tiny item as a piscina worker.
export default (n) => n + 1;
