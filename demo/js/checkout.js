/** Shows the pledge the form handed over (its id and amount travel in the query string). */
const params = new URLSearchParams(location.search);
const pledge = params.get('pledge');
const amount = Number(params.get('amount'));
const currency = params.get('currency');

if (pledge) document.getElementById('pledge-id').textContent = pledge;
if (Number.isInteger(amount) && currency && /^[A-Z]{3}$/.test(currency)) {
  const format = new Intl.NumberFormat('fr-FR', { style: 'currency', currency });
  const digits = format.resolvedOptions().maximumFractionDigits ?? 2;
  document.getElementById('pledge-amount').textContent = format.format(amount / 10 ** digits);
}
