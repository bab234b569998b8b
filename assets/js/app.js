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

// "Listen": reads the page's main content aloud with the browser's own speech synthesis, in
// the page's language. The button exists only where the browser can speak; nothing is sent
// anywhere. The button's words come translated from the page (<template id="sd-listen-template">).
const listenTemplate = document.getElementById('sd-listen-template')
const mainContent = document.getElementById('main-content')

if (listenTemplate && mainContent && 'speechSynthesis' in window && 'SpeechSynthesisUtterance' in window) {
  const synth = window.speechSynthesis
  const block = listenTemplate.content.firstElementChild.cloneNode(true)
  const button = block.querySelector('button')
  const label = block.querySelector('.sd-listen__label')
  const lang = document.documentElement.lang || 'en'
  const base = lang.split('-')[0].toLowerCase()
  const exit = mainContent.querySelector('.govuk-exit-this-page')
  mainContent.insertBefore(block, exit ? exit.nextSibling : mainContent.firstChild)

  const skipped = '[data-listen-skip], .govuk-exit-this-page, [hidden], [aria-hidden="true"], script, style, template, select'
  const mainText = () => {
    const parts = []
    const walker = document.createTreeWalker(mainContent, NodeFilter.SHOW_TEXT, {
      acceptNode (node) {
        const parent = node.parentElement
        return parent && !parent.closest(skipped) && node.nodeValue.trim()
          ? NodeFilter.FILTER_ACCEPT
          : NodeFilter.FILTER_REJECT
      }
    })
    while (walker.nextNode()) parts.push(walker.currentNode.nodeValue.trim())
    return parts.join('\n')
  }
  const matches = (voice) => (voice.lang || '').toLowerCase().replace('_', '-').split('-')[0] === base
  const showSpeaking = (on) => {
    label.textContent = on ? button.dataset.stopText : button.dataset.listenText
  }

  button.addEventListener('click', () => {
    if (synth.speaking) {
      synth.cancel()
      showSpeaking(false)
      return
    }
    const utterance = new window.SpeechSynthesisUtterance(mainText())
    utterance.lang = lang
    const voice = synth.getVoices().find(matches)
    if (voice) utterance.voice = voice
    utterance.addEventListener('end', () => showSpeaking(false))
    utterance.addEventListener('error', () => showSpeaking(false))
    showSpeaking(true)
    synth.speak(utterance)
  })

  // A browser with voices but none for this language would read it wrongly: no button then.
  const checkVoices = () => {
    const voices = synth.getVoices()
    block.hidden = voices.length > 0 && !voices.some(matches)
  }
  checkVoices()
  if (synth.addEventListener) synth.addEventListener('voiceschanged', checkVoices)
  window.addEventListener('pagehide', () => synth.cancel())
}
