// The smallest asynchronous item: resolves with its input after one microtask.
export default {
  name: 'tiny-async',
  kind: 'io',
  async run(input) {
    await null;
    return input;
  },
};
