/**
 * Task modules are separate files that every strategy imports in its own process or thread, so a workload
 * names its task by file URL, next to this module in the built package.
 */
export function taskUrl(name: string): string {
  return new URL(`./tasks/${name}.js`, import.meta.url).href;
}

/** The loopback HTTP server's service module, started by concur in a process of its own. */
export const httpServerService: string = new URL('./server/service.js', import.meta.url).href;

/**
 * A task's Python twin (python/<name>.py in this package), for the python-* strategies. From dist/ and from
 * src/ alike the folder is one level up.
 */
export function pythonTaskUrl(name: string): string {
  return new URL(`../python/${name}.py`, import.meta.url).href;
}
