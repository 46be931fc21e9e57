import { setCustomElementsManifest, type Preview } from '@storybook/web-components-vite';
import { define } from '../src/define.js';
import { startBackends } from '../stories/support/backends.js';

// An explicit call, not a side-effect import: package.json's `sideEffects` lists only dist/
// files, so a bundler would drop `import '…/define.js'` of a source file.
define();

// The manifest is produced by `npm run analyze`; a glob keeps Storybook working (without
// generated docs tables) in a fresh checkout where it was not generated yet.
const manifests = import.meta.glob<Manifest>('../custom-elements.json', { eager: true, import: 'default' });
const manifest = Object.values(manifests)[0];
if (manifest) setCustomElementsManifest(publicApi(manifest));

interface Member {
  name: string;
  privacy?: string;
  static?: boolean;
}
interface Manifest {
  modules: { declarations?: { members?: Member[] }[] }[];
}

/** The docs tables list what a host page uses: no private, protected or static members. */
function publicApi(m: Manifest): Manifest {
  const isPublic = (member: Member) =>
    !member.static && !member.name.startsWith('#') && (member.privacy ?? 'public') === 'public';
  return {
    ...m,
    modules: m.modules.map((mod) => ({
      ...mod,
      declarations: mod.declarations?.map((d) => (d.members ? { ...d, members: d.members.filter(isPublic) } : d)),
    })),
  };
}

const preview: Preview = {
  tags: ['autodocs'],
  // Stories render only once the mock backend answers, so no request reaches the network.
  loaders: [
    async () => {
      await startBackends();
      return {};
    },
  ],
  parameters: {
    layout: 'padded',
    controls: { expanded: true },
    docs: { codePanel: true },
    backgrounds: { disable: true },
  },
  globalTypes: {
    locale: {
      description: 'Page language the widgets inherit (`lang` on the story root)',
      toolbar: { title: 'Locale', icon: 'globe', items: ['fr', 'en'], dynamicTitle: true },
    },
  },
  initialGlobals: { locale: 'fr' },
  decorators: [
    (story, context) => {
      // Widgets without their own `locale` follow the closest `lang`, like on a host page.
      document.documentElement.lang = String(context.globals.locale ?? 'fr');
      return story();
    },
  ],
};

export default preview;
