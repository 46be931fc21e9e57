/**
 * Texts of one language on demand, in `dist/cdn/partage.js` only (the file with every widget).
 *
 * No source imports this module: the build of partage.js (scripts/texts-on-demand.mjs) rewrites
 * each widget's catalogue (`<widget>.messages.ts`) into `lazyTexts(loadEn, loadFr)`, one chunk
 * per widget and language, and this module teaches `PartageElement` to wait for them. The
 * single-widget files and the npm package keep both languages inline and never load this
 * module, so their base element carries none of it (the `texts-on-demand` branch, which put
 * this in the base element, made every single-widget file heavier: BENCHMARKS.md).
 *
 * While the texts of an element's language load (in parallel with its data: the request starts
 * when the element connects, its data request when it nears the viewport), a fresh element shows
 * its quiet view (the page's own content, as in its first moments without data), and an element
 * with a render on screen (the previous language's after a `lang` switch, a server's pre-rendered
 * snippet to hydrate) keeps it.
 */
import { PartageElement } from '../element/partage-element.js';
import { quietView } from '../element/views.js';
import { inheritedLocale, languageOf, type Catalogue, type Language } from './locale.js';

/** A language's chunk: its texts, built with the names the catalogue imports, handed over by partage.js. */
type Load = () => Promise<{ messages: (deps: object) => Partial<Record<Language, Catalogue>> }>;

/** Each catalogue language not loaded yet → its load, shared by every widget that needs it. */
const pending = new Map<Catalogue, () => Promise<void>>();

/** A catalogue whose languages load on demand (written by the build in place of the texts). */
export function lazyTexts(en: Load, fr: Load, deps: object): Record<Language, Catalogue> {
  const catalogue: Record<Language, Catalogue> = { en: {}, fr: {} };
  for (const [lang, load] of [
    ['en', en],
    ['fr', fr],
  ] as const) {
    const texts = catalogue[lang];
    let loading: Promise<void> | undefined;
    pending.set(
      texts,
      () =>
        (loading ??= load().then(
          (module) => {
            // Filled in place: the widgets hold this object (`this.catalogue[lang]`).
            Object.assign(texts, module.messages(deps)[lang]);
            pending.delete(texts);
          },
          (error: unknown) => {
            // The next call tries again (the chunk loader retries a failed chunk under a new URL).
            loading = undefined;
            throw error;
          },
        )),
    );
  }
  return catalogue;
}

type Host = PartageElement & {
  catalogue: Record<Language, Catalogue>;
  ctx?: { locale?: string };
  render(): unknown;
  scheduleUpdate(): void | Promise<unknown>;
  update(changed: Map<PropertyKey, unknown>): void;
};

/**
 * The load of the texts an element needs now, if they are not there yet. The locale is resolved
 * afresh (as `resolvedLocale` does at each update), so a `lang` switch is seen before the update.
 */
const textsLoad = (el: Host) =>
  pending.get(el.catalogue[languageOf(el.locale || el.ctx?.locale || inheritedLocale(el))]);

/** Starts loading an element's texts, then updates it; after a failure, tries again once online. */
function request(el: Host): void {
  textsLoad(el)?.().then(
    () => el.requestUpdate(),
    () => addEventListener('online', () => request(el), { once: true }),
  );
}

const proto = PartageElement.prototype as unknown as Host;
const { connectedCallback, scheduleUpdate, update } = proto;

proto.connectedCallback = function (this: Host) {
  connectedCallback.call(this);
  // Now, next to the data request the element's controllers have just made (or will make as it
  // nears the viewport): never after the data.
  request(this);
};

/** Elements showing the quiet view for want of texts. */
const quiet = new WeakSet<Host>();

proto.scheduleUpdate = function (this: Host) {
  const load = textsLoad(this);
  // A render of the widget is on screen (the previous language's after a `lang` switch, a
  // server's to hydrate): it stays until the texts come; if they cannot, the update goes on and
  // shows the quiet view. An element on its quiet view updates meanwhile, so that its controllers
  // ask for its data (they do in the update, once it nears the viewport) next to its texts.
  const rendered = this.hasUpdated ? !quiet.has(this) : !!this.shadowRoot?.firstChild;
  if (load && rendered)
    return load().then(
      () => scheduleUpdate.call(this),
      () => scheduleUpdate.call(this),
    );
  return scheduleUpdate.call(this);
};

proto.update = function (this: Host, changed) {
  if (!textsLoad(this)) {
    quiet.delete(this);
    return update.call(this, changed);
  }
  quiet.add(this);
  request(this);
  // Without its texts, the widget shows what its quiet first moments show: the page's own content
  // (its `<slot>`), never a box of text keys.
  this.render = quietView;
  try {
    update.call(this, changed);
  } finally {
    delete (this as Partial<Host>).render;
  }
};
