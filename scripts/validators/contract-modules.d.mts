export declare const srcDir: string;
export declare const contractDir: string;
export declare const compiledEntry: string;
export declare function zodModules(): Set<string>;
export declare function zodFreeModules(): string[];
