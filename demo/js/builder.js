/**
 * The embed builder: options on the left, a live preview and the snippet to paste on the right.
 * The preview is built with DOM APIs (createElement / setAttribute), never from HTML strings;
 * the snippet is plain text shown with textContent.
 */
import { API, h } from './demo.js';

const PREFIX = 'partage';
/** A page with one widget needs only that widget's own file, far lighter than the whole bundle. */
const widgetFileUrl = (name) => `${location.origin}/dist/cdn/partage-${name}.js`;

/** Widgets the builder knows; only those the loaded bundle registers are offered. */
const WIDGETS = [
  {
    name: 'campaign-card',
    label: 'Campaign card',
    resource: 'campaign',
    summary: 'A campaign at a glance, with a plain link inside for readers without JavaScript.',
  },
  {
    name: 'campaign-progress',
    label: 'Campaign progress',
    resource: 'campaign',
    summary: 'Amount raised, percentage, successive goals, backers and time left, updated live.',
  },
  {
    name: 'countdown',
    label: 'Countdown',
    resource: 'campaign',
    summary: 'Time left before the campaign ends (or starts).',
  },
  {
    name: 'reward-tiers',
    label: 'Reward tiers',
    resource: 'campaign',
    summary: 'The rewards, with stock left; choosing one preselects it in a pledge form under the same provider.',
  },
  {
    name: 'pledge-form',
    label: 'Pledge form',
    resource: 'campaign',
    summary: 'Pledge or invest; payment happens on the platform’s checkout.',
  },
  { name: 'backers', label: 'Backers', resource: 'campaign', summary: 'Recent backers, with new ones arriving live.' },
  {
    name: 'social-share',
    label: 'Share buttons',
    resource: 'campaign',
    summary: 'Share links and copy-link, without third-party scripts.',
  },
  {
    name: 'share-board',
    label: 'Sharing board',
    resource: 'neighbourhood',
    summary: 'Offers and requests between neighbours, filters, replies (members).',
  },
  {
    name: 'listing-form',
    label: 'Post a listing',
    resource: 'neighbourhood',
    summary: 'Lets a signed-in member post an offer or a request.',
  },
  {
    name: 'neighbourhood-stats',
    label: 'Neighbourhood stats',
    resource: 'neighbourhood',
    summary: 'Members, activity and partner services of a neighbourhood.',
  },
];

const TOKENS = [
  { id: 'accent', property: '--partage-accent', unit: '' },
  { id: 'surface', property: '--partage-surface', unit: '' },
  { id: 'text', property: '--partage-text', unit: '' },
  { id: 'radius', property: '--partage-radius', unit: 'rem' },
  { id: 'font', property: '--partage-font', unit: '' },
];

const form = document.getElementById('options');
const widgetSelect = document.getElementById('widget');
const resourceSelect = document.getElementById('resource');
const resourceLabel = document.getElementById('resource-label');
const resourceStatus = document.getElementById('resource-status');
const widgetSummary = document.getElementById('widget-summary');
const localeSelect = document.getElementById('locale');
const preview = document.getElementById('preview');
const snippet = document.getElementById('snippet');
const copyButton = document.getElementById('copy');
const copyStatus = document.getElementById('copy-status');
const radiusValue = document.getElementById('radius-value');

/** Campaigns and neighbourhoods, by kind, as the backend lists them. */
const resources = { campaign: [], neighbourhood: [] };
/** Tokens the user changed: untouched ones stay out of the preview and the snippet. */
const touched = new Set();
const defaults = Object.fromEntries(TOKENS.map((t) => [t.id, form.elements[t.id].value]));

const available = WIDGETS.filter((w) => customElements.get(`${PREFIX}-${w.name}`));
for (const w of available) widgetSelect.append(h('option', { value: w.name }, w.label));
if (available.length === 0)
  widgetSelect.append(h('option', { value: '' }, 'No widget registered: is dist/cdn/partage.js built?'));

async function listAll(path) {
  const items = [];
  let cursor = null;
  do {
    const url = new URL(`${API}${path}`);
    url.searchParams.set('limit', '50');
    if (cursor) url.searchParams.set('cursor', cursor);
    const response = await fetch(url, { credentials: 'omit' });
    if (!response.ok) throw new Error(`${path} answered ${response.status}`);
    const page = await response.json();
    items.push(...page.items);
    cursor = page.nextCursor;
  } while (cursor);
  return items;
}

const currentWidget = () => available.find((w) => w.name === widgetSelect.value);

function fillResources() {
  const widget = currentWidget();
  const kind = widget?.resource ?? 'campaign';
  const previous = resourceSelect.value;
  resourceLabel.textContent = kind === 'campaign' ? 'Campaign' : 'Neighbourhood';
  widgetSummary.textContent = widget?.summary ?? '';
  const items = resources[kind];
  resourceSelect.replaceChildren(
    ...items.map((item) =>
      h(
        'option',
        { value: item.id },
        kind === 'campaign' ? `${item.title} (${statusLabel(item.status)})` : `${item.name}`,
      ),
    ),
  );
  if (items.some((i) => i.id === previous)) resourceSelect.value = previous;
}

function statusLabel(status) {
  return (
    { live: 'live', upcoming: 'upcoming', succeeded: 'succeeded', failed: 'goal not reached', cancelled: 'cancelled' }[
      status
    ] ?? status
  );
}

function options() {
  const data = new FormData(form);
  const widget = currentWidget();
  const kind = widget?.resource ?? 'campaign';
  const item = resources[kind].find((i) => i.id === resourceSelect.value);
  const tokens = TOKENS.filter((t) => touched.has(t.id) && data.get(t.id)).map((t) => [
    t.property,
    `${data.get(t.id)}${t.unit}`,
  ]);
  return {
    widget,
    kind,
    item,
    locale: data.get('locale') || '',
    theme: data.get('theme') || 'auto',
    tokens,
    prerendered: data.get('kind') !== 'plain',
  };
}

function attributesOf({ kind, item, locale, theme }) {
  const attributes = [['api', API]];
  if (item) attributes.push([kind, item.slug ?? item.id]);
  if (locale) attributes.push(['locale', locale]);
  if (theme !== 'auto') attributes.push(['theme', theme]);
  return attributes;
}

function renderPreview(opts) {
  preview.dataset.theme = opts.theme;
  for (const t of TOKENS) preview.style.removeProperty(t.property);
  for (const [property, value] of opts.tokens) preview.style.setProperty(property, value);
  if (!opts.widget || !opts.item) {
    preview.replaceChildren(h('p', { class: 'hint' }, 'Pick a widget and what it shows.'));
    return;
  }
  const el = document.createElement(`${PREFIX}-${opts.widget.name}`);
  for (const [name, value] of attributesOf(opts)) el.setAttribute(name, value);
  if (opts.widget.name === 'campaign-card') el.append(h('a', { href: opts.item.url }, opts.item.title));
  preview.replaceChildren(el);
}

const escapeAttribute = (value) => String(value).replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const escapeText = (value) => String(value).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function styleLines(tag, tokens) {
  if (!tokens.length) return [];
  const lines = ['<style>', `  /* or in your own stylesheet */`, `  ${tag} {`];
  for (const [property, value] of tokens) lines.push(`    ${property}: ${value.replace(/[;{}<>]/g, '')};`);
  lines.push('  }', '</style>', '');
  return lines;
}

/**
 * The pre-rendered snippet comes from the backend (GET /v1/embed/{widget}): the script line and
 * the element with its shadow root and data, rendered from the same templates as the preview.
 */
async function prerenderedText(opts) {
  const query = new URLSearchParams({ [opts.kind]: opts.item.slug ?? opts.item.id });
  if (opts.locale) query.set('locale', opts.locale);
  if (opts.theme !== 'auto') query.set('theme', opts.theme);
  const res = await fetch(`${API}/embed/${opts.widget.name}?${query}`, { credentials: 'omit' });
  if (!res.ok) throw new Error(`the backend answered ${res.status}`);
  const html = await res.text();
  return [...styleLines(`${PREFIX}-${opts.widget.name}`, opts.tokens), html.trimEnd()].join('\n');
}

function snippetText(opts) {
  if (!opts.widget || !opts.item) return '';
  const tag = `${PREFIX}-${opts.widget.name}`;
  const lines = [`<script type="module" src="${escapeAttribute(widgetFileUrl(opts.widget.name))}"></script>`, ''];
  lines.push(...styleLines(tag, opts.tokens));
  const attributes = attributesOf(opts).map(([name, value]) => `${name}="${escapeAttribute(value)}"`);
  const oneLine = `<${tag} ${attributes.join(' ')}>`;
  const open = oneLine.length > 100 ? `<${tag}\n  ${attributes.join('\n  ')}\n>` : oneLine;
  if (opts.widget.name === 'campaign-card') {
    lines.push(open, `  <a href="${escapeAttribute(opts.item.url)}">${escapeText(opts.item.title)}</a>`, `</${tag}>`);
  } else {
    lines.push(`${open}</${tag}>`);
  }
  return lines.join('\n');
}

/** Keeps the configuration in the address, so a configured builder can be shared. */
function saveToHash(opts) {
  const params = new URLSearchParams();
  if (opts.widget) params.set('widget', opts.widget.name);
  if (opts.item) params.set(opts.kind, opts.item.id);
  if (opts.locale) params.set('locale', opts.locale);
  if (opts.theme !== 'auto') params.set('theme', opts.theme);
  for (const t of TOKENS) if (touched.has(t.id)) params.set(t.id, form.elements[t.id].value);
  history.replaceState(null, '', `#${params}`);
}

function restoreFromHash() {
  const params = new URLSearchParams(location.hash.slice(1));
  const widget = params.get('widget');
  if (widget && available.some((w) => w.name === widget)) widgetSelect.value = widget;
  const locale = params.get('locale');
  if (locale === 'fr' || locale === 'en') localeSelect.value = locale;
  const theme = params.get('theme');
  if (theme) for (const radio of form.elements.theme) radio.checked = radio.value === theme;
  for (const t of TOKENS) {
    const value = params.get(t.id);
    if (value !== null) {
      form.elements[t.id].value = value;
      if (form.elements[t.id].value === value) touched.add(t.id);
    }
  }
  return params;
}

let rendering = 0;

function update() {
  radiusValue.textContent = `${form.elements.radius.value}rem`;
  const opts = options();
  renderPreview(opts);
  copyStatus.textContent = '';
  saveToHash(opts);
  const run = ++rendering;
  if (!opts.prerendered || !opts.widget || !opts.item) {
    snippet.textContent = snippetText(opts);
    copyButton.disabled = !snippet.textContent;
    return;
  }
  snippet.textContent = 'Rendering on the backend…';
  copyButton.disabled = true;
  prerenderedText(opts).then(
    (text) => {
      if (run !== rendering) return;
      snippet.textContent = text;
      copyButton.disabled = false;
    },
    (error) => {
      if (run !== rendering) return;
      // The plain snippet always works: offer it rather than nothing.
      snippet.textContent = snippetText(opts);
      copyButton.disabled = !snippet.textContent;
      copyStatus.textContent = `No pre-rendered snippet (${error.message}): here is the plain one.`;
    },
  );
}

form.addEventListener('input', (event) => {
  const id = event.target.id;
  if (TOKENS.some((t) => t.id === id)) touched.add(id);
  if (event.target === widgetSelect) fillResources();
  update();
});
form.addEventListener('submit', (event) => event.preventDefault());
document.getElementById('reset-tokens').addEventListener('click', () => {
  for (const t of TOKENS) form.elements[t.id].value = defaults[t.id];
  touched.clear();
  update();
});

copyButton.addEventListener('click', async () => {
  const text = snippet.textContent;
  try {
    await navigator.clipboard.writeText(text);
    copyStatus.textContent = 'Copied to the clipboard.';
  } catch {
    // No clipboard permission (e.g. an insecure origin): select the text for a manual copy.
    const range = document.createRange();
    range.selectNodeContents(snippet);
    getSelection().removeAllRanges();
    getSelection().addRange(range);
    copyStatus.textContent = 'Selected: press Ctrl+C (⌘C on a Mac) to copy.';
  }
});

const hashParams = restoreFromHash();
resourceStatus.textContent = 'Loading campaigns and neighbourhoods from the backend…';
Promise.all([listAll('/campaigns'), listAll('/neighbourhoods')]).then(
  ([campaigns, neighbourhoods]) => {
    resources.campaign = campaigns;
    resources.neighbourhood = neighbourhoods;
    resourceStatus.textContent = `${campaigns.length} campaigns and ${neighbourhoods.length} neighbourhoods on this backend.`;
    fillResources();
    const wanted = hashParams.get(currentWidget()?.resource ?? 'campaign');
    if (wanted && [...resourceSelect.options].some((o) => o.value === wanted)) resourceSelect.value = wanted;
    update();
  },
  (error) => {
    resourceSelect.replaceChildren(h('option', { value: '' }, 'Unavailable'));
    resourceStatus.textContent = `The backend did not answer (${error.message}).`;
    update();
  },
);
update();
