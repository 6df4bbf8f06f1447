/**
 * `concur run --task my_task.py`: a user's Python task, checked before anything starts. The file is parsed,
 * never run (its top level may do anything), by the interpreter the python-* strategies use by default: a
 * syntax error is one line naming the file and the line, and a module without `run` says what a Python task
 * is. Where no interpreter is found the check is left to the strategies, which say so themselves.
 */
import { spawnSync } from 'node:child_process';
import { InputError } from '../errors.js';

const CHECK = `
import ast, json, sys
path = sys.argv[1]
try:
    with open(path, "rb") as source:
        tree = ast.parse(source.read(), path)
except SyntaxError as error:
    print(json.dumps({"syntax": "%s: %s" % (type(error).__name__, error.msg), "line": error.lineno}))
    sys.exit(0)
functions = {node.name for node in tree.body if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}
values = {}
for node in tree.body:
    if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
        if isinstance(node.value, ast.Constant) and isinstance(node.value.value, str):
            values[node.targets[0].id] = node.value.value
print(json.dumps({"run": "run" in functions, "kind": values.get("KIND"), "name": values.get("NAME")}))
`;

export interface PythonTaskInfo {
  readonly name?: string;
  readonly kind?: string;
}

/** What the file declares (`NAME = "…"`, `KIND = "cpu"`); throws an InputError for a file that cannot be a task. */
export function checkPythonTask(file: string, shown: string): PythonTaskInfo {
  const result = spawnSync('python3', ['-c', CHECK, file], { encoding: 'utf8', timeout: 10_000 });
  if (result.error || result.status !== 0) return {};
  const answer = JSON.parse(result.stdout) as {
    syntax?: string;
    line?: number;
    run?: boolean;
    kind?: string | null;
    name?: string | null;
  };
  if (answer.syntax)
    throw new InputError(
      `--task ${shown}: ${answer.syntax} at line ${answer.line ?? '?'} of ${file}; fix the Python there`,
    );
  if (!answer.run)
    throw new InputError(
      `--task ${shown}: defines no run function; a Python task is a module with def run(input) or def run(input, ctx) (async def for python-asyncio)`,
    );
  return { ...(answer.name ? { name: answer.name } : {}), ...(answer.kind ? { kind: answer.kind } : {}) };
}
