/** package.json, tsconfig.json and .gitignore of a scaffolded strategy plugin. */
import type { StrategyNames } from '../strategy-name.js';

/** The versions a new plugin starts with: the concur it was made by, and the tools concur itself is built with. */
export interface Versions {
  readonly core: string;
  readonly typescript: string;
  readonly vitest: string;
  readonly nodeTypes: string;
}

export function packageJson(names: StrategyNames, versions: Versions): string {
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
    scripts: { build: 'tsc -p tsconfig.json', test: 'vitest run' },
    dependencies: { '@concur/core': `^${versions.core}` },
    devDependencies: {
      '@types/node': versions.nodeTypes,
      typescript: versions.typescript,
      vitest: versions.vitest,
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

export function gitignore(): string {
  return 'node_modules\ndist\n';
}
