// The search worker behind Material for MkDocs' search box, answering from the Pagefind
// index written at build time (see search.py). Material's interface talks to its worker
// with four messages: SETUP (the site's search configuration) answered by READY, and QUERY
// (the text typed) answered by RESULT: a list of results, each a page followed by its
// best-matching sections. Everything sent back is HTML the interface inserts as is, so
// every text from the index is escaped here; only Pagefind's <mark> tags are kept.
"use strict"

const SETUP = 0, READY = 1, QUERY = 2, RESULT = 3
// Each result costs a download of its page's text: the best FIRST are answered at once
// (the interface shows ten before the reader scrolls); once the reader has stopped typing
// for PAUSE ms, the list grows to MOST.
const FIRST = 10, MOST = 30, PAUSE = 300

const site = new URL("../", self.location.href) // this worker is search/worker.js
const bundle = new URL("pagefind/", site)
// A large archive is indexed in several bundles (search.py): bundles.json lists them; the
// first one runs Pagefind and the others are merged into it, so that a query searches all.
const bundles = fetch(new URL("bundles.json", bundle))
  .then(response => (response.ok ? response.json() : {}))
  .catch(() => ({}))
  .then(manifest => (manifest.bundles || []).slice(1).map(path => new URL(path, site).pathname))
const pagefind = import(new URL("pagefind.js", bundle).href).then(async module => {
  const options = { baseUrl: site.pathname, excerptLength: 24 }
  const instance = module.createInstance({ basePath: bundle.pathname, ...options })
  await instance.init()
  await Promise.all((await bundles).map(path => instance.mergeIndex(path, options)))
  await instance.search("") // resolves once the WebAssembly and the index metadata are loaded
  return instance
})

function escapeHtml(text) {
  return String(text).replace(/[&<>"']/g, c => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c])
}

// Pagefind escapes < and > in excerpts and wraps matches in <mark>; escape the rest too.
function excerptHtml(excerpt) {
  return (excerpt || "").split(/(<\/?mark>)/).map(part => (
    /^<\/?mark>$/.test(part) ? part : escapeHtml(part.replace(/&lt;/g, "<").replace(/&gt;/g, ">"))
  )).join("")
}

// Pagefind's URLs are paths from the server's root; the interface resolves locations
// against the site's address, which may be a folder of that server.
function siteRelative(url) {
  return url.startsWith(site.pathname) ? url.slice(site.pathname.length) : url.replace(/^\//, "")
}

function weight(section) {
  return (section.weighted_locations || []).reduce((sum, l) => sum + l.balanced_score, 0)
}

function item(data, score, terms) {
  const sections = (data.sub_results || []).filter(s => s.url.includes("#"))
  const best = Math.max(0, ...sections.map(weight))
  const page = {
    location: siteRelative(data.url),
    title: escapeHtml(data.meta.title || data.url),
    text: excerptHtml(data.excerpt),
    score,
    terms,
  }
  const tags = (data.filters && data.filters.tag) || []
  if (tags.length) page.tags = tags.map(escapeHtml)
  // The best section shows under the page; the others fold into "N more on this page".
  const children = sections
    .map(s => ({
      location: siteRelative(s.url),
      title: escapeHtml(s.title),
      text: excerptHtml(s.excerpt),
      score: best && weight(s) >= best ? score : score * weight(s) / (best || 1) * 0.99,
      terms,
    }))
    .sort((a, b) => b.score - a.score)
  return [page, ...children]
}

// The interface sends a query on every keystroke and shows each answer as it comes; work
// for a query that has since been replaced stops before its next download.
let latest = 0

async function search(query, answer, stale) {
  const text = query.trim()
  if (!text) return answer({ items: [] })
  const index = await pagefind
  const found = await index.search(text)
  if (!found || stale()) return
  // The words to highlight on the page a result opens (?h=), quotes of a phrase left out.
  const words = text.replace(/"/g, " ").split(/\s+/).filter(Boolean)
  const terms = Object.fromEntries(words.map(word => [word.toLowerCase(), true]))
  const items = []
  for (const size of [FIRST, MOST]) {
    const more = found.results.slice(items.length, size)
    if (size !== FIRST) {
      if (!more.length) break
      await new Promise(resolve => setTimeout(resolve, PAUSE))
      if (stale()) return
    }
    const pages = await Promise.all(more.map(result => result.data()))
    if (stale()) return
    items.push(...pages.map((data, i) => item(data, more[i].score, terms)))
    answer({ items: [...items] })
  }
}

addEventListener("message", async ({ data: message }) => {
  switch (message.type) {
    case SETUP:
      await pagefind
      postMessage({ type: READY })
      break
    case QUERY: {
      const id = ++latest
      const stale = () => id !== latest
      const answer = data => postMessage({ type: RESULT, data })
      try {
        await search(message.data, answer, stale)
      } catch (err) {
        console.warn("Search failed:", err)
        if (!stale()) answer({ items: [] })
      }
      break
    }
  }
})
