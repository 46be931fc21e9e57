/* Problem type URIs and media type, free of zod (shared by browser bundles and the server). */

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
export const problemType = (code: string) => `https://partage.example.org/problems/${code.replaceAll('_', '-')}`;
