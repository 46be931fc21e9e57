import type { Plugin } from 'vite';
export declare function minifyCss(text: string): string;
export declare function minifyCssTemplates(code: string): string;
export declare function cdnMinify(): Plugin;
