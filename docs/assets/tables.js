// Sortable archive tables (tablesort, bundled in assets/vendor). Material for MkDocs swaps
// page content without a reload, so bind on every page it shows.
function bindSortableTables() {
  document.querySelectorAll("table.pm-sortable:not([data-sortable-bound])").forEach(function (table) {
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

function bindTables() {
  labelTableCells()
  bindSortableTables()
}
if (typeof document$ !== "undefined") {
  document$.subscribe(bindTables)
} else {
  document.addEventListener("DOMContentLoaded", bindTables)
}
