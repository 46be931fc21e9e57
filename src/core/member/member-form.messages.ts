/**
 * Texts of member actions (post, reply, report) shared by the widgets that offer them: field
 * errors, what went wrong while sending, and the sign-in prompt.
 */
export const memberFormMessages = {
  en: {
    optional: '(optional)',
    fieldRequired: 'Please fill in this field.',
    fieldTooShort: (p: { min: number }) => `Please write at least ${p.min} characters.`,
    fieldTooLong: (p: { max: number }) => `Please write at most ${p.max} characters.`,
    fieldInvalid: 'Please check this field.',
    fixFields: (p: { count: number }) =>
      p.count === 1 ? 'One field needs your attention.' : `${p.count} fields need your attention.`,
    serverRefused: 'Some fields were refused. Please check them.',
    signInExpired: 'Your session has expired. Sign in again: what you typed is kept and will be sent then.',
    signInNeeded: 'Please sign in as a member of the neighbourhood: what you typed is kept.',
    signIn: 'Sign in',
    notMember: 'Only members of this neighbourhood can do this.',
    rateLimitedWait: (p: { seconds: number }) =>
      `You have sent a lot in a short time. Please wait ${p.seconds} ${p.seconds === 1 ? 'second' : 'seconds'} before trying again.`,
    offlineKept: 'You seem to be offline. Nothing is lost: send again once you are back online.',
    sendFailed: 'This could not be sent.',
    listingClosed: 'This listing is closed and no longer takes replies.',
    sending: 'Sending…',
    cancel: 'Cancel',
  },
  fr: {
    optional: '(facultatif)',
    fieldRequired: 'Merci de remplir ce champ.',
    fieldTooShort: (p: { min: number }) => `Merci d’écrire au moins ${p.min} caractères.`,
    fieldTooLong: (p: { max: number }) => `Merci d’écrire au plus ${p.max} caractères.`,
    fieldInvalid: 'Merci de vérifier ce champ.',
    fixFields: (p: { count: number }) =>
      p.count === 1 ? 'Un champ est à corriger.' : `${p.count} champs sont à corriger.`,
    serverRefused: 'Certains champs ont été refusés. Merci de les vérifier.',
    signInExpired: 'Votre session a expiré. Reconnectez-vous : votre saisie est conservée et sera envoyée ensuite.',
    signInNeeded: 'Connectez-vous en tant que membre du quartier : votre saisie est conservée.',
    signIn: 'Se connecter',
    notMember: 'Seuls les membres de ce quartier peuvent faire cela.',
    rateLimitedWait: (p: { seconds: number }) =>
      `Vous avez envoyé beaucoup de choses en peu de temps. Merci de patienter ${p.seconds} ${p.seconds <= 1 ? 'seconde' : 'secondes'} avant de réessayer.`,
    offlineKept: 'Vous semblez hors ligne. Rien n’est perdu : renvoyez une fois la connexion revenue.',
    sendFailed: 'L’envoi a échoué.',
    listingClosed: 'Cette annonce est terminée et ne reçoit plus de réponses.',
    sending: 'Envoi…',
    cancel: 'Annuler',
  },
};
export type MemberFormMessages = typeof memberFormMessages.en;
