// Sortable archive tables (tablesort, bundled in assets/vendor). Material for MkDocs swaps
// page content without a reload, so bind on every page it shows. A long table, whose rows
// are in data files (.pm-listing[data-files]), is sorted over every row by filters.js.
function bindSortableTables() {
  document.querySelectorAll("table.pm-sortable:not([data-sortable-bound])").forEach(function (table) {
    if (table.closest(".pm-listing[data-files]")) return
    table.setAttribute("data-sortable-bound", "")
    new Tablesort(table)
  })
}

// On a phone, tables are shown as a card per row (postmortem.css), each cell under its
// column's name: the cells of tables written in Markdown get that name here, from the
// header row, as data-label (the site writes it into the tables it generates).
function labelTableCells() {
  document.querySelectorAll(".md-typeset table:not([data-labelled])").forEach(function (table) {
    table.setAttribute("data-labelled", "")
    var head = table.tHead && table.tHead.rows[0]
    if (!head) return
    var names = Array.prototype.map.call(head.cells, function (cell) { return cell.textContent.trim() })
    Array.prototype.forEach.call(table.tBodies, function (body) {
      Array.prototype.forEach.call(body.rows, function (row) {
        Array.prototype.forEach.call(row.cells, function (cell, index) {
          if (!cell.hasAttribute("data-label") && names[index]) cell.setAttribute("data-label", names[index])
        })
      })
    })
  })
}

// A table wider than its column (on a tablet, say) scrolls sideways inside its box: the
// box then takes keyboard focus, so that it can be scrolled without a mouse, and is named
// for screen readers. Checked again when the window changes size.
function focusScrollingTables() {
  document.querySelectorAll(".md-typeset .pm-table-wrap, .md-typeset .md-typeset__scrollwrap").forEach(function (box) {
    if (box.scrollWidth > box.clientWidth + 1) {
      if (box.hasAttribute("tabindex")) return
      box.setAttribute("tabindex", "0")
      box.setAttribute("role", "region")
      box.setAttribute("aria-label", "Table, scrolls sideways")
    } else if (box.getAttribute("role") === "region") {
      box.removeAttribute("tabindex")
      box.removeAttribute("role")
      box.removeAttribute("aria-label")
    }
  })
}
var focusScrollingTablesSoon = null
window.addEventListener("resize", function () {
  if (focusScrollingTablesSoon === null)
    focusScrollingTablesSoon = requestAnimationFrame(function () { focusScrollingTablesSoon = null; focusScrollingTables() })
})

function bindTables() {
  labelTableCells()
  bindSortableTables()
  focusScrollingTables()
}
if (typeof document$ !== "undefined") {
  document$.subscribe(bindTables)
} else {
  document.addEventListener("DOMContentLoaded", bindTables)
}
