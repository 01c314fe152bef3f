// Sortable archive tables (tablesort, bundled in assets/vendor). Material for MkDocs swaps
// page content without a reload, so bind on every page it shows.
function bindSortableTables() {
  document.querySelectorAll("table.pm-sortable:not([data-sortable-bound])").forEach(function (table) {
    table.setAttribute("data-sortable-bound", "")
    new Tablesort(table)
  })
}
if (typeof document$ !== "undefined") {
  document$.subscribe(bindSortableTables)
} else {
  document.addEventListener("DOMContentLoaded", bindSortableTables)
}
