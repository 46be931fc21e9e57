import { API, h } from './demo.js';

document.getElementById('api-url').textContent = API;
document.getElementById('openapi-link').href = `${API}/openapi.json`;

const version = window.Partage?.version;
if (version) document.getElementById('bundle-version').textContent = `(version ${version})`;

/** Counts what the backend serves, following cursors. */
async function countAll(path) {
  let count = 0;
  let cursor = null;
  do {
    const url = new URL(`${API}${path}`);
    url.searchParams.set('limit', '50');
    if (cursor) url.searchParams.set('cursor', cursor);
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    const page = await response.json();
    count += page.items.length;
    cursor = page.nextCursor;
  } while (cursor);
  return count;
}

const summary = document.getElementById('data-summary');
Promise.all([countAll('/campaigns'), countAll('/neighbourhoods')]).then(
  ([campaigns, neighbourhoods]) => {
    summary.textContent = `${campaigns} campaigns and ${neighbourhoods} neighbourhoods, seeded from the demo fixtures; pledges and listings you make are stored.`;
  },
  (error) => {
    summary.replaceChildren(
      h('span', { class: 'error' }, `The backend did not answer (${error.message}). Start it with `),
      h('code', {}, 'npm start'),
      '.',
    );
  },
);
