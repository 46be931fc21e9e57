export declare const srcDir: string;
export declare const contractDir: string;
export declare const compiledEntry: string;
export declare function zodModules(): Set<string>;
export declare function zodFreeModules(): string[];
export declare const splitModules: string[];
export declare function compiledOf(file: string): string;
