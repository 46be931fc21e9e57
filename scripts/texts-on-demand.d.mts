import type { Plugin } from 'vite';

/** A catalogue's parts, split by lines (exported for its test). */
export declare function splitCatalogue(
  source: string,
  file: string,
): { header: string[]; name: string; languages: { en: string[]; fr: string[] }; rest: string[] };
/** Whether a chunk holds a catalogue's texts of one language. */
export declare function isTextsChunk(chunk: { facadeModuleId?: string | null }): boolean;
export declare function textsOnDemand(): Plugin;
