/** package.json, tsconfig.json, vitest.config.ts and .gitignore of a scaffolded strategy plugin. */
import type { StrategyNames } from '../strategy-name.js';

/** The versions of the tools a new plugin is built and tested with. */
export interface Tools {
  readonly typescript: string;
  readonly vitest: string;
  readonly nodeTypes: string;
}

/** `coreFile`: the vendored tarball of the concur that made the plugin, relative to its folder. */
export function packageJson(names: StrategyNames, coreFile: string, tools: Tools): string {
  const manifest = {
    name: names.packageName,
    version: '0.1.0',
    description: `A concur strategy plugin: ${names.strategy}.`,
    type: 'module',
    license: 'MIT',
    keywords: ['concur', 'concur-strategy'],
    engines: { node: '>=20' },
    exports: { '.': { types: './dist/index.d.ts', default: './dist/index.js' } },
    files: ['dist'],
    // `pretest`: a worker thread runs the built unit-entry.js, so the tests need a fresh build.
    scripts: { build: 'tsc -p tsconfig.json', pretest: 'npm run build', test: 'vitest run' },
    dependencies: { '@concur/core': `file:${coreFile}` },
    devDependencies: {
      '@types/node': tools.nodeTypes,
      typescript: tools.typescript,
      vitest: tools.vitest,
    },
    // What concur's discovery reads, without importing anything: this package is a strategy plugin, and
    // this is its module.
    concur: { strategy: './dist/index.js' },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export function tsconfigJson(): string {
  const config = {
    compilerOptions: {
      target: 'ES2022',
      lib: ['ES2023'],
      module: 'NodeNext',
      moduleResolution: 'NodeNext',
      strict: true,
      declaration: true,
      sourceMap: true,
      skipLibCheck: true,
      types: ['node'],
      rootDir: 'src',
      outDir: 'dist',
    },
    include: ['src'],
  };
  return `${JSON.stringify(config, null, 2)}\n`;
}

/** The settings of concur's own strategy tests: a longer timeout than vitest's default, as every check starts real threads. */
export function vitestConfig(): string {
  return `import { defineConfig } from 'vitest/config';

export default defineConfig({ test: { include: ['test/**/*.test.ts'], testTimeout: 20_000 } });
`;
}

export function gitignore(): string {
  return 'node_modules\ndist\n';
}
