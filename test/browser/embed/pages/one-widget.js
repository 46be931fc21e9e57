// Loads the single-widget CDN file named by the page's ?widget= parameter: a module import from
// 'self', which the strict policy allows (no inline script, no Trusted Types sink). With
// ?ver=…, the file's URL carries that query, as WordPress enqueues scripts (`…js?ver=6.4`).
const params = new URLSearchParams(location.search);
const widget = params.get('widget') ?? '';
const ver = params.get('ver');
const query = ver && /^[\w.]+$/.test(ver) ? `?ver=${ver}` : '';
if (/^[a-z-]+$/.test(widget)) await import(`/dist/cdn/partage-${widget}.js${query}`);
window.__widgetLoaded = widget;
