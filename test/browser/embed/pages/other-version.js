// Stands in for an older Partage already on the page (another plugin of the blog embedded it):
// it registers two tags first, with a different version.
class OldCampaignCard extends HTMLElement {
  static version = '0.0.1-old';
}
class OldCountdown extends HTMLElement {
  static version = '0.0.1-old';
}
customElements.define('partage-campaign-card', OldCampaignCard);
customElements.define('partage-countdown', OldCountdown);
