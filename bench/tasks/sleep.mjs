// Waits `input` milliseconds on a timer: I/O in its purest form, no CPU at all.
export default {
  name: 'sleep',
  kind: 'io',
  run: (input) => new Promise((resolve) => setTimeout(resolve, input)),
};
