import type { Plugin } from 'vite';
export declare function minifyCss(text: string): string;
export declare function minifyCssTemplates(code: string): string;
export declare function cdnMinify(): Plugin;
export declare const TEMPLATE_MODULE: string;
export declare function foldTemplates(
  code: string,
  program: unknown,
  isTemplateModule: (source: string) => boolean,
): string;
