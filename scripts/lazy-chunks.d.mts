import type { Plugin } from 'vite';

/** Routes a file's chunk imports through its retrying loader (exported for its test). */
export declare function retryableImports(code: string): string;
export declare function lazyChunks(): Plugin;
