// Loads the single-widget CDN file named by ?widget= from the test server under its other name
// (localhost ↔ 127.0.0.1): another origin, as a CDN is for a blog. Its lazy chunks must come from
// that origin too, resolved relative to the file, not to this page.
const widget = new URLSearchParams(location.search).get('widget') ?? '';
const other = location.hostname === 'localhost' ? '127.0.0.1' : 'localhost';
window.__cdnOrigin = `${location.protocol}//${other}:${location.port}`;
if (/^[a-z-]+$/.test(widget)) await import(`${window.__cdnOrigin}/dist/cdn/partage-${widget}.js`);
window.__widgetLoaded = widget;
