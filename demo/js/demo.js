/**
 * Runs first on every demo page (before the Partage bundle registers the elements).
 *
 * The snippets in these pages are what a blogger pastes: `api="http://localhost:8787/v1"`, the
 * address `npm start` prints by default. When the reference backend runs elsewhere (another
 * PORT or HOST), the same pages keep working: the widgets are pointed at the backend that
 * serves the page, before they upgrade and make their first request.
 */
export const API = `${location.origin}/v1`;

for (const el of document.querySelectorAll('[api]')) el.setAttribute('api', API);

/** A small element builder: the demo never parses HTML strings. */
export function h(tag, props = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (key === 'class') el.className = value;
    else if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  el.append(...children.flat().filter((c) => c !== null && c !== undefined && c !== false));
  return el;
}

/** The dark strip on top of each page: where am I, and which backend answers. */
function demoBar() {
  const home = location.pathname === '/' || location.pathname.endsWith('/index.html');
  const status = h('span', { class: 'backend', 'data-status': 'unknown' }, 'Backend: ', h('code', {}, API));
  const bar = h(
    'div',
    { class: 'demo-bar', role: 'note', 'aria-label': 'Partage demo' },
    h(
      'span',
      {},
      h('strong', {}, 'Partage demo'),
      home ? ' · reference backend and CDN bundle' : ' · ',
      home ? null : h('a', { href: '/' }, 'all demo pages'),
    ),
    status,
  );
  document.body.prepend(bar);
  fetch(`${API}/campaigns?limit=1`, { credentials: 'omit' }).then(
    (response) => {
      status.dataset.status = response.ok ? 'up' : 'down';
      status.append(response.ok ? ' (reference backend, up)' : ` (answers ${response.status})`);
    },
    () => {
      status.dataset.status = 'down';
      status.append(' (unreachable: is `npm start` running?)');
    },
  );
}

demoBar();
