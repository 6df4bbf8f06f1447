// CPU-bound: spins for `input` milliseconds without yielding.
export default {
  name: 'spin',
  kind: 'cpu',
  run(input) {
    const end = performance.now() + input;
    while (performance.now() < end) {
      // Busy on purpose.
    }
    return input;
  },
};
