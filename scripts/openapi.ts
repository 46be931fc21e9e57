// `npm run openapi`: writes openapi.json at the root from the contract.
import { writeFileSync } from 'node:fs';
import { openApiText } from './openapi-document.js';

writeFileSync(new URL('../openapi.json', import.meta.url), openApiText());
console.log('openapi.json written');
