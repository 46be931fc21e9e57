/**
 * The precise wording of failures: timeouts, missing content, broken answers, server trouble, rate
 * limits. Only a failed request needs them, so they load with it (core/element/failure-text.ts, a
 * chunk of the CDN files) and then answer `t()` like the shared texts (common.messages.ts).
 */
export const failure = {
  en: {
    errorTimeout: 'The server took too long to answer.',
    errorNotFound: 'This content could not be found.',
    errorContract: 'The server sent an answer this widget does not understand.',
    errorServer: 'The service is unavailable right now.',
    errorRateLimited: (p: { seconds: number }) => `Too many attempts. Please wait ${p.seconds} seconds.`,
  },
  fr: {
    errorTimeout: 'Le serveur a mis trop de temps à répondre.',
    errorNotFound: 'Ce contenu est introuvable.',
    errorContract: 'Le serveur a envoyé une réponse que ce widget ne comprend pas.',
    errorServer: 'Le service est indisponible pour le moment.',
    errorRateLimited: (p: { seconds: number }) => `Trop de tentatives. Merci de patienter ${p.seconds} secondes.`,
  },
};
