// Returns its input: an item that costs nothing, so only dispatch is measured.
export default { name: 'tiny', kind: 'cpu', run: (input) => input };
