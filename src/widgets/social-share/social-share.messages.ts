/** Texts of `<partage-social-share>`; partners override any key through `texts`. */
export const messages = {
  en: {
    title: 'Share this project',
    share: 'Share',
    shareOn: (p: { network: string }) => `Share on ${p.network} (opens in a new tab)`,
    email: 'E-mail',
    shareByEmail: 'Share by e-mail',
    copy: 'Copy link',
    copied: 'Link copied',
    linkLabel: 'Link to share',
    copyManually: 'The link is selected: copy it with Ctrl+C (⌘C on a Mac).',
    errorBadUrl: 'The url attribute must be a web address starting with https:// or http://.',
  },
  fr: {
    title: 'Partager ce projet',
    share: 'Partager',
    shareOn: (p: { network: string }) => `Partager sur ${p.network} (nouvel onglet)`,
    email: 'E-mail',
    shareByEmail: 'Partager par e-mail',
    copy: 'Copier le lien',
    copied: 'Lien copié',
    linkLabel: 'Lien à partager',
    copyManually: 'Le lien est sélectionné : copiez-le avec Ctrl+C (⌘C sur Mac).',
    errorBadUrl: 'L’attribut url doit être une adresse web commençant par https:// ou http://.',
  },
};
