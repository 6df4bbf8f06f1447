// The same tiny item for tinypool, which calls a module's default export.
export default (input) => input;
