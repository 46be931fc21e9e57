import type { Plugin } from 'vite';

export declare function lazyChunks(): Plugin;
