/**
 * `npm run new-widget -- <name>`: scaffolds `src/widgets/<name>/` with the project's conventions
 * (class, styles, messages, define), a browser test covering loaded, error and axe, and a story,
 * all in that one folder.
 * The result compiles and its test passes; then make it show something worth embedding.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';

const name = process.argv[2] ?? '';
if (!/^[a-z]+(-[a-z]+)*$/.test(name)) {
  console.error('usage: npm run new-widget -- <kebab-case-name>');
  process.exit(2);
}
const dir = new URL(`../src/widgets/${name}/`, import.meta.url);
if (existsSync(dir)) {
  console.error(`src/widgets/${name} already exists`);
  process.exit(2);
}
const pascal = name.replace(/(^|-)([a-z])/g, (_, __, c: string) => c.toUpperCase());
const camel = pascal[0]!.toLowerCase() + pascal.slice(1);
const cls = `Partage${pascal}`;
const tag = `partage-${name}`;

const files: Record<string, string> = {
  [`${name}.ts`]: `import { html, type TemplateResult } from 'lit';
import { property } from 'lit/decorators.js';
import { CampaignSource } from '../../core/data/campaign-source.js';
import { PartageElement } from '../../core/element/partage-element.js';
import { errorView, noApiView } from '../../core/element/views.js';
import { messages } from './${name}.messages.js';
import { ${camel}Styles } from './${name}.styles.js';
import { ${camel}View } from './${name}-view.js';

/**
 * @summary One sentence on what readers see.
 *
 * @event {CustomEvent<PartageErrorDetail>} partage-error - The campaign could not load (\`detail: { operation, error }\`).
 *
 * @csspart base - The widget's box.
 * @csspart error - Error message.
 * @csspart retry - The retry button of the error state.
 *
 * @cssproperty --partage-surface - Background.
 *
 * @tag ${tag}
 */
export class ${cls} extends PartageElement<typeof messages.en> {
  static override styles = [...PartageElement.styles, ${camel}Styles];

  /** Campaign id or slug. */
  @property({ reflect: true }) campaign?: string;

  protected readonly catalogue = messages;

  // Widgets read through core's data sources (lint forbids importing the client here): the
  // source owns the key, the load, the live updates and \`current\` (only the campaign asked for).
  // A piece with state and a life cycle of its own (a request it sends, a timer, a listener) is a
  // reactive controller declared here as a field, taking this element through a small host
  // interface; what has no state is a function (ARCHITECTURE.md, "Controllers and pure functions").
  readonly #source = new CampaignSource(this, { campaign: () => this.campaign, totals: false });
  readonly #data = this.#source.data;

  protected override render(): TemplateResult {
    if (!this.client) return noApiView(this);
    const value = this.#source.current;
    const { status, error } = this.#data;
    if (!value && status === 'error') return errorView(this, error, () => void this.#data.reload());
    if (!value) {
      return html\`<div class="panel" part="base" aria-busy="true"><span class="skeleton"></span></div>\`;
    }
    return ${camel}View({ el: this, campaign: value, freshness: this.#data });
  }
}
`,
  [`${name}-view.ts`]: `import { html, type TemplateResult } from 'lit';
import type { Campaign } from '../../contract/index.js';
import type { PartageElement } from '../../core/element/partage-element.js';
import { staleNotice, type Freshness } from '../../core/element/views.js';
import type { messages } from './${name}.messages.js';

/** What the loaded state renders from: one object, built by the element at each render. */
export interface ${pascal}Model {
  el: PartageElement<typeof messages.en>;
  campaign: Campaign;
  freshness: Freshness;
}

/** The loaded state: a pure function of its model, testable without the element's life cycle. */
export function ${camel}View({ el, campaign, freshness }: ${pascal}Model): TemplateResult {
  return html\`<div class="panel" part="base">
    \${staleNotice(el, freshness)}
    <p>\${el.t('title', { title: campaign.title })}</p>
  </div>\`;
}
`,
  [`${name}.styles.ts`]: `import { css } from 'lit';

export const ${camel}Styles = css\`
  .skeleton {
    block-size: 1.5em;
  }
\`;
`,
  [`${name}.messages.ts`]: `export const messages = {
  en: { title: (p: { title: string }) => p.title },
  fr: { title: (p: { title: string }) => p.title },
};
`,
  'define.ts': `import { defineElement } from '../../core/element/define.js';
import { ${cls} } from './${name}.js';

defineElement('${tag}', ${cls});

declare global {
  interface HTMLElementTagNameMap {
    '${tag}': ${cls};
  }
}
`,
};

mkdirSync(dir, { recursive: true });
for (const [file, text] of Object.entries(files)) writeFileSync(new URL(file, dir), text);
writeFileSync(
  new URL(`${name}.test.ts`, dir),
  `import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './define.js';
import { useMockBackend } from '../../../test/support/campaign-test-kit.js';

// One mock backend for this file, reset (with the shared client's cache) before each test.
const { backend } = useMockBackend('https://${name}.test/v1');

describe('${tag}', () => {
  it('shows the campaign, and passes axe', async () => {
    const el = await fixture(html\`<${tag} api=\${backend.baseUrl} campaign="atelier-ceramique"></${tag}>\`);
    await waitUntil(() => el.shadowRoot!.textContent!.includes('atelier'), 'campaign shown');
    await expect(el).to.be.accessible();
  });

  it('shows a readable error with a retry, and passes axe', async () => {
    backend.failNext('getCampaign', 503, { times: 3 }); // the client retries GETs up to 3 times
    const el = await fixture(html\`<${tag} api=\${backend.baseUrl} campaign="atelier-ceramique"></${tag}>\`);
    await waitUntil(() => el.shadowRoot!.querySelector('[role=alert]'), 'error shown');
    await expect(el).to.be.accessible();
  });
});
`,
);
writeFileSync(
  new URL(`${name}.stories.ts`, dir),
  `import type { Meta, StoryObj } from '@storybook/web-components-vite';
import { defineElement } from '../../core/element/define.js';
import { ${cls} } from './${name}.js';
import { API, OFFLINE_API } from '../../../stories/support/backends.js';
import { column, commonArgTypes, widget, type Args } from '../../../stories/support/story.js';

defineElement('${tag}', ${cls});

const meta: Meta<Args> = {
  title: 'Widgets/${pascal}',
  component: '${tag}',
  render: (args) => widget('${tag}', args),
  decorators: [column(26)],
  args: { api: API, campaign: 'atelier-ceramique' },
  argTypes: { ...commonArgTypes },
};
export default meta;
type Story = StoryObj<Args>;

export const Loaded: Story = {};

export const Offline: Story = { args: { api: OFFLINE_API } };
`,
);
execFileSync('npx', ['prettier', '--write', `src/widgets/${name}`], {
  cwd: new URL('..', import.meta.url),
  stdio: 'ignore',
});
console.log(`src/widgets/${name}/ written, with its test and story.
Next: register ${cls} in src/define.ts and src/index.ts, then npm run analyze.`);
