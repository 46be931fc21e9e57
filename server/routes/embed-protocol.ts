/**
 * Script of the oEmbed card page (served at /embed/protocol.js): WordPress's embed protocol, as
 * its wp-embed host script expects it. The host reads `{ message, value, secret }` messages
 * from iframes whose `data-secret` matches: `height` resizes the iframe (and swaps the
 * blockquote for it), `link` navigates the top page when the link is on the iframe's host. The
 * iframe is sandboxed (scripts only, opaque origin): links cannot navigate by themselves.
 * Outside WordPress (no secret in the URL) nothing is posted and links work as usual.
 */
export const embedProtocolScript = `(function () {
  'use strict';
  var match = /secret=([\\w]{10})/.exec(location.hash);
  if (!match || window.self === window.top) return;
  var secret = match[1];
  var page = document.currentScript && document.currentScript.getAttribute('data-page');
  function post(message, value) {
    window.parent.postMessage({ message: message, value: value, secret: secret }, '*');
  }
  var last = 0;
  function height() {
    var h = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (h !== last) { last = h; post('height', h); }
  }
  document.addEventListener('click', function (event) {
    var path = event.composedPath ? event.composedPath() : [event.target];
    for (var i = 0; i < path.length; i++) {
      var node = path[i];
      if (node && node.localName === 'a' && node.href) {
        event.preventDefault();
        // The host only follows links on the iframe's own host: the campaign's page here.
        post('link', page || node.href);
        return;
      }
    }
  });
  if (typeof ResizeObserver === 'function') new ResizeObserver(height).observe(document.documentElement);
  window.addEventListener('load', height);
  document.addEventListener('DOMContentLoaded', height);
})();
`;
