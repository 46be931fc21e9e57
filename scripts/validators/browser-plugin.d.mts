import type { Plugin } from 'vite';
export declare function compiledTarget(source: string, importer: string, zod?: Set<string>): string | undefined;
export declare function compiledContract(): Plugin;
export declare function compiledContractForTests(rootDir?: string): {
  name: string;
  resolveImport(args: { source: string; context: { path: string } }): string | undefined;
};
