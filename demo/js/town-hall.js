/**
 * The town hall's site owns sign-in. When a resident who is not signed in votes or answers an
 * event, the widget fires `partage-sign-in-request`; the site runs its own sign-in (here a fake
 * dialog), then hands the provider a member token. Widgets never see passwords or session cookies.
 */
const DEMO_MEMBER = { name: 'Morgane L.', token: 'demo-member-morgane' };

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
  const signedIn = dialog.returnValue === 'sign-in';
  if (signedIn) setSignedIn(DEMO_MEMBER);
  if (!askedByWidget) (signedIn ? signOutButton : signInButton).focus();
});
signInButton.addEventListener('click', () => askSignIn(false));
signOutButton.addEventListener('click', () => {
  setSignedIn(null);
  signInButton.focus();
});
document.addEventListener('partage-sign-in-request', () => askSignIn(true));

setSignedIn(null);
