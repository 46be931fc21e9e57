// Loads dist/cdn/partage.js; with ?other, from the test server under its other name (localhost ↔
// 127.0.0.1), whose chunks no earlier page of the run has fetched: not served from the browser's
// memory cache, a test can hold or fail them.
const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
const origin = new URLSearchParams(location.search).has('other')
  ? `${location.protocol}//${other}:${location.port}`
  : '';
await import(`${origin}/dist/cdn/partage.js`);
window.__bundleLoaded = true;
