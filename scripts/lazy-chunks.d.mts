import type { Plugin } from 'vite';

export declare function lazyChunks(): Plugin;

/** Routes a file's chunk imports through the retrying loader (exported for its test). */
export declare function retryableImports(code: string): string;
