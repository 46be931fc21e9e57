// Loads the single-widget CDN file named by the page's ?widget= parameter: a module import from
// 'self', which the strict policy allows (no inline script, no Trusted Types sink).
const widget = new URLSearchParams(location.search).get('widget') ?? '';
if (/^[a-z-]+$/.test(widget)) await import(`/dist/cdn/partage-${widget}.js`);
window.__widgetLoaded = widget;
