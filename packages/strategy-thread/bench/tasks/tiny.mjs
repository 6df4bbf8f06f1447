// The smallest useful item: dispatch cost is all there is to measure.
export default { name: 'tiny', kind: 'cpu', run: (n) => n + 1 };
