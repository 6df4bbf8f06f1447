// The article's CPU-bound loop: count += i for every i below n.
export default {
  name: 'sum',
  kind: 'cpu',
  run(n) {
    let count = 0;
    for (let i = 0; i < n; i++) count += i;
    return count;
  },
};
