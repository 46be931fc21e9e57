/**
 * Equity tickets are signed and paid on the platform's regulated checkout: the pledge comes back
 * `pending_payment` with a `checkoutUrl` on the platform's site. This demo has no such site, so
 * the page takes the checkout over and sends the investor to its own placeholder page instead
 * (a real creator's page would let the widget navigate).
 */
document.addEventListener('partage-checkout', (event) => {
  const { pledge } = event.detail ?? {};
  if (!pledge?.id) return;
  event.preventDefault();
  const target = new URL('checkout.html', location.href);
  target.searchParams.set('pledge', pledge.id);
  if (pledge.amount) {
    target.searchParams.set('amount', String(pledge.amount.amount));
    target.searchParams.set('currency', pledge.amount.currency);
  }
  location.assign(target);
});
