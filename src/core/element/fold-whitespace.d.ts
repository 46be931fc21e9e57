/** Every run of HTML whitespace holding a line break becomes one space (fold-whitespace.js). */
export declare const foldWhitespace: (text: string) => string;
