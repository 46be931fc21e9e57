/** Texts of `<partage-backers>`; partners override any key through `texts`. */
export const messages = {
  en: {
    title: 'Recent backers',
    anonymous: 'Anonymous',
    justNow: 'just now',
    showMore: 'Show more backers',
    loadingMore: 'Loading more backers…',
    loadMoreFailed: 'More backers could not be loaded.',
    empty: 'Be the first to back this project',
    newBacker: (p: { name: string }) => `New backer: ${p.name}`,
    errorNoCampaign: 'This widget needs a campaign attribute.',
  },
  fr: {
    title: 'Derniers contributeurs',
    anonymous: 'Anonyme',
    justNow: 'à l’instant',
    showMore: 'Voir plus de contributeurs',
    loadingMore: 'Chargement d’autres contributeurs…',
    loadMoreFailed: 'Impossible de charger plus de contributeurs.',
    empty: 'Soyez le premier à soutenir ce projet',
    newBacker: (p: { name: string }) => `Nouveau contributeur : ${p.name}`,
    errorNoCampaign: 'Ce widget a besoin d’un attribut campaign.',
  },
};
