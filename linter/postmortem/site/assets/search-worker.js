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
const options = { baseUrl: site.pathname, excerptLength: 24 }

// Pagefind over the bundles at `paths` (folders from the server's root): the first one runs
// Pagefind and the others are merged into it, so that a query searches all of them.
async function open(paths) {
  const module = await import(new URL("pagefind.js", bundle).href)
  const instance = module.createInstance({ basePath: paths[0], ...options })
  await instance.init()
  await Promise.all(paths.slice(1).map(path => instance.mergeIndex(path, options)))
  await instance.search("") // resolves once the WebAssembly and the index metadata are loaded
  return instance
}

// A large archive is indexed in several bundles (search.py), listed in bundles.json.
// Pagefind searches merged bundles one after another, in one thread; its time grows with
// the pages a query matches. With more than one bundle and more than one core, the bundles
// are dealt among PARTS: workers of this same script, each searching its share at the same
// time. A part answers with its results' scores; the best of all parts are merged by score,
// which is how Pagefind ranks merged bundles, and only those are fetched.
const PART = "pagefind-part"
const MOST_PARTS = 4

// ----------------------------------------------------------------- a part (a sub-worker)

if (self.name === PART) {
  let instance = null
  let last = { query: 0, results: [] } // the last query's results, for the pages asked for next
  addEventListener("message", async ({ data: message }) => {
    try {
      if (message.open) {
        instance = await open(message.open)
        postMessage({ id: message.id })
      } else if (message.query !== undefined) {
        const results = (await instance.search(message.query)).results
        if (message.id > last.query) last = { query: message.id, results }
        postMessage({ id: message.id, scores: results.slice(0, message.most).map(result => result.score), count: results.length })
      } else if (message.pages) {
        if (message.of !== last.query) throw new Error("a newer query replaced these results")
        const results = last.results
        postMessage({ id: message.id, pages: await Promise.all(message.pages.map(i => results[i].data())) })
      }
    } catch (err) {
      postMessage({ id: message.id, error: String(err) })
    }
  })
}

// The parts of the search, or null where one worker does: each part is a worker that
// opens its share of the bundles and answers requests ({open}, {query, most}, {pages, of}).
function startParts(all) {
  const count = Math.min(self.navigator.hardwareConcurrency || 1, MOST_PARTS, all.length)
  if (count < 2 || typeof Worker === "undefined") return null
  try {
    return Array.from({ length: count }, (_, k) => {
      const worker = new Worker(self.location.href, { name: PART })
      const waiting = new Map()
      let next = 0
      worker.addEventListener("message", ({ data }) => {
        const [resolve, reject] = waiting.get(data.id)
        waiting.delete(data.id)
        if (data.error) reject(new Error(data.error))
        else resolve(data)
      })
      worker.addEventListener("error", event => { // the part could not start: fail what waits
        event.preventDefault()
        for (const [, reject] of waiting.values()) reject(new Error(event.message || "a search part failed"))
        waiting.clear()
      })
      const ask = message => new Promise((resolve, reject) => {
        const id = ++next
        waiting.set(id, [resolve, reject])
        worker.postMessage({ id, ...message })
      })
      return { worker, ask, ready: ask({ open: all.filter((_, i) => i % count === k) }) }
    })
  } catch (err) {
    console.warn("Search in one worker:", err) // a browser without workers in workers
    return null
  }
}

// A search over the parts: each finds its results; the best `most` of all, by score, are
// the answer, and a part fetches the pages of its own.
function searchParts(parts) {
  return async (text, most) => {
    const answers = await Promise.all(parts.map(part => part.ask({ query: text, most })))
    const best = answers
      .flatMap((answer, k) => answer.scores.map((score, i) => ({ score, k, i, of: answer.id })))
      .sort((a, b) => b.score - a.score || a.k - b.k || a.i - b.i)
      .slice(0, most)
    const pages = async (from, to) => {
      const wanted = best.slice(from, to)
      const asked = parts.map((part, k) => {
        const mine = wanted.filter(w => w.k === k)
        if (!mine.length) return []
        return part.ask({ pages: mine.map(w => w.i), of: mine[0].of }).then(a => mine.map((w, j) => [w, a.pages[j]]))
      })
      const data = new Map((await Promise.all(asked)).flat())
      return wanted.map(w => ({ score: w.score, data: data.get(w) }))
    }
    return { count: answers.reduce((sum, answer) => sum + answer.count, 0), pages }
  }
}

// A search in this worker, over every bundle.
function searchHere(index) {
  return async text => {
    const found = (await index.search(text)).results
    const pages = async (from, to) => {
      const wanted = found.slice(from, to)
      const data = await Promise.all(wanted.map(result => result.data()))
      return wanted.map((result, i) => ({ score: result.score, data: data[i] }))
    }
    return { count: found.length, pages }
  }
}

// `(await searcher)(text, most)` answers the number of results and `pages(from, to)`,
// the data of the results from `from` to `to` (at most `most`), best first.
async function start() {
  const manifest = await fetch(new URL("bundles.json", bundle))
    .then(response => (response.ok ? response.json() : {}))
    .catch(() => ({}))
  const all = (manifest.bundles && manifest.bundles.length ? manifest.bundles : ["pagefind/"])
    .map(path => new URL(path, site).pathname)
  const parts = all.length > 1 ? startParts(all) : null
  if (parts) {
    try {
      await Promise.all(parts.map(part => part.ready))
      return searchParts(parts)
    } catch (err) {
      console.warn("Search in one worker:", err)
      parts.forEach(part => part.worker.terminate())
    }
  }
  return searchHere(await open(all))
}
const searcher = self.name === PART ? null : start()

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
  const found = await (await searcher)(text, MOST)
  if (stale()) return
  // The words to highlight on the page a result opens (?h=), quotes of a phrase left out.
  const words = text.replace(/"/g, " ").split(/\s+/).filter(Boolean)
  const terms = Object.fromEntries(words.map(word => [word.toLowerCase(), true]))
  const items = []
  for (const size of [FIRST, MOST]) {
    const from = items.length
    if (size !== FIRST) {
      if (from >= Math.min(found.count, MOST)) break
      await new Promise(resolve => setTimeout(resolve, PAUSE))
      if (stale()) return
    }
    const pages = await found.pages(from, size)
    if (stale()) return
    items.push(...pages.map(page => item(page.data, page.score, terms)))
    answer({ items: [...items] })
  }
}

if (self.name !== PART) addEventListener("message", async ({ data: message }) => {
  switch (message.type) {
    case SETUP:
      await searcher
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
