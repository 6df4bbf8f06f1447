// The same tiny item for tinypool and piscina, which call a module's default export.
export default (input) => input;
