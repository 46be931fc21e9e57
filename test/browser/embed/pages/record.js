// A classic script the strict-CSP test pages load first (script-src 'self' allows it): it
// records what a host page's developer would see in the console, so that the test in the
// parent page can assert "no error, at most the expected warning".
(function () {
  var log = { warnings: [], errors: [], violations: [] };
  window.__embedLog = log;
  var text = function (args) {
    return Array.prototype.map
      .call(args, function (a) {
        return a instanceof Error ? a.message : String(a);
      })
      .join(' ');
  };
  var warn = console.warn;
  var error = console.error;
  console.warn = function () {
    log.warnings.push(text(arguments));
    return warn.apply(console, arguments);
  };
  console.error = function () {
    log.errors.push(text(arguments));
    return error.apply(console, arguments);
  };
  window.addEventListener('error', function (e) {
    log.errors.push('uncaught: ' + (e.message || e.type));
  });
  window.addEventListener('unhandledrejection', function (e) {
    log.errors.push('unhandled rejection: ' + (e.reason && e.reason.message ? e.reason.message : String(e.reason)));
  });
  // Blocked scripts, styles, evals and Trusted Types sinks all land here.
  // The element that broke the policy, even inside a shadow root (e.g. `div[part=meter-fill]`).
  var where = function (e) {
    var node = e.composedPath ? e.composedPath()[0] : e.target;
    if (!node || !node.localName) return '';
    var part = node.getAttribute && node.getAttribute('part');
    var root = node.getRootNode && node.getRootNode();
    var host = root && root.host ? ' in <' + root.host.localName + '>' : '';
    return ' on ' + node.localName + (part ? '[part=' + part + ']' : node.className ? '.' + node.className : '') + host;
  };
  document.addEventListener('securitypolicyviolation', function (e) {
    log.violations.push(
      e.effectiveDirective +
        ' blocked ' +
        (e.blockedURI || 'inline') +
        where(e) +
        (e.sample ? ' (' + e.sample + ')' : ''),
    );
  });
})();
