/**
 * The `@concur/core` a new plugin depends on: the one this concur runs, packed into the plugin's own
 * `vendor/` folder and named there as `file:vendor/concur-core-<version>.tgz`.
 *
 * Why a tarball inside the plugin. concur is not on the npm registry, so a range such as `^0.1.0` fails to
 * install outside this repository (E404). A `file:` path to the installed core would install, but as a
 * link: it breaks as soon as that installation or the repository moves, and a linked core resolves the
 * vitest its testkit imports from beside itself, not from the plugin, so the plugin's tests would run with
 * two vitests. A tarball is copied into the plugin's node_modules like a registry package: it keeps working
 * wherever the plugin goes, it installs offline, and the plugin's lockfile pins it by its integrity.
 * Once `@concur/core` is published, a plain version range replaces it (the plugin's README says how).
 */
import { execFile } from 'node:child_process';
import { mkdir, readFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface VendoredCore {
  /** The version of the core this concur runs. */
  readonly version: string;
  /** The tarball, relative to the plugin's folder: "vendor/concur-core-0.1.0.tgz". */
  readonly file: string;
}

/** Pack this concur's `@concur/core` into `<pluginDir>/vendor/` with `npm pack`, as a publish would. */
export async function vendorCore(pluginDir: string): Promise<VendoredCore> {
  const manifest = fileURLToPath(import.meta.resolve('@concur/core/package.json'));
  const { version } = JSON.parse(await readFile(manifest, 'utf8')) as { version?: unknown };
  if (typeof version !== 'string') throw new Error('@concur/core has no version. This is a bug in concur.');
  const vendor = join(pluginDir, 'vendor');
  await mkdir(vendor, { recursive: true });
  const filename = await npmPack(dirname(manifest), vendor);
  return { version, file: `vendor/${filename}` };
}

/**
 * `npm pack FOLDER`: the files its package.json's `files` names, exactly what a publish would upload.
 * `--ignore-scripts`: an installed core has no build tools, and its `dist` is built already.
 */
function npmPack(folder: string, destination: string): Promise<string> {
  const windows = process.platform === 'win32';
  const args = ['pack', folder, '--pack-destination', destination, '--ignore-scripts', '--json'];
  return new Promise((resolve, reject) => {
    execFile(
      windows ? 'npm.cmd' : 'npm',
      windows ? args.map((arg) => JSON.stringify(arg)) : args,
      { cwd: destination, shell: windows, timeout: 120_000 },
      (error, stdout, stderr) => {
        const filename = error ? undefined : packedName(stdout);
        if (filename) return resolve(filename);
        const why =
          `${stderr}`.split('\n').find((line) => line.trim()) ?? error?.message ?? 'no tarball named';
        reject(
          new Error(
            `could not pack @concur/core (${folder}) for the new plugin: ${why.trim()}; the scaffold needs npm on the PATH`,
          ),
        );
      },
    );
  });
}

/** The tarball's file name from `npm pack --json`, or undefined if the output says none. */
function packedName(stdout: string): string | undefined {
  try {
    const [packed] = JSON.parse(stdout) as { filename?: unknown }[];
    return typeof packed?.filename === 'string' ? packed.filename : undefined;
  } catch {
    return undefined;
  }
}
