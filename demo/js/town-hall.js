/**
 * The town hall's site owns sign-in. When a resident who is not signed in votes or answers an
 * event, the widget fires `partage-sign-in-request`; the site runs its own sign-in (here a fake
 * dialog), then hands the provider a member token. Widgets never see passwords or session cookies.
 */
const DEMO_MEMBER = { name: 'Morgane L.', token: 'demo-member-morgane' };
/** An organiser of the neighbourhood: creates polls and events, sees partner link visits in the stats. */
const DEMO_ORGANISER = { name: 'Mairie de Saint-Malo (agent)', token: 'demo-organiser-mairie' };

const provider = document.querySelector('partage-provider');
const dialog = document.getElementById('sign-in-dialog');
const signInButton = document.getElementById('sign-in');
const signOutButton = document.getElementById('sign-out');
const accountName = document.getElementById('account-name');

function setSignedIn(member) {
  // A callback rather than a string: a real site would return a fresh token from its session.
  provider.memberToken = member ? () => member.token : undefined;
  accountName.textContent = member ? `Connectée : ${member.name}` : '';
  accountName.hidden = !member;
  signInButton.hidden = !!member;
  signOutButton.hidden = !member;
}

/** Who asked: after a widget's request, the widget resumes its action and moves focus itself. */
let askedByWidget = false;

function askSignIn(byWidget) {
  askedByWidget = byWidget;
  if (!dialog.open) dialog.showModal();
}

dialog.addEventListener('close', () => {
  const signedIn = dialog.returnValue === 'sign-in' || dialog.returnValue === 'sign-in-organiser';
  if (signedIn) setSignedIn(dialog.returnValue === 'sign-in' ? DEMO_MEMBER : DEMO_ORGANISER);
  if (!askedByWidget) (signedIn ? signOutButton : signInButton).focus();
});
signInButton.addEventListener('click', () => askSignIn(false));
signOutButton.addEventListener('click', () => {
  setSignedIn(null);
  signInButton.focus();
});
document.addEventListener('partage-sign-in-request', () => askSignIn(true));

setSignedIn(null);
