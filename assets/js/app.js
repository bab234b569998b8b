// Said & Done — progressive enhancement. Pages work without this file.
//
// Load order in the base template (no inline script anywhere: strict CSP):
//   <meta name="htmx-config" content='{"includeIndicatorStyles":false,...}'>
//   <script defer src="/static/js/htmx.min.js"></script>
//   <script type="module" src="/static/js/app.js"></script>
// Module scripts run after parsing but before DOMContentLoaded, which is when
// htmx reads its config and would inject its indicator <style>, so the
// settings below are in time. The meta tag covers the case where this file
// fails to load while htmx did.
import { initAll } from './govuk-frontend.min.js'

const body = document.body

// GOV.UK's template adds these with an inline script; our CSP forbids that.
// We only get here in browsers with ES module support, which is what
// `govuk-frontend-supported` means.
body.classList.add('js-enabled', 'govuk-frontend-supported')
initAll()

const htmx = window.htmx

if (htmx) {
  Object.assign(htmx.config, {
    allowEval: false, // no eval / new Function (CSP has no 'unsafe-eval')
    allowScriptTags: false, // never run <script> in swapped content
    includeIndicatorStyles: false, // our CSS styles .htmx-indicator
    historyCacheSize: 0, // keep no page content in sessionStorage
    refreshOnHistoryMiss: true, // Back button: reload the page from the server
    selfRequestsOnly: true // only talk to our own origin
  })

  // CSRF token on every htmx request (read each time: it may rotate).
  document.addEventListener('htmx:configRequest', (event) => {
    const meta = document.querySelector('meta[name="csrf-token"]')
    if (meta && meta.content) {
      event.detail.headers['X-CSRF-Token'] = meta.content
    }
  })

  // Start GOV.UK components (character count, error summary...) in content
  // that htmx swaps in. The first htmx:load is for the whole body, already done.
  document.addEventListener('htmx:load', (event) => {
    const elt = event.detail && event.detail.elt
    if (!elt || elt === body) return
    initAll({
      scope: elt.parentElement || elt,
      onError (error) {
        // Siblings that are already running say so; that's expected.
        if (error.name !== 'InitError') console.error(error)
      }
    })
  })
}
