// Filters on the archive table (the form is written by the site plugin's filters.py).
// Values ticked in one facet widen the choice (any of them), facets narrow it (all of
// them). Each count is the number of incidents a value would match with the other facets
// as they are. The choice lives in the URL query, so a filtered view can be shared.
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
      var any = facets.some(function (facet) { return picked[facet].length })
      status.textContent = any
        ? shown + " of " + rows.length + " incidents"
        : "All " + rows.length + " incident" + (rows.length === 1 ? "" : "s")
      return picked
    }

    function save(picked) {
      var url = new URL(location.href)
      facets.forEach(function (facet) {
        url.searchParams.delete(facet)
        picked[facet].forEach(function (value) { url.searchParams.append(facet, value) })
      })
      if (url.href !== location.href) history.replaceState(history.state, "", url.href)
    }

    var params = new URL(location.href).searchParams
    boxes.forEach(function (box) { box.checked = params.getAll(box.name).indexOf(box.value) >= 0 })
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
