// Filters, sorting and pages of the site's long tables: the archive (the form is written by
// the site plugin's filters.py) and the action items (tracker.py). Values ticked in one
// facet widen the choice (any of them), facets narrow it (all of them). Each count is the
// number of rows a value would match with the other facets as they are. A date range
// (since, until: inclusive, on each row's "date") narrows every facet. The choice lives in
// the URL query, so a filtered view can be shared. The rule is
// postmortem.action_items.ActionFilter's, the one `postmortem actions` applies.
//
// A short table is all in its page: rows are shown and hidden. A long one (site/listing.py)
// has only its first rows in the page, and every row in data files named by the listing's
// data-files: they are fetched when the reader filters, sorts or turns a page, and the rows
// are then built from the page's <template data-prototype> elements, a page at a time.
function bindArchiveFilters() {
  document.querySelectorAll("form.pm-filters:not([data-filters-bound]):not([data-filters-binding])").forEach(function (form) {
    form.setAttribute("data-filters-binding", "")
    bindListing(form)
  })
}

function bindListing(form) {
  var listing = form.closest(".pm-listing") || form.parentElement
  var table = listing.querySelector("table.pm-filterable")
  if (!table) return
  var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"))
  var facets = []
  boxes.forEach(function (box) { if (facets.indexOf(box.name) < 0) facets.push(box.name) })
  var body = table.tBodies[0]
  var rows = Array.prototype.map.call(body.rows, function (row) {
    return { el: row, values: JSON.parse(row.getAttribute("data-facets")) }
  })
  var status = form.querySelector(".pm-filters__status")
  var one = form.getAttribute("data-noun-one") || "incident"
  var many = form.getAttribute("data-noun-many") || "incidents"
  var ranges = Array.prototype.slice.call(form.querySelectorAll("input[data-range]"))

  var files = (listing.getAttribute("data-files") || "").split(" ").filter(Boolean)
  var lazy = files.length > 0
  var total = lazy ? Number(listing.getAttribute("data-total")) : rows.length
  var pageRows = Number(listing.getAttribute("data-page-rows")) || 50
  var pager = listing.querySelector(".pm-pager")
  var page = 0
  var matching = rows
  var loading = null
  var applied = false  // whether matching is over every row of a long table
  var build = lazy ? rowBuilder(listing) : null

  // Every row, from the data files; the first call fetches them.
  function load() {
    if (!lazy) return Promise.resolve()
    if (!loading) {
      listing.setAttribute("aria-busy", "true")
      status.textContent = "Loading all " + total + " " + (total === 1 ? one : many) + "\u2026"
      loading = Promise.all(files.map(function (file) {
        return fetch(file).then(function (response) {
          if (!response.ok) throw new Error(file + ": " + response.status)
          return response.json()
        })
      })).then(function (chunks) {
        var all = []
        chunks.forEach(function (chunk) { decode(chunk).forEach(function (data) { all.push(data) }) })
        rows = all.map(function (data, index) { return { data: data, values: build.values(data, facets), index: index, el: null } })
        total = rows.length
        applied = false
        listing.removeAttribute("aria-busy")
        listing.setAttribute("data-loaded", "")
        var note = listing.querySelector(".pm-listing__note")
        if (note) note.hidden = true
      }, function (error) {
        listing.removeAttribute("aria-busy")
        status.textContent = "The rest of the table could not be loaded (" + error.message + ")"
        throw error
      })
    }
    return loading
  }

  function inRange(row) {
    var since = "", until = ""
    ranges.forEach(function (input) {
      if (input.getAttribute("data-range") === "since") since = input.value
      else until = input.value
    })
    if (!since && !until) return true
    var day = (row.values.date || [])[0]
    if (!day) return false
    return (!since || day >= since) && (!until || day <= until)
  }

  function chosen() {
    var picked = {}
    facets.forEach(function (facet) { picked[facet] = [] })
    boxes.forEach(function (box) { if (box.checked) picked[box.name].push(box.value) })
    return picked
  }

  function matches(row, facet, picked) {
    var wanted = picked[facet]
    if (!wanted.length) return true
    var have = row.values[facet] || []
    for (var i = 0; i < have.length; i++) if (wanted.indexOf(have[i]) >= 0) return true
    return false
  }

  function apply() {
    var picked = chosen()
    applied = true
    var counts = {}
    facets.forEach(function (facet) { counts[facet] = {} })
    matching = []
    rows.forEach(function (row) {
      var misses = facets.filter(function (facet) { return !matches(row, facet, picked) })
      if (!inRange(row)) misses.push("\u0000range")  // counts for no facet
      var visible = misses.length === 0
      if (visible) matching.push(row)
      if (!lazy && row.el.hidden === visible) row.el.hidden = !visible
      // A row counts for a facet's values when every other facet lets it through.
      facets.forEach(function (facet) {
        if (misses.length > 1 || (misses.length === 1 && misses[0] !== facet)) return
        (row.values[facet] || []).forEach(function (value) {
          counts[facet][value] = (counts[facet][value] || 0) + 1
        })
      })
    })
    boxes.forEach(function (box) {
      var count = counts[box.name][box.value] || 0
      box.parentElement.querySelector(".pm-filter__count").textContent = count
      box.parentElement.classList.toggle("pm-filter__option--empty", count === 0 && !box.checked)
    })
    var any = facets.some(function (facet) { return picked[facet].length }) ||
      ranges.some(function (input) { return input.value })
    status.textContent = any
      ? matching.length + " of " + rows.length + " " + (rows.length === 1 ? one : many)
      : "All " + rows.length + " " + (rows.length === 1 ? one : many)
    return picked
  }

  // The current page of the matching rows into the table (long tables only).
  function show() {
    if (!lazy) return
    var pages = Math.max(1, Math.ceil(matching.length / pageRows))
    page = Math.min(Math.max(page, 0), pages - 1)
    var shown = matching.slice(page * pageRows, (page + 1) * pageRows)
    body.replaceChildren.apply(body, shown.map(function (row) { return row.el || (row.el = build.row(row.data)) }))
    if (!pager) return
    var first = matching.length ? page * pageRows + 1 : 0
    pager.querySelector(".pm-pager__status").textContent =
      first + "\u2013" + (page * pageRows + shown.length) + " of " + matching.length + ", page " + (page + 1) + " of " + pages
    pager.querySelector("[data-page='-1']").disabled = page === 0
    pager.querySelector("[data-page='1']").disabled = page >= pages - 1
  }

  function save(picked) {
    var url = new URL(location.href)
    facets.forEach(function (facet) {
      url.searchParams.delete(facet)
      picked[facet].forEach(function (value) { url.searchParams.append(facet, value) })
    })
    ranges.forEach(function (input) {
      url.searchParams.delete(input.name)
      if (input.value) url.searchParams.set(input.name, input.value)
    })
    if (url.href !== location.href) history.replaceState(history.state, "", url.href)
  }

  // Filter again, with every row of a long table; then back to its first page.
  function refresh() {
    return load().then(function () {
      var picked = apply()
      page = 0
      show()
      save(picked)
    })
  }

  // Values in the URL compare ignoring case, as `postmortem actions --severity sev1` does.
  var params = new URL(location.href).searchParams
  boxes.forEach(function (box) {
    var asked = params.getAll(box.name).map(function (value) { return value.toLowerCase() })
    box.checked = asked.indexOf(box.value.toLowerCase()) >= 0
  })
  ranges.forEach(function (input) {
    var value = params.get(input.name) || ""
    input.value = /^\d{4}-\d{2}-\d{2}$/.test(value) ? value : ""
  })
  form.querySelectorAll("button[data-since]").forEach(function (button) {
    button.addEventListener("click", function () {
      ranges.forEach(function (input) {
        input.value = input.getAttribute("data-range") === "since" ? button.getAttribute("data-since") : ""
      })
      refresh()
    })
  })
  // The form is bound (data-filters-bound) once the table shows what the address asks for.
  var asked = boxes.some(function (box) { return box.checked }) || ranges.some(function (input) { return input.value })
  if (lazy && asked) {
    refresh().then(function () { form.setAttribute("data-filters-bound", "") })
  } else {
    if (!lazy) apply()
    form.setAttribute("data-filters-bound", "")
  }
  form.hidden = false
  form.addEventListener("change", function () { refresh() })
  form.addEventListener("reset", function () {
    setTimeout(refresh)  // after the browser has cleared the boxes
  })
  form.addEventListener("submit", function (event) { event.preventDefault() })

  if (!lazy) return
  if (pager) {
    pager.querySelectorAll("button[data-page]").forEach(function (button) {
      button.addEventListener("click", function () {
        var step = Number(button.getAttribute("data-page"))
        load().then(function () {
          if (!applied) apply()
          page += step
          show()
        })
      })
    })
    pager.querySelector(".pm-pager__status").textContent =
      "1\u2013" + body.rows.length + " of " + total + ", page 1 of " + Math.ceil(total / pageRows)
    pager.querySelector("[data-page='-1']").disabled = true
    pager.hidden = false
  }
  bindSorting(table, function (column, descending) {
    return load().then(function () {
      var key = build.key(column)
      rows.sort(function (a, b) {
        var x = key(a.data), y = key(b.data)
        var order = x < y ? -1 : x > y ? 1 : 0
        return (descending ? -order : order) || a.index - b.index
      })
      apply()
      page = 0
      show()
    })
  })
}

// Sorting a long table sorts every row, not the page's: a click (or Enter) on a heading
// sorts by that column, a second click the other way. The theme styles the headings as it
// does tablesort's (role, aria-sort).
function bindSorting(table, sort) {
  table.setAttribute("data-sortable-bound", "")
  var heads = Array.prototype.slice.call(table.tHead.rows[0].cells)
  var column = -1, descending = false
  heads.forEach(function (th, index) {
    th.setAttribute("role", "columnheader")
    th.setAttribute("tabindex", "0")
    function choose() {
      descending = column === index ? !descending : false
      column = index
      heads.forEach(function (other) { other.removeAttribute("aria-sort") })
      th.setAttribute("aria-sort", descending ? "descending" : "ascending")
      sort(index, descending)
    }
    th.addEventListener("click", choose)
    th.addEventListener("keydown", function (event) {
      if (event.key === "Enter" || event.key === " ") { event.preventDefault(); choose() }
    })
  })
}

// A data file (site/listing.py) as objects: dictionary-encoded fields looked up.
function decode(chunk) {
  var fields = chunk.fields, dictionary = chunk.values
  return chunk.rows.map(function (row) {
    var data = {}
    for (var i = 0; i < fields.length; i++) {
      var value = row[i], table = dictionary[fields[i]]
      if (table) value = Array.isArray(value) ? value.map(function (index) { return table[index] }) : table[value]
      data[fields[i]] = value
    }
    return data
  })
}

// How one kind of long table builds a row from its data: its cells (from the page's
// prototypes), its filter values, and each column's sort key.
function rowBuilder(listing) {
  var root = listing.getAttribute("data-root") || ""
  var proto = {}
  listing.querySelectorAll("template[data-prototype]").forEach(function (template) {
    var name = template.getAttribute("data-prototype"), value = template.getAttribute("data-value")
    if (value === null) proto[name] = template
    else (proto[name] = proto[name] || {})[value] = template
  })
  function copy(template) { return template.content.cloneNode(true) }
  function first(template) { return template.content.firstElementChild.cloneNode(true) }
  function rank(name, value) {
    var template = (proto[name] || {})[value]
    return template ? Number(template.getAttribute("data-sort")) : 99
  }
  function values(data, facets) {
    var found = {}
    facets.forEach(function (facet) {
      var value = data[facet]
      found[facet] = Array.isArray(value) ? value : value === undefined || value === null ? [] : [value]
    })
    found.date = data.date ? [data.date] : []
    return found
  }
  function badge(cell, name, value) {
    var template = (proto[name] || {})[value]
    if (template) cell.appendChild(copy(template))
    else cell.textContent = value
  }

  if (listing.getAttribute("data-kind") === "action") {
    var actionKeys = [
      function (d) { return d.action.toLowerCase() },
      function (d) { return d.link },
      function (d) { return d.date },
      function (d) { return rank("severity", d.severity) },
      function (d) { return d.category },
      function (d) { return d.shown_priority },
      function (d) { return d.shown_owner.toLowerCase() },
      function (d) { return d.due },
      function (d) { return d.status },
      function (d) { return d.tracking },
    ]
    return {
      values: values,
      key: function (column) { return actionKeys[column] },
      row: function (d) {
        var tr = first(proto.row), td = tr.cells
        td[0].firstElementChild.textContent = d.action
        var link = td[1].querySelector("a")
        link.setAttribute("href", root + d.url)
        link.textContent = d.link
        td[1].querySelector("span").textContent = d.title
        if (d.restricted) td[1].appendChild(copy(proto.restricted))
        td[2].setAttribute("data-sort", d.date)
        td[2].textContent = d.date || "\u2014"
        td[3].setAttribute("data-sort", rank("severity", d.severity))
        badge(td[3], "severity", d.severity)
        td[4].textContent = d.category
        td[5].textContent = d.shown_priority
        td[6].textContent = d.shown_owner
        var due = copy(d.overdue ? proto.overdue : proto.due)
        due.querySelector(".pm-due").textContent = d.due
        if (d.overdue) {
          due.querySelector(".pm-badge").textContent = d.overdue
          tr.className = "pm-row--overdue"
        }
        td[7].appendChild(due)
        badge(td[8], "status", d.shown_status)
        if (d.tracking_url) {
          var tracking = first(proto.tracking)
          tracking.setAttribute("href", d.tracking_url)
          tracking.textContent = d.tracking
          td[9].appendChild(tracking)
        } else {
          td[9].textContent = d.tracking
        }
        return tr
      },
    }
  }

  var services = proto.service ? proto.service.getAttribute("data-href") : ""
  var incidentKeys = [
    function (d) { return d.day },
    function (d) { return d.title.toLowerCase() },
    function (d) { return rank("severity", d.severity) },
    function (d) { return d.status },
    function (d) { return d.minutes === null ? 999999999 : d.minutes },
    function (d) { return d.service.join(" ") },
  ]
  return {
    values: values,
    key: function (column) { return incidentKeys[column] },
    row: function (d) {
      var tr = first(proto.row), td = tr.cells
      td[0].setAttribute("data-sort", d.day)
      td[0].textContent = d.day
      if (d.is_draft) td[1].className = "pm-draft"
      td[1].setAttribute("data-sort", d.title.toLowerCase())
      var link = td[1].querySelector("a")
      link.setAttribute("href", root + d.url)
      link.textContent = d.title
      td[1].querySelector("span").textContent = d.label
      td[2].setAttribute("data-sort", rank("severity", d.severity))
      badge(td[2], "severity", d.severity)
      td[3].setAttribute("data-sort", d.status)
      badge(td[3], "status", d.status)
      td[4].setAttribute("data-sort", d.minutes === null ? "999999999" : ("000000000" + d.minutes).slice(-9))
      td[4].textContent = d.duration
      td[5].setAttribute("data-sort", d.service.join(" "))
      d.service.forEach(function (service, index) {
        if (index) td[5].appendChild(document.createTextNode(" "))
        var chip = first(proto.service)
        chip.setAttribute("href", services + "#" + d.anchor[index])
        chip.textContent = service
        td[5].appendChild(chip)
      })
      return tr
    },
  }
}

if (typeof document$ !== "undefined") {
  document$.subscribe(bindArchiveFilters)
} else {
  document.addEventListener("DOMContentLoaded", bindArchiveFilters)
}
