// Filters on a table of the site: the archive (the form is written by the site plugin's
// filters.py) and the action items (tracker.py). Values ticked in one facet widen the
// choice (any of them), facets narrow it (all of them). Each count is the number of rows
// a value would match with the other facets as they are. A date range (since, until:
// inclusive, on each row's "date") narrows every facet. The choice lives in the URL query,
// so a filtered view can be shared. The rule is postmortem.action_items.ActionFilter's,
// the one `postmortem actions` applies.
function bindArchiveFilters() {
  document.querySelectorAll("form.pm-filters:not([data-filters-bound])").forEach(function (form) {
    var table = form.parentElement.querySelector("table.pm-filterable")
    if (!table) return
    form.setAttribute("data-filters-bound", "")
    var boxes = Array.prototype.slice.call(form.querySelectorAll("input[type=checkbox]"))
    var facets = []
    boxes.forEach(function (box) { if (facets.indexOf(box.name) < 0) facets.push(box.name) })
    var rows = Array.prototype.map.call(table.tBodies[0].rows, function (row) {
      return { el: row, values: JSON.parse(row.getAttribute("data-facets")) }
    })
    var status = form.querySelector(".pm-filters__status")
    var one = form.getAttribute("data-noun-one") || "incident"
    var many = form.getAttribute("data-noun-many") || "incidents"
    var ranges = Array.prototype.slice.call(form.querySelectorAll("input[data-range]"))

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
      var counts = {}
      facets.forEach(function (facet) { counts[facet] = {} })
      var shown = 0
      rows.forEach(function (row) {
        var misses = facets.filter(function (facet) { return !matches(row, facet, picked) })
        if (!inRange(row)) misses.push("\u0000range")  // counts for no facet
        var visible = misses.length === 0
        if (row.el.hidden === visible) row.el.hidden = !visible
        if (visible) shown++
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
        ? shown + " of " + rows.length + " " + (rows.length === 1 ? one : many)
        : "All " + rows.length + " " + (rows.length === 1 ? one : many)
      return picked
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
        save(apply())
      })
    })
    apply()
    form.hidden = false
    form.addEventListener("change", function () { save(apply()) })
    form.addEventListener("reset", function () {
      setTimeout(function () { save(apply()) })  // after the browser has cleared the boxes
    })
    form.addEventListener("submit", function (event) { event.preventDefault() })
  })
}
if (typeof document$ !== "undefined") {
  document$.subscribe(bindArchiveFilters)
} else {
  document.addEventListener("DOMContentLoaded", bindArchiveFilters)
}
