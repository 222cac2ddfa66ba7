// Search and filters of the document table on /van-ban/. The page works
// without this file: the table lists every document and the listings by
// type and by year are plain links. Words are folded as everywhere else
// (query.js), so "1126/QĐ-UBND", "1126 qd ubnd" and "QĐ 1126" find the same
// document: every word of the query must be a word of the row, in any
// order; the last may still be being typed.

import { readParams, searchFold, searchWords, syncUrl } from "./query.js";

const FILTERS = { loai: "type", "co-quan": "issuer", nam: "year", "linh-vuc": "field" };

const form = document.getElementById("document-filter");
if (form) {
  const status = document.getElementById("document-status");
  const empty = document.getElementById("document-empty");
  const rows = [...document.querySelectorAll("#document-list tbody tr")].map((row) => ({
    row,
    words: searchWords(row.dataset.text).map(searchFold),
  }));

  const matches = ({ row, words }, query) =>
    Object.entries(FILTERS).every(([name, key]) => !form.elements[name].value || row.dataset[key] === form.elements[name].value) &&
    query.every((word, i) => words.some((term) => term === word || (i === query.length - 1 && term.startsWith(word))));

  const apply = () => {
    const query = searchWords(form.elements.q.value).map(searchFold);
    let shown = 0;
    for (const entry of rows) {
      const ok = matches(entry, query);
      entry.row.hidden = !ok;
      if (ok) shown += 1;
    }
    status.textContent = `${shown} / ${rows.length} văn bản`;
    empty.hidden = shown > 0;
    syncUrl(form);
  };

  form.hidden = false;
  readParams(form, ["q", ...Object.keys(FILTERS)]);
  form.addEventListener("input", apply);
  form.addEventListener("submit", (event) => {
    event.preventDefault();
    apply();
  });
  apply();
}
