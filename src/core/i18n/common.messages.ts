/** Texts every widget shares: network states and generic actions. */
export const common = {
  en: {
    loading: 'Loading…',
    retry: 'Try again',
    errorOffline: 'You seem to be offline. Check your connection and try again.',
    errorTimeout: 'The server took too long to answer.',
    errorNotFound: 'This content could not be found.',
    errorContract: 'The server sent an answer this widget does not understand.',
    errorServer: 'The service is unavailable right now.',
    errorRateLimited: (p: { seconds: number }) => `Too many attempts. Please wait ${p.seconds} seconds.`,
    errorGeneric: 'Something went wrong.',
    errorNoApi: 'This widget needs an api attribute or a surrounding partage-provider.',
    stale: 'Showing the last data received: it could not be refreshed.',
    staleAsOf: (p: { time: string }) => `Showing the data as of ${p.time}: it could not be refreshed.`,
    live: 'Live',
  },
  fr: {
    loading: 'Chargement…',
    retry: 'Réessayer',
    errorOffline: 'Vous semblez hors ligne. Vérifiez votre connexion puis réessayez.',
    errorTimeout: 'Le serveur a mis trop de temps à répondre.',
    errorNotFound: 'Ce contenu est introuvable.',
    errorContract: 'Le serveur a envoyé une réponse que ce widget ne comprend pas.',
    errorServer: 'Le service est indisponible pour le moment.',
    errorRateLimited: (p: { seconds: number }) => `Trop de tentatives. Merci de patienter ${p.seconds} secondes.`,
    errorGeneric: 'Une erreur est survenue.',
    errorNoApi: 'Ce widget a besoin d’un attribut api ou d’un partage-provider autour de lui.',
    stale: 'Dernières données reçues : la mise à jour a échoué.',
    staleAsOf: (p: { time: string }) => `Données au ${p.time} : la mise à jour a échoué.`,
    live: 'En direct',
  },
};
export type CommonMessages = typeof common.en;
