/**
 * @concur/strategy-python: the article's own three models, measured beside Node's. Each strategy is a module
 * of its own (./process, ./thread, ./asyncio), so that the engine imports exactly one; this entry names all
 * three for code that wants them together.
 */
export { default as pythonAsyncio } from './asyncio.js';
export { type Interpreter, probeInterpreter } from './interpreter.js';
export type { PythonOptions } from './options.js';
export { default as pythonProcess } from './process.js';
export { default as pythonThread } from './thread.js';
